package org.percepnet4j.ui.app;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.GraphicsEnvironment;
import org.junit.jupiter.api.Test;

/** {@code percepnet gui} arguments and the no-display case (the window itself is covered under Xvfb). */
class PercepnetAppLaunchTest {

    @Test
    void badArgumentsAreReportedWithTheUsage() {
        assertThatThrownBy(() -> PercepnetApp.launch(new String[] {"--volume", "11"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--volume")
                .hasMessageContaining(PercepnetApp.USAGE);
        assertThatThrownBy(() -> PercepnetApp.launch(new String[] {"--model"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("weight file");
    }

    @Test
    void withoutADisplayItSaysSoInsteadOfThrowingAHeadlessException() {
        assumeTrue(GraphicsEnvironment.isHeadless(), "a display is available; the window is tested under Xvfb");
        assertThatThrownBy(() -> PercepnetApp.launch(new String[] {"talk.wav"}))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("needs a display");
    }
}
