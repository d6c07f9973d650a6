package org.percepnet4j.trainer.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.percepnet4j.trainer.data.Corpus;

/** Issue 2's acceptance figures on a small slice of the TEST split (the full run is {@code trainer oracle-eval}). */
class OracleEvaluationTest {
    @Test
    void theOracleGainsAtLeast12dBAt0dBAndThePitchFilterHelpsOnVoicedSpeech() {
        var corpus = Corpus.openDefault();
        assumeTrue(corpus.isPresent(), "corpus not found at " + Corpus.defaultRoot());
        List<OracleEvaluation.Row> rows = OracleEvaluation.run(corpus.get(), new double[] {0, 5, 10}, 3, 4.0, 2, 1);
        assertThat(rows).hasSize(3);
        OracleEvaluation.Row at0 = rows.get(0);
        assertThat(at0.siSdrImprovement()).as("SI-SDR improvement at 0 dB").isGreaterThanOrEqualTo(12.0);
        for (OracleEvaluation.Row r : rows) {
            assertThat(r.oracleSiSdr()).as("oracle beats noisy at %s dB", r.snrDb()).isGreaterThan(r.noisySiSdr());
            assertThat(r.oracleVoicedSegSnr()).as("pitch filter helps on voiced segments at %s dB", r.snrDb())
                    .isGreaterThan(r.gainOnlyVoicedSegSnr());
        }
    }

    @Test
    void theOracleThroughTheProcessorAt44k1IsWithinHalfADecibelOf48k() {
        var corpus = Corpus.openDefault();
        assumeTrue(corpus.isPresent(), "corpus not found at " + Corpus.defaultRoot());
        List<OracleEvaluation.RateRow> rows = OracleEvaluation.rateComparison(corpus.get(), new double[] {0, 10}, 2, 4.0, 2, 1, 44100);
        for (OracleEvaluation.RateRow r : rows) {
            assertThat(Math.abs(r.differenceDb())).as("at %s dB", r.snrDb()).isLessThanOrEqualTo(0.5);
        }
    }
}
