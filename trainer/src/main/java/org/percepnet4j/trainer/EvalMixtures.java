package org.percepnet4j.trainer;

import java.util.List;
import org.percepnet4j.engine.Processor;
import org.percepnet4j.trainer.data.Corpus;
import org.percepnet4j.trainer.data.MixtureSettings;
import org.percepnet4j.trainer.data.MixtureSettings.NoiseKind;
import org.percepnet4j.trainer.data.MixtureSynthesizer;
import org.percepnet4j.trainer.data.Split;
import org.percepnet4j.trainer.eval.Evaluation;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The evaluation mixtures, as options shared by {@code eval} and {@code gain-report} so both measure the same
 * material: per input SNR and noise kind, {@code --examples} mixtures of {@code --seconds}, example i made with seed
 * {@code --seed} + i (the same speech at every SNR and kind).
 */
final class EvalMixtures {
    @Mixin
    CorpusOption corpus;
    @Option(names = "--split", defaultValue = "TEST", description = "mixtures from TEST (the final measurement) or"
            + " VALIDATION (for choosing settings without touching TEST) (default ${DEFAULT-VALUE})")
    Split split;
    @Option(names = "--snr", split = ",", defaultValue = "0,5,10", description = "input SNRs in dB (default ${DEFAULT-VALUE})")
    double[] snrs;
    @Option(names = "--noise", split = ",", defaultValue = "REAL,BABBLE,KEYBOARD",
            description = "noise kinds: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE})")
    List<NoiseKind> kinds;
    int examples;
    double seconds;
    int lookahead;
    double levelDb = MixtureSettings.EVALUATION_LEVEL_DB;
    @Option(names = "--seed", defaultValue = "1", description = "first example seed (default ${DEFAULT-VALUE})")
    long seed;
    @Option(names = "--reverb", description = "speech played in rooms of the split; scored against its direct path and"
            + " early reflections, as in training (default: dry speech)")
    boolean reverb;

    @Spec(Spec.Target.MIXEE)
    private CommandSpec command;

    /** Checked here so that every command using these mixtures ({@code eval}, {@code gain-report}) refuses it alike. */
    @Option(names = "--level", defaultValue = "-26", description = "active speech level of every mixture, dBFS, -100"
            + " to 0; the mix is kept under full scale (default ${DEFAULT-VALUE})")
    void setLevel(double db) {
        if (!(db >= -100 && db <= 0)) {
            throw new ParameterException(command.commandLine(),
                    "--level is the active speech level in dBFS, from -100 to 0: " + db);
        }
        levelDb = db;
    }

    @Option(names = "--examples", defaultValue = "10", description = "examples per SNR and kind (default ${DEFAULT-VALUE})")
    void setExamples(int n) {
        refuse(examplesProblem(n));
        examples = n;
    }

    @Option(names = "--seconds", defaultValue = "6", description = "length of each example (default ${DEFAULT-VALUE})")
    void setSeconds(double s) {
        refuse(secondsProblem(s));
        seconds = s;
    }

    @Option(names = "--lookahead", defaultValue = "2", description = "look-ahead frames, 0 to 2 (default ${DEFAULT-VALUE})")
    void setLookahead(int m) {
        refuse(lookaheadProblem(m));
        lookahead = m;
    }

    private void refuse(String problem) {
        if (problem != null) {
            throw new ParameterException(command.commandLine(), problem);
        }
    }

    // The ranges of every command that makes evaluation mixtures (also oracle-eval): each says what is wrong, or null.

    /** 0 printed an empty table and exit 0. */
    static String examplesProblem(int n) {
        return n < 1 ? "--examples must be at least 1: " + n : null;
    }

    static String secondsProblem(double s) {
        return !(s >= 1 && s <= 600) ? "--seconds must be from 1 to 600: " + s : null;
    }

    /** The engine runs 0..2 frames. */
    static String lookaheadProblem(int m) {
        return m < 0 || m > Processor.MAX_LOOKAHEAD_FRAMES
                ? "--lookahead is in frames, from 0 to " + Processor.MAX_LOOKAHEAD_FRAMES + ": " + m : null;
    }

    /** The synthesiser of one cell, as {@code Evaluation.run} makes it. */
    MixtureSynthesizer cell(Corpus c, double snrDb, NoiseKind kind) {
        return Evaluation.cell(c, split, snrDb, kind, seconds, levelDb, reverb);
    }
}
