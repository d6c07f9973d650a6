package org.percepnet4j.presets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.percepnet4j.engine.Parameter;

class VstPatchFilesTest {

    private static final int N = Parameter.values().length;

    @Test
    void programFileHasThePublishedLayout() {
        Preset p = FactoryPresets.PODCAST_REMOTE;
        ByteBuffer b = ByteBuffer.wrap(VstPatchFiles.writeProgram(p, PluginIds.STEREO));
        assertThat(b.capacity()).isEqualTo(56 + 4 * N);
        assertThat(b.getInt()).isEqualTo(0x43636E4B); // 'CcnK'
        assertThat(b.getInt()).isEqualTo(b.capacity() - 8); // byteSize excludes magic and itself
        assertThat(b.getInt()).isEqualTo(0x4678436B); // 'FxCk'
        assertThat(b.getInt()).isEqualTo(1); // format version
        assertThat(b.getInt()).isEqualTo(PluginIds.STEREO);
        assertThat(b.getInt()).isEqualTo(PluginIds.VERSION);
        assertThat(b.getInt()).isEqualTo(N);
        byte[] name = new byte[28];
        b.get(name);
        assertThat(new String(name, 0, "Podcast remote/call".length(), StandardCharsets.US_ASCII))
                .isEqualTo("Podcast remote/call");
        assertThat(name["Podcast remote/call".length()]).isZero();
        for (Parameter param : Parameter.values()) {
            assertThat(b.getFloat()).as(param.key())
                    .isEqualTo((float) param.toNormalized(p.parameters().get(param)));
        }
    }

    @Test
    void programRoundTripsForBothVariants() throws Exception {
        for (int id : new int[] {PluginIds.STEREO, PluginIds.MONO}) {
            for (Preset p : FactoryPresets.all()) {
                Preset back = VstPatchFiles.readProgram(VstPatchFiles.writeProgram(p, id), "x.fxp");
                assertThat(back.name()).isEqualTo(p.name());
                assertThat(back.parameters()).as(p.name()).isEqualTo(p.parameters());
            }
        }
    }

    @Test
    void valuesOnTheParameterStepSurviveTheFloatRoundTrip() throws Exception {
        ParameterSet odd = ParameterSet.defaults().with(Parameter.OUTPUT_GAIN, -3.7).with(Parameter.SUPPRESSION, 12.5)
                .with(Parameter.POST_FILTER, 33).with(Parameter.LOOKAHEAD, 10).with(Parameter.LISTEN_NOISE, 1);
        Preset p = new Preset("Odd", "", odd);
        assertThat(VstPatchFiles.readProgram(VstPatchFiles.writeProgram(p, PluginIds.STEREO), "x.fxp").parameters())
                .isEqualTo(odd);
    }

    @Test
    void bankRoundTripsAllPrograms() throws Exception {
        byte[] bank = VstPatchFiles.writeBank(FactoryPresets.all(), PluginIds.MONO);
        ByteBuffer b = ByteBuffer.wrap(bank);
        assertThat(b.getInt(0)).isEqualTo(0x43636E4B);
        assertThat(b.getInt(8)).isEqualTo(0x46784268 + 3); // 'FxBk'
        assertThat(b.getInt(12)).isEqualTo(2);
        assertThat(b.getInt(24)).isEqualTo(FactoryPresets.all().size());
        assertThat(b.getInt(156)).isEqualTo(0x43636E4B); // first program right after the 156-byte header
        List<Preset> back = VstPatchFiles.readBank(bank, "x.fxb");
        assertThat(back).extracting(Preset::name).containsExactlyElementsOf(
                FactoryPresets.all().stream().map(Preset::name).toList());
        for (int i = 0; i < back.size(); i++) {
            assertThat(back.get(i).parameters()).isEqualTo(FactoryPresets.all().get(i).parameters());
        }
    }

    @Test
    void olderProgramsWithFewerParametersGetDefaultsForTheRest() throws Exception {
        byte[] full = VstPatchFiles.writeProgram(FactoryPresets.VOICE_OVER, PluginIds.STEREO);
        byte[] older = Arrays.copyOf(full, full.length - 4 * 2);
        ByteBuffer b = ByteBuffer.wrap(older);
        b.putInt(4, older.length - 8);
        b.putInt(24, N - 2);
        Preset p = VstPatchFiles.readProgram(older, "old.fxp");
        assertThat(p.parameters().get(Parameter.SUPPRESSION)).isEqualTo(12);
        assertThat(p.parameters().get(Parameter.DUAL_MONO)).isEqualTo(Parameter.DUAL_MONO.defaultValue());
    }

    @Test
    void chunkProgramsFromOurPluginLoad() throws Exception {
        byte[] chunk = PresetChunk.encode(FactoryPresets.LECTURE_HALL);
        ByteBuffer b = ByteBuffer.allocate(56 + 4 + chunk.length);
        b.putInt(0x43636E4B).putInt(b.capacity() - 8).putInt(PluginIds.fourCC("FPCh")).putInt(1)
                .putInt(PluginIds.STEREO).putInt(1).putInt(N);
        b.put(VstPatchFiles.programName("Hall"));
        b.putInt(chunk.length).put(chunk);
        Preset p = VstPatchFiles.readProgram(b.array(), "hall.fxp");
        assertThat(p.name()).isEqualTo("Hall");
        assertThat(p.parameters()).isEqualTo(FactoryPresets.LECTURE_HALL.parameters());
    }

    @Test
    void foreignPluginsFilesAreRefusedNamingTheId() {
        byte[] other = VstPatchFiles.writeProgram(FactoryPresets.DEFAULT, PluginIds.STEREO);
        ByteBuffer.wrap(other).putInt(16, PluginIds.fourCC("abcd"));
        assertThatThrownBy(() -> VstPatchFiles.readProgram(other, "other.fxp"))
                .isInstanceOf(PresetFormatException.class)
                .hasMessage("other.fxp: fxID: belongs to another plugin (ID 'abcd'; allowed 'Pn4S' or 'Pn4M')");
    }

    @Test
    void opaqueChunksOfOtherFormatsAreRefused() {
        byte[] junk = "not json".getBytes(StandardCharsets.US_ASCII);
        ByteBuffer b = ByteBuffer.allocate(56 + 4 + junk.length);
        b.putInt(0x43636E4B).putInt(b.capacity() - 8).putInt(PluginIds.fourCC("FPCh")).putInt(1)
                .putInt(PluginIds.STEREO).putInt(1).putInt(N).put(new byte[28]).putInt(junk.length).put(junk);
        assertThatThrownBy(() -> VstPatchFiles.readProgram(b.array(), "c.fxp"))
                .hasMessageStartingWith("c.fxp: not valid JSON");
    }

    @Test
    void truncatedFilesAreRefusedAtEveryLength() {
        byte[] full = VstPatchFiles.writeProgram(FactoryPresets.DEFAULT, PluginIds.STEREO);
        for (int len = 0; len < full.length; len++) {
            byte[] cut = Arrays.copyOf(full, len);
            assertThatThrownBy(() -> VstPatchFiles.readProgram(cut, "cut.fxp")).as("length " + len)
                    .isInstanceOf(PresetFormatException.class).hasMessageStartingWith("cut.fxp: ");
        }
        byte[] bank = VstPatchFiles.writeBank(FactoryPresets.all(), PluginIds.STEREO);
        for (int len = 0; len < bank.length; len += 7) {
            byte[] cut = Arrays.copyOf(bank, len);
            assertThatThrownBy(() -> VstPatchFiles.readBank(cut, "cut.fxb")).as("length " + len)
                    .isInstanceOf(PresetFormatException.class).hasMessageStartingWith("cut.fxb: ");
        }
    }

    @Test
    void outOfRangeNormalisedValuesNameTheParameter() {
        byte[] f = VstPatchFiles.writeProgram(FactoryPresets.DEFAULT, PluginIds.STEREO);
        ByteBuffer.wrap(f).putFloat(56 + 4 * Parameter.POST_FILTER.ordinal(), 1.5f);
        assertThatThrownBy(() -> VstPatchFiles.readProgram(f, "x.fxp"))
                .hasMessage("x.fxp: postFilter: 1.5 is out of range (allowed 0 to 1, normalised)");
        ByteBuffer.wrap(f).putFloat(56 + 4 * Parameter.POST_FILTER.ordinal(), Float.NaN);
        assertThatThrownBy(() -> VstPatchFiles.readProgram(f, "x.fxp")).hasMessageContaining("postFilter: NaN");
    }

    @Test
    void newerFilesWithMoreParametersAreRefused() {
        byte[] f = VstPatchFiles.writeProgram(FactoryPresets.DEFAULT, PluginIds.STEREO);
        byte[] longer = Arrays.copyOf(f, f.length + 4);
        ByteBuffer.wrap(longer).putInt(4, longer.length - 8).putInt(24, N + 1);
        assertThatThrownBy(() -> VstPatchFiles.readProgram(longer, "new.fxp"))
                .hasMessageContaining("numParams: " + (N + 1) + " is out of range (allowed 1 to " + N);
    }

    @Test
    void banksAndProgramsAreNotConfused() {
        byte[] prog = VstPatchFiles.writeProgram(FactoryPresets.DEFAULT, PluginIds.STEREO);
        byte[] bank = VstPatchFiles.writeBank(FactoryPresets.all(), PluginIds.STEREO);
        assertThatThrownBy(() -> VstPatchFiles.readBank(prog, "p.fxp")).hasMessageContaining("not a bank");
        assertThatThrownBy(() -> VstPatchFiles.readProgram(bank, "b.fxb")).hasMessageContaining("not a program");
    }

    @Test
    void foreignAndCorruptBytesNeverEscapeAsOtherExceptions() {
        assertThatThrownBy(() -> VstPatchFiles.readProgram("RIFF....WAVEfmt ".getBytes(StandardCharsets.US_ASCII),
                "a.wav")).hasMessage("a.wav: not a VST program (.fxp): starts with 'RIFF' instead of 'CcnK'");
        Random rng = new Random(7);
        byte[] good = VstPatchFiles.writeBank(FactoryPresets.all(), PluginIds.STEREO);
        for (int i = 0; i < 500; i++) {
            byte[] bad = good.clone();
            for (int k = 0; k < 1 + rng.nextInt(4); k++) {
                bad[rng.nextInt(bad.length)] = (byte) rng.nextInt(256);
            }
            try {
                VstPatchFiles.readBank(bad, "fuzz.fxb");
            } catch (PresetFormatException expected) {
                assertThat(expected.getMessage()).startsWith("fuzz.fxb: ");
            }
        }
    }

    @Test
    void trailingBytesAndWrongSizesAreCorrupt() {
        byte[] f = VstPatchFiles.writeProgram(FactoryPresets.DEFAULT, PluginIds.STEREO);
        byte[] longer = Arrays.copyOf(f, f.length + 3);
        assertThatThrownBy(() -> VstPatchFiles.readProgram(longer, "x.fxp")).hasMessageContaining("corrupt");
        ByteBuffer.wrap(longer).putInt(4, longer.length - 8);
        assertThatThrownBy(() -> VstPatchFiles.readProgram(longer, "x.fxp")).hasMessageContaining("byteSize");
    }

    /** The name field up to its terminating zero, which must be valid UTF-8. */
    private static String nameField(byte[] field) throws Exception {
        assertThat(field).hasSize(28);
        int n = 0;
        while (field[n] != 0) {
            n++;
        }
        assertThat(n).isLessThanOrEqualTo(27);
        return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(field, 0, n)).toString();
    }

    @Test
    void namesAreUtf8CutAtACharacterBoundary() throws Exception {
        assertThat(nameField(VstPatchFiles.programName("Stüdio with a very long name indeed")))
                .isEqualTo("Stüdio with a very long na"); // ü takes two bytes
        assertThat(nameField(VstPatchFiles.programName("文件文件文件文件文件"))) // 3 bytes each
                .isEqualTo("文件文件文件文件文");
        assertThat(nameField(VstPatchFiles.programName("A".repeat(26) + "ÄÖ"))).isEqualTo("A".repeat(26));
        assertThat(nameField(VstPatchFiles.programName("Mic 🎤 check 🎤🎤🎤🎤🎤"))).isEqualTo("Mic 🎤 check 🎤🎤🎤");
        assertThat(nameField(VstPatchFiles.programName("Лекция"))).isEqualTo("Лекция");
    }

    @Test
    void cjkAndLongNamesRoundTripAsFarAsTheNameFieldHoldsThem() throws Exception {
        String cjk = "会议室录音"; // 15 bytes: fits
        String longName = "Broadcast field interview, windy beach 2"; // 40 characters: hosts see 27 bytes
        for (String name : new String[] {cjk, longName, "文件文件文件文件文件"}) {
            Preset p = FactoryPresets.FIELD_INTERVIEW.withName(name);
            String expected = VstPatchFiles.shownName(name);
            assertThat(VstPatchFiles.readProgram(VstPatchFiles.writeProgram(p, PluginIds.STEREO), "x.fxp").name())
                    .isEqualTo(expected);
            assertThat(VstPatchFiles.readBank(VstPatchFiles.writeBank(List.of(p, p), PluginIds.MONO), "x.fxb"))
                    .extracting(Preset::name).containsExactly(expected, expected);
        }
        assertThat(VstPatchFiles.shownName(cjk)).isEqualTo(cjk);
        assertThat(VstPatchFiles.shownName(longName)).isEqualTo("Broadcast field interview,");
    }

    /** A program file as our plugin's chunk programs are laid out: the name field, then the preset as JSON. */
    private static byte[] chunkProgram(byte[] nameField, Preset preset) {
        byte[] chunk = PresetChunk.encode(preset);
        ByteBuffer b = ByteBuffer.allocate(56 + 4 + chunk.length);
        b.putInt(0x43636E4B).putInt(b.capacity() - 8).putInt(PluginIds.fourCC("FPCh")).putInt(1)
                .putInt(PluginIds.STEREO).putInt(1).putInt(N);
        b.put(nameField).putInt(chunk.length).put(chunk);
        return b.array();
    }

    @Test
    void chunkFilesKeepTheFullNameTheirFieldCannotHold() throws Exception {
        for (String name : new String[] {"文件文件文件文件文件文件文件", "Broadcast field interview, windy beach 2"}) {
            Preset p = FactoryPresets.LECTURE_HALL.withName(name);
            Preset back = VstPatchFiles.readProgram(chunkProgram(VstPatchFiles.programName(name), p), "long.fxp");
            assertThat(back).isEqualTo(p);
            byte[] chunk = PresetChunk.encodeBank(List.of(p, FactoryPresets.DEFAULT), 0);
            ByteBuffer bank = ByteBuffer.allocate(156 + 4 + chunk.length);
            bank.putInt(0x43636E4B).putInt(bank.capacity() - 8).putInt(PluginIds.fourCC("FBCh")).putInt(2)
                    .putInt(PluginIds.STEREO).putInt(1).putInt(2).putInt(0).position(156);
            bank.putInt(chunk.length).put(chunk);
            assertThat(VstPatchFiles.readBank(bank.array(), "long.fxb")).containsExactly(p, FactoryPresets.DEFAULT);
        }
        // a field that is not the chunk name's display copy was renamed in the host: it wins
        Preset renamed = VstPatchFiles.readProgram(
                chunkProgram(VstPatchFiles.programName("Hall B"), FactoryPresets.LECTURE_HALL), "b.fxp");
        assertThat(renamed.name()).isEqualTo("Hall B");
    }

    @Test
    void nameFieldsOfOtherWritersStillRead() throws Exception {
        byte[] f = VstPatchFiles.writeProgram(FactoryPresets.DEFAULT, PluginIds.STEREO);
        byte[] latin1 = "Café".getBytes(StandardCharsets.ISO_8859_1); // an older host
        System.arraycopy(Arrays.copyOf(latin1, 28), 0, f, 28, 28);
        assertThat(VstPatchFiles.readProgram(f, "x.fxp").name()).isEqualTo("Café");
        byte[] cut = Arrays.copyOf("A".repeat(25).getBytes(StandardCharsets.UTF_8), 28);
        cut[25] = (byte) 0xE6; // the first two bytes of 文, cut by a writer that counts bytes
        cut[26] = (byte) 0x96;
        System.arraycopy(cut, 0, f, 28, 28);
        assertThat(VstPatchFiles.readProgram(f, "x.fxp").name()).isEqualTo("A".repeat(25));
    }
}
