package org.percepnet4j.trainer.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.percepnet4j.trainer.data.Corpus;
import org.percepnet4j.trainer.data.Example;
import org.percepnet4j.trainer.data.MixtureSettings;
import org.percepnet4j.trainer.data.MixtureSettings.NoiseKind;
import org.percepnet4j.trainer.data.Split;
import org.percepnet4j.models.Models;

class EvaluationTest {
    @Test
    void everySystemIsScoredOnTheSameMixturesAndTheOracleBeatsTheNoisyInput() {
        var corpus = Corpus.openDefault();
        assumeTrue(corpus.isPresent(), "corpus not found at " + Corpus.defaultRoot());
        List<Evaluation.Cell> cells = Evaluation.run(corpus.get(), Split.TEST, new double[] {0},
                List.of(NoiseKind.REAL, NoiseKind.BABBLE),
                1, 4.0, MixtureSettings.EVALUATION_LEVEL_DB, Evaluation.LeadIn.NONE, 7,
                List.of(Evaluation.noisy(), Evaluation.oracle(2, 0)), Optional.empty(), null);
        assertThat(cells).hasSize(4);
        for (int k = 0; k < 2; k++) {
            Evaluation.Cell noisy = cells.get(2 * k);
            Evaluation.Cell oracle = cells.get(2 * k + 1);
            assertThat(noisy.system()).isEqualTo("noisy");
            assertThat(oracle.system()).isEqualTo("oracle");
            assertThat(oracle.noiseKind()).isEqualTo(noisy.noiseKind());
            assertThat(oracle.siSdr()).isGreaterThan(noisy.siSdr() + 6);
            assertThat(oracle.segSnr()).isGreaterThan(noisy.segSnr());
            assertThat(oracle.estoi()).isGreaterThan(noisy.estoi());
            assertThat(noisy.ovrl()).isNaN();
        }
    }

    @Test
    void reverberantMixturesCountLateReverberationAgainstTheInputAndTheOracleRemovesIt() {
        var corpus = Corpus.openDefault();
        assumeTrue(corpus.isPresent(), "corpus not found at " + Corpus.defaultRoot());
        List<Evaluation.Enhancer> systems = List.of(Evaluation.noisy(), Evaluation.oracle(2, 0));
        List<Evaluation.Cell> dry = Evaluation.run(corpus.get(), Split.VALIDATION, new double[] {35},
                List.of(NoiseKind.REAL), 2, 3.0, MixtureSettings.EVALUATION_LEVEL_DB, false, Evaluation.LeadIn.NONE, 5,
                systems, Optional.empty(), null);
        List<Evaluation.Cell> wet = Evaluation.run(corpus.get(), Split.VALIDATION, new double[] {35},
                List.of(NoiseKind.REAL), 2, 3.0, MixtureSettings.EVALUATION_LEVEL_DB, true, Evaluation.LeadIn.NONE, 5,
                systems, Optional.empty(), null);
        // Dry at 35 dB the input is nearly its own reference; in a room its late reverberation is what is left to remove.
        assertThat(dry.get(0).siSdr()).isGreaterThan(30);
        assertThat(wet.get(0).siSdr()).isLessThan(dry.get(0).siSdr() - 10);
        assertThat(wet.get(1).siSdr()).as("the oracle takes the late reverberation out").isGreaterThan(wet.get(0).siSdr() + 3);
        assertThat(dry).isEqualTo(Evaluation.run(corpus.get(), Split.VALIDATION, new double[] {35}, List.of(NoiseKind.REAL),
                2, 3.0, MixtureSettings.EVALUATION_LEVEL_DB, Evaluation.LeadIn.NONE, 5, systems, Optional.empty(), null))
                .as("dry is the default");
    }

    @Test
    void validationMixturesAreOtherMaterialThanTestMixturesOfTheSameSeed() {
        var corpus = Corpus.openDefault();
        assumeTrue(corpus.isPresent(), "corpus not found at " + Corpus.defaultRoot());
        List<Evaluation.Enhancer> noisy = List.of(Evaluation.noisy());
        Evaluation.Cell test = Evaluation.run(corpus.get(), Split.TEST, new double[] {5}, List.of(NoiseKind.REAL), 1,
                3.0, MixtureSettings.EVALUATION_LEVEL_DB, Evaluation.LeadIn.NONE, 3, noisy, Optional.empty(), null).get(0);
        Evaluation.Cell validation = Evaluation.run(corpus.get(), Split.VALIDATION, new double[] {5},
                List.of(NoiseKind.REAL), 1, 3.0, MixtureSettings.EVALUATION_LEVEL_DB, Evaluation.LeadIn.NONE, 3, noisy,
                Optional.empty(), null).get(0);
        // Both are mixed at 5 dB (SI-SDR of the noisy input near the SNR), from different speech and noise.
        assertThat(test.siSdr()).isBetween(2.0, 8.0);
        assertThat(validation.siSdr()).isBetween(2.0, 8.0);
        assertThat(validation.estoi()).isNotEqualTo(test.estoi());
        assertThat(validation.segSnr()).isNotEqualTo(test.segSnr());
    }

    @Test
    void theLevelOptionScalesCleanAndNoisyAlikeAndTheOracleMeasuresTheSameAtAnyLevel() {
        var corpus = Corpus.openDefault();
        assumeTrue(corpus.isPresent(), "corpus not found at " + Corpus.defaultRoot());
        Example standard = Evaluation.cell(corpus.get(), Split.VALIDATION, 5, NoiseKind.REAL, 3.0,
                MixtureSettings.EVALUATION_LEVEL_DB).next(new Random(3));
        Example quiet = Evaluation.cell(corpus.get(), Split.VALIDATION, 5, NoiseKind.REAL, 3.0, -60).next(new Random(3));
        double expected = Math.pow(10, (-60 - MixtureSettings.EVALUATION_LEVEL_DB) / 10);
        assertThat(energy(quiet.clean()) / energy(standard.clean())).isCloseTo(expected, withinPercentage(0.1));
        assertThat(energy(quiet.noisy()) / energy(standard.noisy())).isCloseTo(expected, withinPercentage(0.1));

        // The engine itself has no level threshold: ideal gains remove as much at -60 dBFS as at -26.
        List<Evaluation.Enhancer> systems = List.of(Evaluation.noisy(), Evaluation.oracle(2, 0));
        List<Evaluation.Cell> atStandard = Evaluation.run(corpus.get(), Split.VALIDATION, new double[] {5},
                List.of(NoiseKind.REAL), 1, 3.0, MixtureSettings.EVALUATION_LEVEL_DB, Evaluation.LeadIn.NONE, 3, systems,
                Optional.empty(), null);
        List<Evaluation.Cell> atQuiet = Evaluation.run(corpus.get(), Split.VALIDATION, new double[] {5},
                List.of(NoiseKind.REAL), 1, 3.0, -60, Evaluation.LeadIn.NONE, 3, systems, Optional.empty(), null);
        assertThat(atQuiet.get(0).siSdr()).isCloseTo(atStandard.get(0).siSdr(), within(0.01));
        assertThat(atQuiet.get(1).siSdr()).isCloseTo(atStandard.get(1).siSdr(), within(0.1));
        assertThat(atQuiet.get(1).siSdr()).isGreaterThan(atQuiet.get(0).siSdr() + 6);
    }

    /** Model minus noisy SI-SDR on one VALIDATION mixture (5 dB recorded ambience, 4 s) under the given conditions. */
    private static double[] noisyAndModel(Corpus corpus, double levelDb, Evaluation.LeadIn leadIn) {
        List<Evaluation.Enhancer> systems = List.of(Evaluation.noisy(),
                Evaluation.model("model", Models.loadDefault(), 2, 40, 0));
        List<Evaluation.Cell> cells = Evaluation.run(corpus, Split.VALIDATION, new double[] {5}, List.of(NoiseKind.REAL),
                1, 4.0, levelDb, leadIn, 3, systems, Optional.empty(), null);
        return new double[] {cells.get(0).siSdr(), cells.get(1).siSdr()};
    }

    @Test
    void theShippedModelRemovesAsMuchFromQuietSpeechAndAfterSilenceAsFromTheStandardMixture() {
        var corpus = Corpus.openDefault();
        assumeTrue(corpus.isPresent(), "corpus not found at " + Corpus.defaultRoot());
        double[] standard = noisyAndModel(corpus.get(), MixtureSettings.EVALUATION_LEVEL_DB, Evaluation.LeadIn.NONE);
        double gain = standard[1] - standard[0];
        assertThat(gain).isGreaterThan(3);

        // Speech at -60 dBFS: the engine lifts the network's view into the trained level range (it used to remove
        // 6 dB less at 5 dB SNR).
        double[] quiet = noisyAndModel(corpus.get(), -60, Evaluation.LeadIn.NONE);
        assertThat(quiet[1] - quiet[0]).isCloseTo(gain, within(1.0));

        // Two seconds of digital silence first: the noisy input scored is the same, and the network, held over the
        // silence, removes what it removes without it (it used to remove 2 dB less).
        double[] afterSilence = noisyAndModel(corpus.get(), MixtureSettings.EVALUATION_LEVEL_DB,
                new Evaluation.LeadIn(2, Double.NEGATIVE_INFINITY));
        assertThat(afterSilence[0]).isEqualTo(standard[0]);
        assertThat(afterSilence[1] - afterSilence[0]).isCloseTo(gain, within(0.1));
    }

    private static double energy(float[] x) {
        double e = 0;
        for (float v : x) {
            e += (double) v * v;
        }
        return e;
    }
}
