package org.percepnet4j.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the editor and the app in real windows on an X display (a private Xvfb), drives them with the keyboard and
 * mouse through java.awt.Robot, renders and saves a generated file, and keeps PNG screenshots in
 * {@code target/screenshots} as build artifacts. Each scenario runs in its own JVM because the display and the UI
 * scale must be set before AWT starts. Skips, saying why, when there is neither Xvfb nor a DISPLAY.
 */
class XvfbScreenshotTest {

    private static XvfbDisplay display;

    @TempDir
    Path work;

    @BeforeAll
    static void startDisplay() throws Exception {
        display = XvfbDisplay.acquire();
    }

    @AfterAll
    static void stopDisplay() throws Exception {
        if (display != null) {
            display.close();
        }
    }

    private void runScenario(String mode, String... jvmOptions) throws IOException, InterruptedException {
        assumeTrue(display != null,
                "no DISPLAY and no Xvfb on the PATH: install xvfb (listed in .ci/apt-packages) to run the UI tests");
        Path shots = Screens.dir().toAbsolutePath();
        Files.createDirectories(shots);
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Djava.awt.headless=false");
        cmd.add("-Xmx512m");
        cmd.addAll(List.of(jvmOptions));
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(ScreenshotScenario.class.getName());
        cmd.add(mode);
        cmd.add(shots.toString());
        cmd.add(work.toAbsolutePath().toString());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("DISPLAY", display.display);
        Path log = work.resolve(mode + ".log");
        pb.redirectOutput(log.toFile());
        Process p = pb.start();
        boolean finished = p.waitFor(150, TimeUnit.SECONDS);
        if (!finished) {
            p.destroyForcibly();
        }
        String output = Files.readString(log);
        System.out.println("---- scenario " + mode + " ----\n" + output);
        assertThat(finished).as("scenario %s finished in time", mode).isTrue();
        assertThat(p.exitValue()).as("scenario %s failed:%n%s", mode, output).isZero();
    }

    private static BufferedImage shot(String name) throws IOException {
        Path f = Screens.dir().resolve(name + ".png");
        assertThat(f).exists();
        BufferedImage img = ImageIO.read(f.toFile());
        assertThat(Screens.distinctColours(img)).as(name + " is not blank").isGreaterThan(100);
        return img;
    }

    @Test
    void editorAndAppDrivenInAWindow() throws Exception {
        runScenario("all");
        BufferedImage editor = shot("editor");
        shot("app");
        assertThat(editor.getWidth()).isGreaterThan(300);
    }

    @Test
    void editorAtTwiceTheUiScale() throws Exception {
        runScenario("editor-2x", "-Dsun.java2d.uiScale=2");
        BufferedImage big = shot("editor-2x");
        assertThat(big.getWidth()).isGreaterThan(600);
    }
}
