package org.percepnet4j.presets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.percepnet4j.engine.Parameter;

class PresetLibraryTest {

    @TempDir
    Path dir;

    @Test
    void savedUserPresetsAreListedAndFoundByName() throws Exception {
        PresetLibrary lib = new PresetLibrary(dir.resolve("presets"));
        Preset mine = new Preset("My booth", "quiet", ParameterSet.defaults().with(Parameter.SUPPRESSION, 9));
        Path file = lib.save(mine);
        assertThat(file.getFileName().toString()).isEqualTo("My-booth.json");
        assertThat(lib.userPresets().presets()).containsExactly(mine);
        assertThat(lib.find("my booth")).contains(mine);
        assertThat(lib.find("Podcast studio")).contains(FactoryPresets.PODCAST_STUDIO);
        assertThat(lib.names()).startsWith("Default").endsWith("My booth");
    }

    @Test
    void savingNeverReplacesADifferentPreset() throws Exception {
        PresetLibrary lib = new PresetLibrary(dir);
        Preset room = new Preset("Room: A", "", ParameterSet.defaults().with(Parameter.SUPPRESSION, 10));
        Preset roomB = new Preset("Room A?", "", ParameterSet.defaults().with(Parameter.SUPPRESSION, 20)); // same preset name
        Path first = lib.save(room);
        assertThat(lib.save(roomB)).isEqualTo(first); // the same name, compared as find() does: replaced in place
        Files.writeString(dir.resolve("Studio.json"), "{\"format\":"); // a file that does not load
        Path studio = lib.save(new Preset("studio", "", ParameterSet.defaults()));
        assertThat(studio.getFileName().toString()).isEqualTo("studio-2.json");
        assertThat(Files.readString(dir.resolve("Studio.json"))).isEqualTo("{\"format\":");
        Path russian = lib.save(new Preset("Студия", "", ParameterSet.defaults()));
        Path japanese = lib.save(new Preset("日本語", "", ParameterSet.defaults()));
        assertThat(russian.getFileName().toString()).isEqualTo("Студия.json");
        assertThat(japanese.getFileName().toString()).isEqualTo("日本語.json");
        assertThat(lib.userPresets().presets()).extracting(Preset::name)
                .containsExactlyInAnyOrder("Room A?", "studio", "Студия", "日本語");
        assertThat(lib.find("room a")).map(p -> p.parameters().get(Parameter.SUPPRESSION)).contains(20.0);
        assertThatThrownBy(() -> lib.save(FactoryPresets.PODCAST_STUDIO.withName("podcast-studio")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("factory preset");
    }

    @Test
    void aBadUserFileIsReportedAndDoesNotHideTheOthers() throws Exception {
        PresetLibrary lib = new PresetLibrary(dir);
        lib.save(FactoryPresets.PODCAST_STUDIO.withName("Good"));
        Files.writeString(dir.resolve("broken.json"), "{\"format\":");
        PresetLibrary.UserPresets listing = lib.userPresets();
        assertThat(listing.presets()).extracting(Preset::name).containsExactly("Good");
        assertThat(listing.problems()).singleElement().asString().contains("broken.json").contains("not valid JSON");
    }

    @Test
    void anUnusableUserFolderIsNamedAsSuch() throws Exception {
        Path file = Files.writeString(dir.resolve("notadir"), "x");
        PresetLibrary lib = new PresetLibrary(file);
        assertThatThrownBy(() -> lib.save(FactoryPresets.DEFAULT.withName("Mine")))
                .hasMessage("user preset folder " + file + " is not a folder");
        assertThat(lib.userPresets().warnings()).containsExactly("user preset folder " + file + " is not a folder");
        assertThatThrownBy(() -> new PresetLibrary(file.resolve("sub")).save(FactoryPresets.DEFAULT.withName("Mine")))
                .hasMessageStartingWith("user preset folder " + file.resolve("sub") + " cannot be created: ");
        assertThat(Files.readString(file)).isEqualTo("x");
    }

    @Test
    void userPresetsThatNoNameReachesAreReported() throws Exception {
        PresetLibrary lib = new PresetLibrary(dir);
        lib.save(FactoryPresets.DEFAULT.withName("Slug/Test"));
        // written by hand or by another program: save() would have refused or replaced these
        PresetLibrary.export(FactoryPresets.MAXIMUM.withName("Default"), dir.resolve("a-default.json"), 0);
        PresetLibrary.export(FactoryPresets.MAXIMUM.withName("slug test"), dir.resolve("z.json"), 0);
        PresetLibrary.UserPresets listing = lib.userPresets();
        assertThat(listing.presets()).hasSize(3);
        assertThat(listing.problems()).isEmpty();
        assertThat(listing.warnings()).containsExactly(
                "user preset \"Default\" in " + dir.resolve("a-default.json") + " cannot be chosen by name: the factory"
                        + " preset has the same name (names compare ignoring case and punctuation); rename it",
                "user preset \"slug test\" in " + dir.resolve("z.json") + " cannot be chosen by name: \"Slug/Test\" in "
                        + dir.resolve("Slug-Test.json") + " has the same name (names compare ignoring case and"
                        + " punctuation); rename it");
    }

    @Test
    void exportOntoAFolderFailsNamingIt() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("isdir.json"));
        assertThatThrownBy(() -> PresetLibrary.export(FactoryPresets.DEFAULT, folder, PluginIds.STEREO))
                .hasMessage(folder + ": is a folder");
        Path bank = Files.createDirectory(dir.resolve("isdir.fxb"));
        assertThatThrownBy(() -> PresetLibrary.exportBank(FactoryPresets.all(), bank, PluginIds.STEREO))
                .hasMessage(bank + ": is a folder");
        try (var files = Files.list(dir)) {
            assertThat(files.map(q -> q.getFileName().toString())).containsExactlyInAnyOrder("isdir.json", "isdir.fxb");
        }
    }

    @Test
    void unknownNamesAreQuotedShort() {
        assertThatThrownBy(() -> new PresetLibrary(dir).resolve("n".repeat(100_000)))
                .hasMessageStartingWith("n".repeat(80) + "...: no such preset or file");
    }

    @Test
    void resolvesFilesOfEveryFormatAndNames() throws Exception {
        Preset p = FactoryPresets.FIELD_INTERVIEW;
        for (String ext : new String[] {"json", "fxp", "fxb"}) {
            Path f = dir.resolve("field." + ext);
            PresetLibrary.export(p, f, PluginIds.STEREO);
            Preset back = new PresetLibrary(dir).resolve(f.toString());
            assertThat(back.parameters()).as(ext).isEqualTo(p.parameters());
            assertThat(back.name()).as(ext).isEqualTo(p.name());
        }
        assertThat(new PresetLibrary(dir).resolve("maximum cleanup")).isEqualTo(FactoryPresets.MAXIMUM);
    }

    @Test
    void unknownNamesListWhatExists() {
        assertThatThrownBy(() -> new PresetLibrary(dir).resolve("Karaoke"))
                .isInstanceOf(PresetFormatException.class)
                .hasMessageStartingWith("Karaoke: no such preset or file (presets: Default, Podcast studio");
    }

    @Test
    void exportReplacesOnlyWhenCompleteAndLeavesNoTemporaryFiles() throws Exception {
        Path f = dir.resolve("x.fxp");
        PresetLibrary.export(FactoryPresets.DEFAULT, f, PluginIds.STEREO);
        PresetLibrary.export(FactoryPresets.MAXIMUM, f, PluginIds.STEREO);
        assertThat(PresetLibrary.load(f).name()).isEqualTo("Maximum cleanup");
        assertThatThrownBy(() -> PresetLibrary.export(FactoryPresets.DEFAULT, dir.resolve("x.txt"), PluginIds.STEREO))
                .hasMessageContaining("unknown preset file type");
        try (var files = Files.list(dir)) {
            assertThat(files.map(q -> q.getFileName().toString())).containsExactly("x.fxp");
        }
    }

    @Test
    void bankFilesWithManyProgramsLoadAsBanks() throws Exception {
        Path f = dir.resolve("factory.fxb");
        PresetLibrary.exportBank(FactoryPresets.all(), f, PluginIds.STEREO);
        assertThat(PresetLibrary.loadBank(f)).hasSize(FactoryPresets.all().size());
        assertThatThrownBy(() -> PresetLibrary.load(f)).hasMessageContaining("a bank of 8 programs");
        assertThatThrownBy(() -> PresetLibrary.load(dir.resolve("missing.json")))
                .hasMessage(dir.resolve("missing.json") + ": no such file");
    }
}
