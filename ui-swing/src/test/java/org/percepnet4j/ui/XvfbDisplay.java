package org.percepnet4j.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A private X display for UI tests: a fresh Xvfb when it is installed (so tests never pop windows up on a desktop
 * and always get the same screen size), else the DISPLAY the tests were started with, else none.
 */
final class XvfbDisplay implements AutoCloseable {

    final String display;
    private final Process xvfb;

    private XvfbDisplay(String display, Process xvfb) {
        this.display = display;
        this.xvfb = xvfb;
    }

    /** A display to use, or null when there is neither Xvfb nor a DISPLAY. */
    static XvfbDisplay acquire() throws IOException, InterruptedException {
        String xvfbBinary = findOnPath("Xvfb");
        if (xvfbBinary != null) {
            for (int n = 99; n < 140; n++) {
                if (Files.exists(Path.of("/tmp/.X" + n + "-lock")) || Files.exists(Path.of("/tmp/.X11-unix/X" + n))) {
                    continue;
                }
                Process p = new ProcessBuilder(xvfbBinary, ":" + n, "-screen", "0", "2560x1600x24", "-nolisten", "tcp")
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                Path socket = Path.of("/tmp/.X11-unix/X" + n);
                for (int i = 0; i < 100 && p.isAlive() && !Files.exists(socket); i++) {
                    Thread.sleep(50);
                }
                if (p.isAlive() && Files.exists(socket)) {
                    return new XvfbDisplay(":" + n, p);
                }
                p.destroy(); // lost a race for this number, or it failed: try the next
            }
        }
        String env = System.getenv("DISPLAY");
        return env == null || env.isBlank() ? null : new XvfbDisplay(env, null);
    }

    private static String findOnPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p)) {
                return p.toString();
            }
        }
        return null;
    }

    @Override
    public void close() throws InterruptedException {
        if (xvfb != null) {
            xvfb.destroy();
            if (!xvfb.waitFor(5, TimeUnit.SECONDS)) {
                xvfb.destroyForcibly();
            }
        }
    }
}
