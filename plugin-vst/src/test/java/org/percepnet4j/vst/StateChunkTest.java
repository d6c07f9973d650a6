package org.percepnet4j.vst;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.percepnet4j.engine.Parameter;

class StateChunkTest {

    private static PluginState sample() {
        double[] values = PluginState.defaults("").values();
        values[Parameter.SUPPRESSION.ordinal()] = 63.5;
        values[Parameter.LOOKAHEAD.ordinal()] = 10;
        values[Parameter.OUTPUT_GAIN.ordinal()] = -3.2;
        values[Parameter.DUAL_MONO.ordinal()] = 1;
        return new PluginState(values, 3, "Interview — take 2");
    }

    @Test
    void roundTripKeepsEveryParameterAndTheProgram() {
        PluginState state = sample();
        assertThat(StateChunk.decode(StateChunk.encode(state))).contains(state);
    }

    @Test
    void startsWithMagicAndVersion() {
        byte[] chunk = StateChunk.encode(sample());
        assertThat(new String(chunk, 0, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("P4jC");
        assertThat(chunk[4] << 8 | chunk[5]).isEqualTo(1);
    }

    @Test
    void anySingleBitFlipIsRefused() {
        byte[] chunk = StateChunk.encode(sample());
        for (int i = 0; i < chunk.length; i++) {
            for (int bit = 0; bit < 8; bit++) {
                byte[] bad = chunk.clone();
                bad[i] ^= (byte) (1 << bit);
                assertThat(StateChunk.decode(bad)).as("byte %d bit %d", i, bit).isEmpty();
            }
        }
    }

    @Test
    void everyTruncationAndExtensionIsRefused() {
        byte[] chunk = StateChunk.encode(sample());
        for (int n = 0; n < chunk.length; n++) {
            assertThat(StateChunk.decode(java.util.Arrays.copyOf(chunk, n))).isEmpty();
        }
        assertThat(StateChunk.decode(java.util.Arrays.copyOf(chunk, chunk.length + 1))).isEmpty();
        assertThat(StateChunk.decode(null)).isEmpty();
    }

    @Test
    void randomBytesAreRefused() {
        Random random = new Random(5);
        for (int i = 0; i < 2000; i++) {
            byte[] junk = new byte[random.nextInt(400)];
            random.nextBytes(junk);
            assertThat(StateChunk.decode(junk)).isEmpty();
        }
    }

    @Test
    void outOfRangeValuesWithAValidChecksumAreClampedNotTrusted() {
        double[] values = PluginState.defaults("").values();
        values[Parameter.SUPPRESSION.ordinal()] = 1e9; // sanitised when the state is built
        PluginState decoded = StateChunk.decode(StateChunk.encode(new PluginState(values, -1, "x"))).orElseThrow();
        assertThat(decoded.value(Parameter.SUPPRESSION)).isEqualTo(Parameter.SUPPRESSION.max());
    }

    @Test
    void longProgramNamesAreCutAtACharacterBoundary() {
        byte[] cut = StateChunk.truncateUtf8("ééé", 5);
        assertThat(new String(cut, java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("éé");
    }
}
