package org.percepnet4j.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.percepnet4j.engine.Parameter;
import org.percepnet4j.presets.FactoryPresets;
import org.percepnet4j.presets.PresetLibrary;

class PresetStoreTest {

    @TempDir
    Path dir;

    @Test
    void factoryPresetsComeFirstInTheirOrder() {
        List<PresetEntry> list = new PresetStore(new PresetLibrary(dir.resolve("none"))).entries();
        assertThat(list).hasSize(FactoryPresets.all().size());
        assertThat(list.get(1).name()).isEqualTo(FactoryPresets.all().get(1).name());
        assertThat(list).allMatch(PresetEntry::factory);
        assertThat(list.get(1).values()).containsEntry(Parameter.SUPPRESSION,
                FactoryPresets.all().get(1).parameters().get(Parameter.SUPPRESSION));
    }

    @Test
    void presetsLeaveTheMonitoringSwitchesAlone() {
        PresetEntry e = new PresetStore(new PresetLibrary(dir)).entries().get(0);
        assertThat(e.values()).doesNotContainKeys(Parameter.BYPASS, Parameter.LISTEN_NOISE)
                .containsKeys(Parameter.SUPPRESSION, Parameter.POST_FILTER, Parameter.LOOKAHEAD,
                        Parameter.OUTPUT_GAIN, Parameter.DUAL_MONO);
    }

    @Test
    void savedUserPresetsAppearAfterTheFactoryOnesAndApply() throws IOException {
        PresetStore store = new PresetStore(new PresetLibrary(dir));
        FakeEditorModel model = new FakeEditorModel();
        model.set(Parameter.SUPPRESSION, 33);
        model.set(Parameter.BYPASS, 1);
        store.save("My booth", "", model.values);
        List<PresetEntry> list = store.entries();
        PresetEntry mine = list.get(list.size() - 1);
        assertThat(mine.name()).isEqualTo("My booth");
        assertThat(mine.factory()).isFalse();
        assertThat(mine.values()).containsEntry(Parameter.SUPPRESSION, 33.0);

        FakeEditorModel other = new FakeEditorModel();
        other.applyPreset(mine);
        assertThat(other.get(Parameter.SUPPRESSION)).isEqualTo(33.0);
        assertThat(other.get(Parameter.BYPASS)).isZero();
    }

    @Test
    void anUnusableUserFolderIsReportedNotSilentlyEmpty() throws IOException {
        Path notAFolder = Files.writeString(dir.resolve("presets"), "a file where the folder should be");
        PresetStore store = new PresetStore(new PresetLibrary(notAFolder));
        assertThat(store.entries()).hasSize(FactoryPresets.all().size());
        assertThat(store.problems()).anyMatch(p -> p.contains(notAFolder + " is not a folder"));
    }

    @Test
    void aBrokenUserFileIsReportedAndDoesNotHideTheOthers() throws IOException {
        PresetStore store = new PresetStore(new PresetLibrary(dir));
        store.save("Good one", "", new FakeEditorModel().values);
        Files.writeString(dir.resolve("broken.json"), "{ not json");
        List<PresetEntry> list = store.entries();
        assertThat(list).extracting(PresetEntry::name).contains("Good one");
        assertThat(store.problems()).hasSize(1).first().asString().contains("broken.json");
    }
}
