package org.percepnet4j.trainer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.percepnet4j.engine.GainModel;
import org.percepnet4j.engine.Parameter;
import org.percepnet4j.engine.nn.NeuralGainModel;
import org.percepnet4j.trainer.data.Corpus;
import org.percepnet4j.trainer.data.Split;
import org.percepnet4j.trainer.data.MixtureSettings.NoiseKind;
import org.percepnet4j.trainer.eval.Dnsmos;
import org.percepnet4j.trainer.eval.Evaluation;
import org.percepnet4j.trainer.eval.Rnnoise;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code trainer eval}: the issue 4 table (noisy / oracle / model per SNR and noise kind). */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "SI-SDR, segmental SNR, ESTOI and DNSMOS P.835 on TEST (or VALIDATION) mixtures per SNR and noise kind, for the"
                + " noisy input, the oracle, a model and optionally RNNoise.")
final class EvalCommand implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    EvalMixtures mixtures = new EvalMixtures();
    @Option(names = "--whole-corpus", description = "use every file of --corpus as TEST material (a separate held-out"
            + " set with the same folder layout) instead of the committed TEST list")
    boolean wholeCorpus;
    @Option(names = "--weights", description = "model weight file to evaluate (omit to evaluate noisy and oracle only)")
    Path weights;
    @Option(names = "--rnnoise", arity = "0..1", fallbackValue = Rnnoise.DEFAULT_DRIVER,
            description = "add RNNoise rows, run by this driver (default when given without a value: ${FALLBACK-VALUE},"
                    + " built by trainer/tools/rnnoise/build.sh)")
    Path rnnoise;
    @Option(names = "--no-oracle", description = "skip the oracle rows")
    boolean noOracle;
    @Option(names = "--no-clean", description = "skip the clean-reference rows (the DNSMOS ceiling of the material)")
    boolean noClean;
    @Option(names = "--attenuation-limit", description = "model attenuation limit in dB (default: the product default)")
    Float attenuationLimit;
    @Option(names = "--post-filter", description = "model post-filter amount 0..1 (default: the product default)")
    Float postFilter;
    @Option(names = "--no-dnsmos", description = "skip DNSMOS even when the models are present")
    boolean noDnsmos;
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;
    @Option(names = "--lead-in", defaultValue = "0", description = "seconds of quiet coloured noise before every"
            + " mixture, which is scored without it: a noise floor that rises (default ${DEFAULT-VALUE})")
    double leadInSeconds;
    @Option(names = "--lead-in-level", defaultValue = "-70", description = "RMS level of the lead-in, dBFS, -150 to 0,"
            + " or -Infinity for digital silence; below about -93 the engine treats it as silence (default ${DEFAULT-VALUE})")
    double leadInLevelDb;
    @Option(names = "--json", description = "also write the table as JSON to this file")
    Path json;

    private float limitDb;
    private float postFilterAmount;

    @Override
    public Integer call() throws Exception {
        Split split = mixtures.split;
        int lookahead = mixtures.lookahead;
        if (wholeCorpus && split != Split.TEST) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--whole-corpus makes every file TEST material: it cannot be combined with --split " + split);
        }
        Evaluation.LeadIn leadIn;
        try {
            leadIn = new Evaluation.LeadIn(leadInSeconds, leadInLevelDb);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--lead-in takes 0 to 600 s and --lead-in-level -150 to 0 dBFS or -Infinity: " + e.getMessage());
        }
        Path root = mixtures.corpus.root();
        Corpus c = wholeCorpus ? Corpus.openAllAs(root, Split.TEST) : Corpus.open(root);
        List<Evaluation.Enhancer> systems = new ArrayList<>();
        systems.add(Evaluation.noisy());
        if (!noClean) {
            systems.add(Evaluation.clean());
        }
        GainModel model = weights != null ? NeuralGainModel.read(weights) : null;
        if (!noOracle) {
            // the comb the evaluated network uses, so the oracle row is its ceiling
            systems.add(Evaluation.oracle(lookahead, model != null ? model.forLookahead(lookahead).pastCombReach() : 0));
        }
        if (model != null) {
            limitDb = attenuationLimit != null ? attenuationLimit : (float) Parameter.SUPPRESSION.defaultValue();
            postFilterAmount = postFilter != null ? postFilter : (float) (Parameter.POST_FILTER.defaultValue() / 100.0);
            systems.add(Evaluation.model("model", model, lookahead, limitDb, postFilterAmount));
        }
        if (rnnoise != null) {
            systems.add(Rnnoise.enhancer(rnnoise));
        }
        Optional<Dnsmos> dnsmos = noDnsmos ? Optional.empty() : Dnsmos.openDefault();
        if (!noDnsmos && dnsmos.isEmpty()) {
            System.err.println("DNSMOS models not found in " + Dnsmos.defaultDir() + ": DNSMOS columns left empty");
        }
        long t0 = System.nanoTime();
        List<Evaluation.Cell> cells;
        try {
            cells = Evaluation.run(c, split, mixtures.snrs, mixtures.kinds, mixtures.examples, mixtures.seconds,
                    mixtures.levelDb, mixtures.reverb, leadIn, mixtures.seed, systems, dnsmos,
                    s -> System.err.print("\r" + s + "   "));
        } finally {
            dnsmos.ifPresent(Dnsmos::close);
        }
        System.err.println();
        System.out.printf(Locale.ROOT,
                "%s split, %d examples of %.1f s per cell, %sspeech at %.0f dBFS%s, look-ahead %d%s%n", split,
                mixtures.examples, mixtures.seconds, mixtures.reverb
                        ? "reverberant (scored against direct path and early reflections) " : "",
                mixtures.levelDb, leadIn.seconds() > 0 ? String.format(Locale.ROOT,
                        " after %.1f s of %s (not scored)", leadIn.seconds(), leadIn.levelDb() == Double.NEGATIVE_INFINITY
                                ? "digital silence" : String.format(Locale.ROOT, "noise at %.0f dBFS", leadIn.levelDb()))
                        : "",
                lookahead, weights != null ? ", model " + weights
                        + " (attenuation limit " + limitDb + " dB, post-filter " + postFilterAmount + ")" : "");
        System.out.println("| input SNR | noise | system | SI-SDR | ΔSI-SDR | segSNR | ESTOI | SIG | BAK | OVRL |");
        System.out.println("|---:|---|---|---:|---:|---:|---:|---:|---:|---:|");
        for (Evaluation.Cell cell : cells) {
            Evaluation.Cell base = cells.stream().filter(x -> x.system().equals("noisy") && x.snrDb() == cell.snrDb()
                    && x.noiseKind().equals(cell.noiseKind())).findFirst().orElse(cell);
            if (cell.system().equals("clean")) { // intrusive metrics of the reference against itself say nothing
                System.out.printf(Locale.ROOT, "| %.0f dB | %s | clean | – | – | – | – | %s | %s | %s |%n",
                        cell.snrDb(), cell.noiseKind(), fmt(cell.sig()), fmt(cell.bak()), fmt(cell.ovrl()));
                continue;
            }
            System.out.printf(Locale.ROOT, "| %.0f dB | %s | %s | %.2f | %+.2f | %.2f | %.3f | %s | %s | %s |%n",
                    cell.snrDb(), cell.noiseKind(), cell.system(), cell.siSdr(), cell.siSdr() - base.siSdr(),
                    cell.segSnr(), cell.estoi(), fmt(cell.sig()), fmt(cell.bak()), fmt(cell.ovrl()));
        }
        if (weights != null) {
            summary(cells, "model");
        }
        if (rnnoise != null) {
            summary(cells, "rnnoise");
        }
        System.out.printf(Locale.ROOT, "(%.1f s)%n", (System.nanoTime() - t0) / 1e9);
        if (json != null) {
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), cells);
        }
        return 0;
    }

    /** Issue 4's acceptance figures for one system, per input SNR (means over the noise kinds). */
    private void summary(List<Evaluation.Cell> cells, String system) {
        System.out.println();
        System.out.println("| input SNR | " + system + " ΔSI-SDR | min ΔESTOI over kinds | " + system
                + " ΔOVRL | oracle ΔOVRL | clean ΔOVRL (ceiling) |");
        System.out.println("|---:|---:|---:|---:|---:|---:|");
        for (double snr : mixtures.snrs) {
            double dSdr = 0, minDEstoi = Double.POSITIVE_INFINITY, dOvrl = 0, dOracle = 0, dClean = 0;
            int n = 0;
            for (NoiseKind kind : mixtures.kinds) {
                Evaluation.Cell noisy = find(cells, "noisy", snr, kind), model = find(cells, system, snr, kind);
                Evaluation.Cell oracle = find(cells, "oracle", snr, kind), clean = find(cells, "clean", snr, kind);
                dSdr += model.siSdr() - noisy.siSdr();
                minDEstoi = Math.min(minDEstoi, model.estoi() - noisy.estoi());
                dOvrl += model.ovrl() - noisy.ovrl();
                dOracle += oracle == null ? Double.NaN : oracle.ovrl() - noisy.ovrl();
                dClean += clean == null ? Double.NaN : clean.ovrl() - noisy.ovrl();
                n++;
            }
            System.out.printf(Locale.ROOT, "| %.0f dB | %+.2f | %+.3f | %s | %s | %s |%n", snr, dSdr / n, minDEstoi,
                    signed(dOvrl / n), signed(dOracle / n), signed(dClean / n));
        }
    }

    private static Evaluation.Cell find(List<Evaluation.Cell> cells, String system, double snr, NoiseKind kind) {
        return cells.stream().filter(c -> c.system().equals(system) && c.snrDb() == snr && c.noiseKind().equals(kind.label()))
                .findFirst().orElse(null);
    }

    private static String signed(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%+.2f", v);
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.2f", v);
    }
}
