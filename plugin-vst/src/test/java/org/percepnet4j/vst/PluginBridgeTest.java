package org.percepnet4j.vst;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.percepnet4j.engine.Parameter;
import org.percepnet4j.presets.FactoryPresets;
import org.percepnet4j.presets.PresetChunk;
import org.percepnet4j.vst.testing.DeterministicGainModel;

/** The Java half of the plugin, driven the way the native shim drives it. */
class PluginBridgeTest {

    private final ByteBuffer message = ByteBuffer.allocateDirect(64 * 1024);

    private PluginBridge bridge(int channels) {
        return new PluginBridge(new DeterministicGainModel(), channels, message, Programs.factory());
    }

    private String text(PluginBridge b, int kind, int index) {
        int n = b.text(kind, index, 63);
        byte[] bytes = new byte[Math.max(0, n)];
        message.get(0, bytes, 0, bytes.length);
        return n < 0 ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    @Test
    void describesEveryParameterInEnumOrder() {
        PluginBridge b = bridge(2);
        assertThat(PluginBridge.parameterCount()).isEqualTo(Parameter.values().length);
        for (Parameter p : Parameter.values()) {
            assertThat(text(b, PluginBridge.TEXT_PARAM_NAME, p.ordinal())).isEqualTo(p.displayName());
            assertThat(text(b, PluginBridge.TEXT_PARAM_LABEL, p.ordinal())).isEqualTo(p.unit());
            assertThat(text(b, PluginBridge.TEXT_PARAM_DISPLAY, p.ordinal())).isEqualTo(p.format(p.defaultValue()));
            assertThat(b.getNormalized(p.ordinal())).isEqualTo((float) p.toNormalized(p.defaultValue()));
        }
        assertThat(text(b, PluginBridge.TEXT_PARAM_NAME, -1)).isNull();
        assertThat(text(b, 99, 0)).isNull();
    }

    @Test
    void normalisedValuesMapThroughTheParameterModel() {
        PluginBridge b = bridge(1);
        b.setNormalized(Parameter.OUTPUT_GAIN.ordinal(), 0f);
        assertThat(text(b, PluginBridge.TEXT_PARAM_DISPLAY, Parameter.OUTPUT_GAIN.ordinal())).isEqualTo("-24.0");
        b.setNormalized(Parameter.LOOKAHEAD.ordinal(), 0.3f); // snaps to 10 ms
        assertThat(b.getNormalized(Parameter.LOOKAHEAD.ordinal())).isEqualTo(0.5f);
        b.setNormalized(Parameter.SUPPRESSION.ordinal(), Float.NaN); // hostile: default
        assertThat(b.getNormalized(Parameter.SUPPRESSION.ordinal())).isEqualTo(0.4f);
        b.setNormalized(42, 1f); // ignored
    }

    @Test
    void parsesUserText() {
        PluginBridge b = bridge(1);
        message.put(0, "12 dB".getBytes(StandardCharsets.UTF_8));
        assertThat(b.parseParameter(Parameter.SUPPRESSION.ordinal(), 5)).isTrue();
        assertThat(b.getNormalized(Parameter.SUPPRESSION.ordinal())).isEqualTo(0.12f);
        message.put(0, "loud".getBytes(StandardCharsets.UTF_8));
        assertThat(b.parseParameter(Parameter.SUPPRESSION.ordinal(), 4)).isFalse();
    }

    @Test
    void programsAreTheFactoryPresets() {
        PluginBridge b = bridge(2);
        assertThat(PluginBridge.programCount()).isEqualTo(FactoryPresets.all().size());
        assertThat(text(b, PluginBridge.TEXT_PROGRAM_NAME_INDEXED, 1)).isEqualTo(FactoryPresets.all().get(1).name());
        b.setProgram(7);
        assertThat(b.program()).isEqualTo(7);
        assertThat(text(b, PluginBridge.TEXT_PROGRAM_NAME, 0)).isEqualTo("Maximum cleanup");
        assertThat(b.state().value(Parameter.SUPPRESSION)).isEqualTo(100);
        b.setProgram(99); // ignored
        assertThat(b.program()).isEqualTo(7);
    }

    @Test
    void stateRoundTripsThroughTheMessageBuffer() {
        PluginBridge a = bridge(2);
        a.setProgram(2);
        a.setNormalized(Parameter.OUTPUT_GAIN.ordinal(), 0.25f);
        int n = a.saveState();
        PluginBridge b = bridge(2);
        assertThat(b.loadState(n)).isTrue();
        assertThat(b.state()).isEqualTo(a.state());
    }

    @Test
    void aChunkNamingAProgramThisBuildLacksReportsAValidProgram() {
        PluginBridge a = bridge(2);
        a.setNormalized(Parameter.OUTPUT_GAIN.ordinal(), 0.25f);
        byte[] chunk = StateChunk.encode(new PluginState(a.state().values(), 30_000, "From a later build"));
        message.put(0, chunk);
        PluginBridge b = bridge(2);
        assertThat(b.loadState(chunk.length)).isTrue();
        assertThat(b.state().value(Parameter.OUTPUT_GAIN)).isEqualTo(a.state().value(Parameter.OUTPUT_GAIN));
        assertThat(b.program()).isBetween(0, PluginBridge.programCount() - 1);
        assertThat(b.state().program()).isEqualTo(-1);
    }

    @Test
    void aForeignChunkLeavesTheStateAlone() {
        PluginBridge b = bridge(2);
        PluginState before = b.state();
        message.put(0, "{\"format\":\"someone-else\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(b.loadState(25)).isFalse();
        message.put(0, new byte[] {'C', 'c', 'n', 'K', 0, 0, 0, 1});
        assertThat(b.loadState(8)).isFalse();
        assertThat(b.loadState(0)).isFalse();
        assertThat(b.loadState(1 << 20)).isFalse();
        assertThat(b.state()).isEqualTo(before);
    }

    @Test
    void loadsProgramsAndBanksWrittenByThePresetsModule() {
        PluginBridge b = bridge(1);
        byte[] program = PresetChunk.encode(FactoryPresets.VOICE_OVER);
        message.put(0, program);
        assertThat(b.loadState(program.length)).isTrue();
        assertThat(b.state().value(Parameter.SUPPRESSION)).isEqualTo(12);
        assertThat(b.program()).isEqualTo(FactoryPresets.all().indexOf(FactoryPresets.VOICE_OVER));
        byte[] bank = PresetChunk.encodeBank(FactoryPresets.all(), 5);
        message.put(0, bank);
        assertThat(b.loadState(bank.length)).isTrue();
        assertThat(text(b, PluginBridge.TEXT_PROGRAM_NAME, 0)).isEqualTo(FactoryPresets.all().get(5).name());
    }

    @Test
    void processMovesAudioThroughTheNativeBuffersWithoutAllocating() {
        PluginBridge b = bridge(2);
        int maxBlock = 256;
        ByteBuffer in = ByteBuffer.allocateDirect(2 * maxBlock * 4).order(ByteOrder.nativeOrder());
        ByteBuffer out = ByteBuffer.allocateDirect(2 * maxBlock * 4).order(ByteOrder.nativeOrder());
        assertThat(b.prepare(48000, maxBlock, in, out)).isEqualTo(1920);
        FloatBuffer fin = in.asFloatBuffer();
        FloatBuffer fout = out.asFloatBuffer();
        b.setNormalized(Parameter.BYPASS.ordinal(), 1f); // dry path: the input delayed by the latency
        b.reset();
        fin.put(0, 0.5f);
        int latency = b.process(maxBlock);
        int found = -1;
        for (int block = 0; found < 0 && block < 20; block++) {
            for (int i = 0; i < maxBlock; i++) {
                if (fout.get(i) > 0.25f) {
                    found = block * maxBlock + i;
                }
            }
            fin.put(0, 0f);
            b.process(maxBlock);
        }
        assertThat(found).isEqualTo(latency);

        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        // Rounds of 10,000 blocks until the JIT has settled (compilation and deoptimisation may allocate while it
        // works); steady state must then allocate nothing at all.
        java.util.Random noise = new java.util.Random(2);
        for (int i = 0; i < 2 * maxBlock; i++) {
            fin.put(i, (float) (noise.nextGaussian() * 0.1));
        }
        b.setNormalized(Parameter.BYPASS.ordinal(), 0f);
        long allocated = -1;
        for (int round = 0; round < 30 && allocated != 0; round++) {
            long before = threads.getThreadAllocatedBytes(thread);
            for (int i = 0; i < 10_000; i++) {
                b.process(i % maxBlock);
                b.setNormalized(Parameter.SUPPRESSION.ordinal(), (i % 100) / 100f);
                b.getNormalized(Parameter.SUPPRESSION.ordinal());
            }
            allocated = threads.getThreadAllocatedBytes(thread) - before;
        }
        assertThat(allocated).isZero();
    }

    /** Runs a mono stream through a fresh bridge in blocks of the given sizes (cycled). */
    private float[] stream(float[] x, int... blocks) {
        PluginBridge b = bridge(1);
        int max = java.util.Arrays.stream(blocks).max().orElseThrow();
        ByteBuffer in = ByteBuffer.allocateDirect(max * 4).order(ByteOrder.nativeOrder());
        ByteBuffer out = ByteBuffer.allocateDirect(max * 4).order(ByteOrder.nativeOrder());
        b.prepare(48000, max, in, out);
        float[] y = new float[x.length];
        for (int done = 0, k = 0; done < x.length; k++) {
            int n = Math.min(blocks[k % blocks.length], x.length - done);
            in.asFloatBuffer().put(0, x, done, n);
            b.process(n);
            out.asFloatBuffer().get(0, y, done, n);
            done += n;
        }
        return y;
    }

    private static float[] noise(int n, long seed) {
        java.util.Random r = new java.util.Random(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (r.nextGaussian() * 0.1);
        }
        return x;
    }

    @Test
    void materialAfterLongSilenceRendersAsIfTheHostHadJustResumed() {
        float[] material = noise(24_000, 7);
        int silence = 48_000 + 123; // a host that ran on silence for an arbitrary time first
        float[] x = new float[10_000 + silence + material.length];
        System.arraycopy(noise(10_000, 8), 0, x, 0, 10_000);
        System.arraycopy(material, 0, x, 10_000 + silence, material.length);

        float[] y = stream(x, 512);
        float[] alone = stream(material, 512);
        float[] after = java.util.Arrays.copyOfRange(y, 10_000 + silence, x.length);
        assertThat(after).containsExactly(alone);
        float[] tail = java.util.Arrays.copyOfRange(y, 10_000 + 5_000, 10_000 + silence);
        assertThat(tail).containsOnly(0f);
        assertThat(stream(x, 1, 4096, 333, 17)).containsExactly(y); // any block partition, to the sample
    }

    @Test
    void severalRestartsInOneBlockRenderAsInSmallBlocks() {
        // A click after long silence, a long silence again and material, then the same once more: with blocks of
        // 64 k samples all of it lands in one or two blocks, which must restart the Processor at every onset.
        int gap = 6_000; // longer than the restart threshold (latency at the largest look-ahead + six hops = 4,800)
        float[] x = new float[70_000];
        int at = 5_000;
        for (int round = 0; round < 2; round++) {
            x[at] = 0.5f;
            at += 1 + gap;
            System.arraycopy(noise(9_000, 10 + round), 0, x, at, 9_000);
            at += 9_000 + gap;
        }
        float[] small = stream(x, 512);
        assertThat(stream(x, 65_536)).containsExactly(small);
        assertThat(stream(x, 40_000, 1, 4_801)).containsExactly(small);
        int material = 5_000 + 1 + gap; // the first material renders as if it came first after a resume
        float[] alone = stream(java.util.Arrays.copyOfRange(x, material, x.length), 512);
        assertThat(java.util.Arrays.copyOfRange(small, material, material + 9_000))
                .containsExactly(java.util.Arrays.copyOf(alone, 9_000));
    }

    @Test
    void shortPausesDoNotRestart() {
        float[] x = noise(30_000, 9);
        java.util.Arrays.fill(x, 10_000, 11_000, 0f); // 21 ms: shorter than the latency
        float[] y = stream(x, 480);
        org.percepnet4j.engine.Processor plain = new org.percepnet4j.engine.Processor(new DeterministicGainModel());
        plain.prepare(48000, x.length, 1);
        float[][] out = new float[1][x.length];
        plain.process(new float[][] {x.clone()}, out, x.length);
        assertThat(y).containsExactly(out[0]);
    }

    @Test
    void warmUpLeavesTheInstanceUntouched() {
        float[] plain = impulseResponse(false);
        float[] warmed = impulseResponse(true);
        assertThat(warmed).containsExactly(plain);
    }

    private float[] impulseResponse(boolean warmUp) {
        PluginBridge b = bridge(1);
        ByteBuffer in = ByteBuffer.allocateDirect(480 * 4).order(ByteOrder.nativeOrder());
        ByteBuffer out = ByteBuffer.allocateDirect(480 * 4).order(ByteOrder.nativeOrder());
        b.prepare(48000, 480, in, out);
        b.process(480);
        if (warmUp) {
            b.warmUp(20);
        }
        float[] response = new float[480 * 8];
        for (int block = 0; block < 8; block++) {
            in.asFloatBuffer().put(0, block == 1 ? 0.5f : 0f);
            b.process(480);
            out.asFloatBuffer().get(0, response, block * 480, 480);
        }
        return response;
    }

    @Test
    void unsupportedRatesPassAudioThrough() {
        PluginBridge b = bridge(1);
        ByteBuffer in = ByteBuffer.allocateDirect(64 * 4).order(ByteOrder.nativeOrder());
        ByteBuffer out = ByteBuffer.allocateDirect(64 * 4).order(ByteOrder.nativeOrder());
        assertThat(b.prepare(400_000, 64, in, out)).isEqualTo(-1);
        in.asFloatBuffer().put(3, 0.7f);
        assertThat(b.process(64)).isZero();
        assertThat(out.asFloatBuffer().get(3)).isEqualTo(0.7f);
        assertThat(b.latencySamples()).isZero();
    }
}
