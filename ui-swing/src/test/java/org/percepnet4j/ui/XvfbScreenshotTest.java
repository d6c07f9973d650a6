package org.percepnet4j.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
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

    /**
     * A safety net only: on an idle machine a scenario takes about 15 s, on a busy 2-core one well under a minute,
     * because each step waits for its own outcome rather than for a fixed time.
     */
    private static final long SCENARIO_TIMEOUT_SECONDS = 300;

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
        Process p = pb.start();
        // Streamed as it comes, so a scenario that hangs (or a build that is killed) still shows how far it got.
        StringBuffer output = new StringBuffer();
        Thread echo = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    System.out.println("[scenario " + mode + "] " + line);
                    output.append(line).append('\n');
                }
            } catch (IOException e) {
                output.append("(reading the scenario's output failed: ").append(e).append(")\n");
            }
        }, "scenario-" + mode + "-output");
        echo.setDaemon(true);
        echo.start();
        boolean finished = p.waitFor(SCENARIO_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (!finished) {
            output.append(threadDump(p));
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        echo.join(10_000);
        assertThat(finished).as("scenario %s finished within %d s; its output and thread dump:%n%s",
                mode, SCENARIO_TIMEOUT_SECONDS, output).isTrue();
        assertThat(p.exitValue()).as("scenario %s failed:%n%s", mode, output).isZero();
    }

    /** The stacks of a scenario that did not finish: jcmd when the JDK has it, else SIGQUIT (dump to its output). */
    private static String threadDump(Process p) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        if (Files.isExecutable(jcmd)) {
            Process d = new ProcessBuilder(jcmd.toString(), Long.toString(p.pid()), "Thread.print")
                    .redirectErrorStream(true).start();
            byte[] dump = d.getInputStream().readAllBytes();
            if (d.waitFor(30, TimeUnit.SECONDS) && d.exitValue() == 0) {
                String text = "---- thread dump of the scenario (jcmd) ----\n" + new String(dump, StandardCharsets.UTF_8);
                System.out.println(text);
                return text;
            }
        }
        new ProcessBuilder("kill", "-QUIT", Long.toString(p.pid())).start().waitFor(5, TimeUnit.SECONDS);
        Thread.sleep(2000); // the JVM prints the dump to its own output, which the echo thread collects
        return "";
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
