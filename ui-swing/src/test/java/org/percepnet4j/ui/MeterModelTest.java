package org.percepnet4j.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.percepnet4j.engine.MeterSnapshot;

class MeterModelTest {

    private static final long FRAME = 33_000_000L;
    private final MeterModel meters = new MeterModel();
    private final MeterSnapshot s = new MeterSnapshot();
    private long now = 1_000_000_000L;

    private void publish(float inDb, float outDb) {
        s.inputDb = inDb;
        s.outputDb = outDb;
        s.sequence++;
        now += FRAME;
        meters.update(s, now);
    }

    @Test
    void levelsRiseAtOnceAndFallAtTheReleaseRate() {
        publish(-10, -20);
        assertThat(meters.inputDb()).isEqualTo(-10f);
        assertThat(meters.outputDb()).isEqualTo(-20f);
        publish(-60, -60);
        float fall = MeterModel.FALL_DB_PER_SECOND * FRAME / 1e9f;
        assertThat(meters.inputDb()).isCloseTo(-10f - fall, within(1e-3f));
        assertThat(meters.inputPeakDb()).isEqualTo(-10f);
    }

    @Test
    void peakHoldsThenFollowsTheLevel() {
        publish(-6, -6);
        for (int i = 0; i < 30; i++) {
            publish(-40, -40);
        }
        assertThat(meters.inputPeakDb()).isEqualTo(-6f); // ~1 s later: still held
        for (int i = 0; i < 60; i++) {
            publish(-40, -40);
        }
        assertThat(meters.inputPeakDb()).isCloseTo(-40f, within(0.01f));
    }

    @Test
    void reductionIsShownAsAPositiveAmountWhateverTheSignConvention() {
        s.gainReductionDb = -9f;
        publish(-20, -29);
        assertThat(meters.reductionDb()).isEqualTo(9f);
        assertThat(meters.reductionText()).isEqualTo("-9.0 dB");
    }

    @Test
    void bandGainsBecomeBandReductions() {
        Arrays.fill(s.bandGainDb, 0f);
        s.bandGainDb[3] = -24f;
        s.bandGainDb[20] = 3f; // a boost is not a reduction
        publish(-20, -20);
        assertThat(meters.bandReductionDb(3)).isEqualTo(24f);
        assertThat(meters.bandReductionDb(20)).isZero();
        assertThat(meters.bandReductionDb(0)).isZero();
    }

    @Test
    void pitchShowsOnlyWhenVoicedAndIsKeptAsHistory() {
        s.pitchHz = 180f;
        s.voiced = true;
        publish(-20, -20);
        assertThat(meters.pitchText()).isEqualTo("180 Hz");
        s.voiced = false;
        publish(-20, -20);
        assertThat(meters.pitchText()).isEqualTo("unvoiced");
        assertThat(meters.pitchHistory(0)).isZero();
        assertThat(meters.pitchHistory(1)).isEqualTo(180f);
    }

    @Test
    void metersFallBackToRestWhenTheProcessorStopsPublishing() {
        s.gainReductionDb = -12f;
        s.pitchHz = 150f;
        s.voiced = true;
        publish(-10, -22);
        assertThat(meters.active()).isTrue();
        for (int i = 0; i < 120; i++) { // 4 s with the same sequence number
            now += FRAME;
            meters.update(s, now);
        }
        assertThat(meters.active()).isFalse();
        assertThat(meters.inputText()).isEqualTo("-inf dB");
        assertThat(meters.reductionDb()).isZero();
        assertThat(meters.voiced()).isFalse();
    }

    @Test
    void nonFiniteMeterValuesNeverReachTheDisplay() {
        s.gainReductionDb = Float.NaN;
        s.bandGainDb[0] = Float.NEGATIVE_INFINITY;
        s.pitchHz = Float.NaN;
        s.voiced = true;
        publish(Float.NaN, Float.POSITIVE_INFINITY);
        assertThat(meters.inputText()).isEqualTo("-inf dB");
        assertThat(meters.outputText()).isEqualTo("-inf dB");
        assertThat(meters.reductionDb()).isZero();
        assertThat(meters.bandReductionDb(0)).isZero();
        assertThat(meters.pitchText()).isEqualTo("unvoiced");
    }

    @Test
    void latencyIsUnknownUntilAProcessorPublished() {
        meters.update(s, now);
        assertThat(meters.latencyText()).isEqualTo("-- ms");
    }

    @Test
    void latencyIsShownInMilliseconds() {
        s.latencyMs = 30f;
        publish(-20, -20);
        assertThat(meters.latencyText()).isEqualTo("30.0 ms");
    }

    @Test
    void formatting() {
        assertThat(MeterFormat.level(-3.14f)).isEqualTo("-3.1 dB");
        assertThat(MeterFormat.level(-140f)).isEqualTo("-inf dB");
        assertThat(MeterFormat.reduction(0f)).isEqualTo("0.0 dB");
        assertThat(MeterFormat.reduction(12.26f)).isEqualTo("-12.3 dB");
        assertThat(MeterFormat.pitch(99.6f, true)).isEqualTo("100 Hz");
        assertThat(MeterFormat.latency(Float.NaN)).isEqualTo("-- ms");
        assertThat(MeterFormat.latency(10.4167f)).isEqualTo("10.4 ms");
    }
}
