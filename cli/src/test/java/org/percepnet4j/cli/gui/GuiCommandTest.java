package org.percepnet4j.cli.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.GraphicsEnvironment;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.percepnet4j.cli.CliRunner;
import org.percepnet4j.cli.ConstantGainModel;

class GuiCommandTest {

    @TempDir
    Path dir;

    @Test
    void withoutADisplayGuiSaysSoInOneLineAndFails() {
        Assumptions.assumeTrue(GraphicsEnvironment.isHeadless(), "a display is available; the app would open");
        CliRunner.Result r = new CliRunner(new ConstantGainModel(1f), dir.resolve("p")).run("gui");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).startsWith("percepnet gui: ").contains("needs a display");
        assertThat(r.err().trim()).doesNotContain("\n");
    }

    @Test
    void guiIsListedInTheHelp() {
        CliRunner.Result r = new CliRunner(new ConstantGainModel(1f), dir.resolve("p")).run("--help");
        assertThat(r.out()).contains("gui").contains("standalone app");
    }
}
