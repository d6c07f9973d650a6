package org.percepnet4j.cli.presets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.percepnet4j.cli.CliRunner;
import org.percepnet4j.cli.ConstantGainModel;
import org.percepnet4j.presets.FactoryPresets;
import org.percepnet4j.presets.PluginIds;
import org.percepnet4j.presets.Preset;
import org.percepnet4j.presets.PresetLibrary;
import org.percepnet4j.presets.VstPatchFiles;

class PresetsCommandTest {

    @TempDir
    Path dir;

    private CliRunner cli() {
        return new CliRunner(new ConstantGainModel(1f), dir.resolve("user"));
    }

    @Test
    void listShowsEveryFactoryPresetWithItsDescription() {
        CliRunner.Result r = cli().run("presets", "list");
        assertThat(r.exit()).isZero();
        for (Preset p : FactoryPresets.all()) {
            assertThat(r.out()).contains(p.name()).contains(p.description());
        }
        assertThat(r.out()).contains("User presets").contains("(none)");
    }

    @Test
    void showPrintsEveryValueWithItsUnit() {
        CliRunner.Result r = cli().run("presets", "show", "podcast studio");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("Podcast studio").contains("Suppression        24.0 dB")
                .contains("Post-filter        0 %").contains("Look-ahead         20 ms").contains("Dual mono          Off");
    }

    @Test
    void exportWritesAVstProgramThatLoadsBack() throws Exception {
        Path fxp = dir.resolve("studio.fxp");
        CliRunner.Result r = cli().run("presets", "export", "Podcast studio", fxp.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        byte[] bytes = Files.readAllBytes(fxp);
        assertThat(java.nio.ByteBuffer.wrap(bytes).getInt(16)).isEqualTo(PluginIds.STEREO);
        assertThat(VstPatchFiles.readProgram(bytes, "studio.fxp").parameters())
                .isEqualTo(FactoryPresets.PODCAST_STUDIO.parameters());
        Path mono = dir.resolve("mono.fxp");
        assertThat(cli().run("presets", "export", "Podcast studio", mono.toString(), "--variant", "mono").exit()).isZero();
        assertThat(java.nio.ByteBuffer.wrap(Files.readAllBytes(mono)).getInt(16)).isEqualTo(PluginIds.MONO);
        assertThat(cli().run("presets", "show", fxp.toString()).out()).contains("Suppression        24.0 dB");
    }

    @Test
    void importSavesUserPresetsThatDenoiseCanUse() throws Exception {
        Path bank = dir.resolve("all.fxb");
        assertThat(cli().run("presets", "export-bank", bank.toString()).exit()).isZero();
        Preset mine = new Preset("Studio B", "dynamic mics", FactoryPresets.PODCAST_STUDIO.parameters());
        Path json = dir.resolve("studio-b.json");
        PresetLibrary.export(mine, json, PluginIds.STEREO);
        CliRunner.Result r = cli().run("presets", "import", json.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(cli().run("presets", "list").out()).contains("Studio B").contains("dynamic mics");
        CliRunner.Result fromBank = cli().run("presets", "import", bank.toString());
        assertThat(fromBank.exit()).isZero();
        assertThat(fromBank.out()).contains("Default (imported)");
        // importing again never replaces what is there
        assertThat(cli().run("presets", "import", bank.toString()).out()).contains("Default (imported 2)");
        assertThat(cli().run("presets", "import", json.toString()).out()).contains("Saved \"Studio B (imported)\"");
        int factory = FactoryPresets.all().size();
        assertThat(new PresetLibrary(dir.resolve("user")).userPresets().presets()).hasSize(2 + 2 * factory);
        Path recording = Files.writeString(dir.resolve("take1.wav"), "a recording");
        CliRunner.Result wrongName = cli().run("presets", "export-bank", recording.toString());
        assertThat(wrongName.exit()).isEqualTo(1);
        assertThat(wrongName.err()).contains("take1.wav: name the bank .fxb");
        assertThat(Files.readString(recording)).isEqualTo("a recording");
    }

    @Test
    void everySubcommandHasHelp() {
        for (String sub : new String[] {"list", "show", "export", "export-bank", "import"}) {
            for (String option : new String[] {"--help", "-h"}) {
                CliRunner.Result r = cli().run("presets", sub, option);
                assertThat(r.exit()).as(sub + " " + option + ": " + r.err()).isZero();
                assertThat(r.out()).startsWith("Usage: percepnet presets " + sub);
            }
            CliRunner.Result viaHelp = cli().run("presets", "help", sub);
            assertThat(viaHelp.exit()).as(viaHelp.err()).isZero();
            assertThat(viaHelp.out()).startsWith("Usage: percepnet presets " + sub);
        }
        assertThat(dir.resolve("user")).doesNotExist();
    }

    @Test
    void exportSaysWhenHostsSeeAShortenedName() throws Exception {
        String longName = "Broadcast field interview, windy beach 2";
        PresetLibrary user = new PresetLibrary(dir.resolve("user"));
        user.save(FactoryPresets.FIELD_INTERVIEW.withName(longName));
        user.save(FactoryPresets.FIELD_INTERVIEW.withName("会议室录音"));
        Path fxp = dir.resolve("long.fxp");
        CliRunner.Result r = cli().run("presets", "export", longName, fxp.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("Wrote \"" + longName + "\" to " + fxp + System.lineSeparator());
        assertThat(r.err()).isEqualTo("note: VST program names hold 27 bytes: hosts show \"" + longName
                + "\" as \"Broadcast field interview,\" (a .json export keeps the full name)" + System.lineSeparator());
        assertThat(cli().run("presets", "export", longName, dir.resolve("long.json").toString()).err()).isEmpty();
        Path cjk = dir.resolve("cjk.fxb");
        CliRunner.Result short1 = cli().run("presets", "export", "会议室录音", cjk.toString());
        assertThat(short1.err()).isEmpty();
        assertThat(cli().run("presets", "show", cjk.toString()).out()).startsWith("会议室录音");
        CliRunner.Result bank = cli().run("presets", "export-bank", dir.resolve("all.fxb").toString());
        assertThat(bank.err().lines()).singleElement().asString().contains("as \"Broadcast field interview,\"");
    }

    @Test
    void importSaysWhichPresetHasTheName() throws Exception {
        Path slash = dir.resolve("slash.json");
        Path dash = dir.resolve("dash.json");
        Path factory = dir.resolve("factory.json");
        PresetLibrary.export(FactoryPresets.DEFAULT.withName("Slug/Test"), slash, PluginIds.STEREO);
        PresetLibrary.export(FactoryPresets.MAXIMUM.withName("Slug-Test"), dash, PluginIds.STEREO);
        PresetLibrary.export(FactoryPresets.MAXIMUM.withName("DEFAULT"), factory, PluginIds.STEREO);
        assertThat(cli().run("presets", "import", slash.toString()).out()).startsWith("Saved \"Slug/Test\" as ")
                .doesNotContain("taken");
        assertThat(cli().run("presets", "import", dash.toString()).out()).startsWith("Saved \"Slug-Test (imported)\"")
                .contains("(\"Slug-Test\" is taken by the user preset \"Slug/Test\")");
        assertThat(cli().run("presets", "import", factory.toString()).out()).startsWith("Saved \"DEFAULT (imported)\"")
                .contains("(\"DEFAULT\" is taken by the factory preset \"Default\")");
        Path longName = dir.resolve("long.json");
        PresetLibrary.export(FactoryPresets.MAXIMUM.withName("Default " + "x".repeat(56)), longName, PluginIds.STEREO);
        assertThat(cli().run("presets", "import", longName.toString()).exit()).isZero();
        CliRunner.Result again = cli().run("presets", "import", longName.toString());
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(again.out()).startsWith("Saved \"Default " + "x".repeat(45) + " (imported)\"");
    }

    @Test
    void handWrittenUserPresetsThatNoNameReachesAreReported() throws Exception {
        Path user = Files.createDirectories(dir.resolve("user"));
        PresetLibrary.export(FactoryPresets.MAXIMUM.withName("Default"), user.resolve("mine.json"), 0); // by hand
        CliRunner.Result r = cli().run("presets", "list");
        assertThat(r.exit()).isZero();
        assertThat(r.err()).startsWith("percepnet: user preset \"Default\" in ").contains("cannot be chosen by name");
    }

    @Test
    void anUnusableUserFolderIsNamedAsSuch() throws Exception {
        Path file = Files.writeString(dir.resolve("notadir"), "x");
        CliRunner cli = new CliRunner(new ConstantGainModel(1f), file);
        Path mine = dir.resolve("mine.json");
        PresetLibrary.export(FactoryPresets.MAXIMUM.withName("Mine"), mine, PluginIds.STEREO);
        CliRunner.Result r = cli.run("presets", "import", mine.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err())
                .isEqualTo("percepnet: user preset folder " + file + " is not a folder" + System.lineSeparator());
        CliRunner.Result list = cli.run("presets", "list");
        assertThat(list.exit()).isZero();
        assertThat(list.err()).contains("percepnet: user preset folder " + file + " is not a folder");
    }

    @Test
    void exportOntoAFolderAndHugeNamesFailWithOneShortLine() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("isdir.json"));
        CliRunner.Result r = cli().run("presets", "export", "Default", folder.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("percepnet: " + folder + ": is a folder" + System.lineSeparator());
        Path big = Files.writeString(dir.resolve("bigname.json"), "{\"format\":\"percepnet4j-preset\",\"version\":1,"
                + "\"name\":\"" + "n".repeat(10_000_000) + "\",\"parameters\":{}}");
        CliRunner.Result show = cli().run("presets", "show", big.toString());
        assertThat(show.exit()).isEqualTo(1);
        assertThat(show.err()).hasSizeLessThan(300).contains("n".repeat(80) + "...'").hasLineCount(1);
    }

    @Test
    void badFilesAndNamesFailWithOneLine() throws Exception {
        CliRunner.Result unknown = cli().run("presets", "show", "Karaoke");
        assertThat(unknown.exit()).isEqualTo(1);
        assertThat(unknown.err().trim()).startsWith("percepnet: Karaoke: no such preset or file").doesNotContain("\n");
        Path bad = Files.writeString(dir.resolve("bad.json"),
                "{\"format\":\"percepnet4j-preset\",\"version\":1,\"name\":\"x\",\"parameters\":{\"suppression\":500}}");
        CliRunner.Result r = cli().run("presets", "show", bad.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("bad.json: parameters.suppression: 500 is out of range (allowed 0 to 100 dB)");
        Path truncated = dir.resolve("cut.fxp");
        byte[] fxp = VstPatchFiles.writeProgram(FactoryPresets.DEFAULT, PluginIds.STEREO);
        Files.write(truncated, java.util.Arrays.copyOf(fxp, 40));
        assertThat(cli().run("presets", "import", truncated.toString()).err()).contains("cut.fxp: truncated");
        assertThat(cli().run("presets", "export", "Default", dir.resolve("x.txt").toString()).err())
                .contains("unknown preset file type");
        assertThat(dir.resolve("user")).doesNotExist();
    }
}
