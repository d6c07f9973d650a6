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

    @Test
    void namesAreCutToTheFieldAndMadeAscii() {
        byte[] n = VstPatchFiles.programName("Stüdio with a very long name indeed");
        assertThat(n).hasSize(28);
        assertThat(n[27]).isZero();
        assertThat(new String(n, 0, 6, StandardCharsets.US_ASCII)).isEqualTo("St?dio");
    }
}
