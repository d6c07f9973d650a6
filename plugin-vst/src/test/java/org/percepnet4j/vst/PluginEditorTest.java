package org.percepnet4j.vst;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.GraphicsEnvironment;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;
import org.percepnet4j.vst.testing.DeterministicGainModel;

/**
 * The editor's Java side without a display (as in scanners, headless hosts and this test JVM when it has no DISPLAY):
 * no editor is reported, every editor call is a harmless no-op, and nothing throws. The editor with a display is
 * tested end to end by the native test host under Xvfb (run-native-tests.sh).
 */
class PluginEditorTest {

    private final ByteBuffer message = ByteBuffer.allocateDirect(64 * 1024);

    private static boolean noDisplay() {
        String display = System.getenv("DISPLAY");
        return GraphicsEnvironment.isHeadless() || display == null || display.isBlank();
    }

    @Test
    void withoutADisplayTheBridgeReportsNoEditorAndEditorCallsDoNothing() {
        assumeTrue(noDisplay(), "this JVM has a display: the no-display case is covered by the native test host");
        PluginBridge bridge = new PluginBridge(new DeterministicGainModel(), 2, message, Programs.factory());
        assertThat(PluginEditor.available()).isFalse();
        assertThat(bridge.enableEditor(0)).isFalse();
        assertThat(bridge.editor()).isNull();
        assertThat(bridge.editorSize()).isEqualTo(-1);
        assertThat(bridge.openEditor(0x1234)).isFalse();
        bridge.closeEditor();
        assertThat(bridge.textOf(PluginBridge.TEXT_EDITOR_NOTE, 0)).isEmpty();
        bridge.close();
    }

    @Test
    void anEditorThatCannotShowAnswersFalseWithANoteInsteadOfThrowing() {
        assumeTrue(noDisplay(), "this JVM has a display: opening would succeed");
        PluginBridge bridge = new PluginBridge(new DeterministicGainModel(), 1, message, Programs.factory());
        PluginEditor editor = new PluginEditor(bridge.processor(), null, "test");
        assertThat(editor.open(0)).isFalse();
        assertThat(editor.mode()).isEqualTo(PluginEditor.Mode.CLOSED);
        assertThat(editor.takeNote()).contains("cannot open").contains("generic controls");
        assertThat(editor.takeNote()).isEmpty();
        editor.close();
        bridge.close();
    }
}
