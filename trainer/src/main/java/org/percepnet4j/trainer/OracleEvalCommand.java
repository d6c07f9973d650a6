package org.percepnet4j.trainer;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.percepnet4j.trainer.data.Corpus;
import org.percepnet4j.trainer.data.Split;
import org.percepnet4j.trainer.eval.OracleEvaluation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code trainer oracle-eval}: the oracle figures of issue 2 on the TEST split. */
@Command(name = "oracle-eval", mixinStandardHelpOptions = true,
        description = "Oracle (ideal gains/strengths through the Denoiser) on TEST speech + TEST noise: SI-SDR of noisy vs"
                + " oracle, and voiced-segment segmental SNR of the oracle with and without the pitch filter.")
final class OracleEvalCommand implements Callable<Integer> {
    @Mixin
    CorpusOption corpus;
    @Option(names = "--whole-corpus", description = "use every file of --corpus as TEST material (a separate held-out"
            + " set with the same folder layout) instead of the committed TEST list")
    boolean wholeCorpus;
    @Option(names = "--snr", split = ",", defaultValue = "0,5,10", description = "input SNRs in dB (default ${DEFAULT-VALUE})")
    double[] snrs;
    @Option(names = "--examples", defaultValue = "20", description = "examples per SNR (default ${DEFAULT-VALUE})")
    int examples;
    @Option(names = "--seconds", defaultValue = "6", description = "length of each example (default ${DEFAULT-VALUE})")
    double seconds;
    @Option(names = "--lookahead", defaultValue = "2", description = "look-ahead frames (default ${DEFAULT-VALUE})")
    int lookahead;
    @Option(names = "--rate", description = "also compare the oracle through the Processor at this host rate with 48 kHz"
            + " (issue 3), e.g. 44100")
    Integer rate;
    @Option(names = "--seed", defaultValue = "1", description = "first example seed (default ${DEFAULT-VALUE})")
    long seed;

    @Override
    public Integer call() {
        for (String problem : new String[] {EvalMixtures.examplesProblem(examples),
                EvalMixtures.secondsProblem(seconds), EvalMixtures.lookaheadProblem(lookahead)}) {
            if (problem != null) {
                throw new IllegalArgumentException(problem);
            }
        }
        Path root = corpus.root();
        Corpus c = wholeCorpus ? Corpus.openAllAs(root, Split.TEST) : Corpus.open(root);
        long t0 = System.nanoTime();
        List<OracleEvaluation.Row> rows = OracleEvaluation.run(c, snrs, examples, seconds, lookahead, seed);
        System.out.printf(Locale.ROOT, "Oracle on the TEST split: %d examples of %.1f s per SNR, look-ahead %d, recorded TEST noise%n",
                examples, seconds, lookahead);
        System.out.println("| input SNR | SI-SDR noisy | SI-SDR oracle | improvement | SI-SDR gain-only | voiced segSNR noisy | voiced segSNR oracle | voiced segSNR gain-only |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (OracleEvaluation.Row r : rows) {
            System.out.printf(Locale.ROOT, "| %.0f dB | %.2f | %.2f | %+.2f | %.2f | %.2f | %.2f | %.2f |%n", r.snrDb(),
                    r.noisySiSdr(), r.oracleSiSdr(), r.siSdrImprovement(), r.gainOnlySiSdr(),
                    r.noisyVoicedSegSnr(), r.oracleVoicedSegSnr(), r.gainOnlyVoicedSegSnr());
        }
        if (rate != null) {
            System.out.printf(Locale.ROOT, "%nOracle through the Processor at %d Hz vs 48 kHz (same material, SI-SDR against"
                    + " the clean signal at each rate)%n", rate);
            System.out.println("| input SNR | SI-SDR at 48 kHz | SI-SDR at host rate | difference |");
            System.out.println("|---:|---:|---:|---:|");
            for (OracleEvaluation.RateRow r : OracleEvaluation.rateComparison(c, snrs, examples, seconds, lookahead, seed, rate)) {
                System.out.printf(Locale.ROOT, "| %.0f dB | %.2f | %.2f | %+.2f |%n", r.snrDb(), r.siSdr48k(), r.siSdrHost(),
                        r.differenceDb());
            }
        }
        System.out.printf(Locale.ROOT, "(%.1f s)%n", (System.nanoTime() - t0) / 1e9);
        return 0;
    }
}
