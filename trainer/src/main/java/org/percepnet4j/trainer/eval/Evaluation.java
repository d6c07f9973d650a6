package org.percepnet4j.trainer.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import org.percepnet4j.engine.Denoiser;
import org.percepnet4j.engine.GainModel;
import org.percepnet4j.engine.OfflineRender;
import org.percepnet4j.trainer.data.Corpus;
import org.percepnet4j.trainer.data.Example;
import org.percepnet4j.trainer.data.GeneratedNoise;
import org.percepnet4j.trainer.data.MixtureSettings;
import org.percepnet4j.trainer.data.MixtureSettings.NoiseKind;
import org.percepnet4j.trainer.data.MixtureSynthesizer;
import org.percepnet4j.trainer.data.Split;

/**
 * The evaluation table of issue 4: for each input SNR and noise kind, TEST-split mixtures enhanced by each system
 * (the noisy input itself, the oracle, a model), scored with SI-SDR, segmental SNR, ESTOI and (when the models are
 * present) DNSMOS P.835. Every system sees exactly the same mixtures.
 */
public final class Evaluation {
    /** Something that turns an example's noisy input into an estimate of its clean target (48 kHz, aligned). */
    public record Enhancer(String name, Function<Example, float[]> enhance) {
    }

    /**
     * Quiet noise put before every mixture: coloured noise (a random slope, brown to blue) of {@code seconds} at an
     * RMS level of {@code levelDb} dBFS (−∞: digital silence), the mixture scored after it. It measures how a system
     * copes with a noise floor that rises (room tone before a noisy scene) or with a gap before a clip; below about
     * −93 dBFS the engine treats it as silence.
     */
    public record LeadIn(double seconds, double levelDb) {
        public static final LeadIn NONE = new LeadIn(0, -70);

        public LeadIn {
            if (!(seconds >= 0 && seconds <= 600)
                    || !(levelDb >= -150 && levelDb <= 0 || levelDb == Double.NEGATIVE_INFINITY)) {
                throw new IllegalArgumentException("lead-in of 0 to 600 s at -150 to 0 dBFS or -Infinity: " + seconds
                        + " s, " + levelDb + " dBFS");
            }
        }

        int samples() {
            return (int) Math.round(seconds * 48000);
        }

        /** The example with the lead-in before it (silence before the clean target); the same for a given seed. */
        Example before(Example e, long seed) {
            int n = samples();
            if (n == 0) {
                return e;
            }
            float[] tone = GeneratedNoise.coloured(n, new Random(seed ^ 0x5eedL));
            double power = 0;
            for (float v : tone) {
                power += (double) v * v;
            }
            float gain = power > 0 && levelDb > Double.NEGATIVE_INFINITY
                    ? (float) (Math.pow(10, levelDb / 20) / Math.sqrt(power / n)) : 0f;
            float[] noisy = new float[n + e.noisy().length];
            for (int i = 0; i < n; i++) {
                noisy[i] = tone[i] * gain;
            }
            System.arraycopy(e.noisy(), 0, noisy, n, e.noisy().length);
            float[] clean = new float[noisy.length];
            System.arraycopy(e.clean(), 0, clean, n, e.clean().length);
            return new Example(clean, noisy, e.cutoffHz(), e.speaker(), e.noiseKind(), e.snrDb());
        }
    }

    /** Mean scores of one system on one (SNR, noise kind) cell; DNSMOS fields are NaN without the models. */
    public record Cell(String system, double snrDb, String noiseKind, int examples, double siSdr, double segSnr,
                       double estoi, double sig, double bak, double ovrl) {
    }

    private Evaluation() {
    }

    /** The noisy input unchanged. */
    public static Enhancer noisy() {
        return new Enhancer("noisy", Example::noisy);
    }

    /** The clean target itself: the ceiling for the non-intrusive DNSMOS scores of the test material. */
    public static Enhancer clean() {
        return new Enhancer("clean", Example::clean);
    }

    /**
     * The oracle: ideal targets through the Denoiser (no post-filter, no attenuation limit), with the pitch comb of
     * a network of the given one-sided comb reach at M = 0 ({@code GainModel.pastCombReach}; 0 = none).
     */
    public static Enhancer oracle(int lookahead, int pastCombReach) {
        return new Enhancer("oracle", e -> OfflineRender.oracle(e.clean(), e.noisy(), lookahead, e.cutoffHz(), true,
                pastCombReach));
    }

    /** A model through the Denoiser with the given product settings. */
    public static Enhancer model(String name, GainModel model, int lookahead, float attenuationLimitDb, float postFilterAmount) {
        return new Enhancer(name, e -> {
            Denoiser d = new Denoiser(model, 1, lookahead);
            d.setLookahead(lookahead);
            d.setAttenuationLimitDb(attenuationLimitDb);
            d.setPostFilterAmount(postFilterAmount);
            return OfflineRender.render(d, e.noisy());
        });
    }

    /**
     * The mixtures of one cell: real recordings of one noise kind at exactly {@code snrDb}, {@code seconds} long,
     * active speech at {@code levelDb} dBFS, dry.
     */
    public static MixtureSynthesizer cell(Corpus corpus, Split split, double snrDb, NoiseKind kind, double seconds,
                                          double levelDb) {
        return cell(corpus, split, snrDb, kind, seconds, levelDb, false);
    }

    /**
     * As {@link #cell(Corpus, Split, double, NoiseKind, double, double)}; with {@code reverberant} every example's
     * speech is played in a room of the split (measured or synthetic, as in training) and the reference keeps only
     * its direct path and early reflections, so the scores count late reverberation against a system, as the training
     * target does.
     */
    public static MixtureSynthesizer cell(Corpus corpus, Split split, double snrDb, NoiseKind kind, double seconds,
                                          double levelDb, boolean reverberant) {
        MixtureSettings dry = MixtureSettings.evaluation(snrDb).withSeconds(seconds, seconds).withOnlyNoise(kind)
                .withLevel(levelDb, levelDb);
        return new MixtureSynthesizer(corpus, split, reverberant ? dry.reverberated() : dry);
    }

    /**
     * Runs every enhancer on {@code examples} mixtures of the split per (SNR, kind); example i of a cell uses seed
     * {@code seed + i}, so the speech is the same across SNRs and kinds, with active speech at {@code levelDb} dBFS
     * ({@link MixtureSettings#EVALUATION_LEVEL_DB} for the model card's tables), each after {@code leadIn} (scored
     * without it). VALIDATION is for choosing settings; TEST is for the final measurement only.
     *
     * @param progress called after each example with a short description (may be null)
     */
    public static List<Cell> run(Corpus corpus, Split split, double[] snrs, List<NoiseKind> kinds, int examples,
                                 double seconds, double levelDb, LeadIn leadIn, long seed, List<Enhancer> enhancers,
                                 Optional<Dnsmos> dnsmos, java.util.function.Consumer<String> progress) {
        return run(corpus, split, snrs, kinds, examples, seconds, levelDb, false, leadIn, seed, enhancers, dnsmos, progress);
    }

    /** As the other {@code run}, on reverberant mixtures when {@code reverberant} ({@link #cell(Corpus, Split,
     * double, NoiseKind, double, double, boolean)}). */
    public static List<Cell> run(Corpus corpus, Split split, double[] snrs, List<NoiseKind> kinds, int examples,
                                 double seconds, double levelDb, boolean reverberant, LeadIn leadIn, long seed,
                                 List<Enhancer> enhancers, Optional<Dnsmos> dnsmos,
                                 java.util.function.Consumer<String> progress) {
        List<Cell> cells = new ArrayList<>();
        for (double snr : snrs) {
            for (NoiseKind kind : kinds) {
                MixtureSynthesizer synth = cell(corpus, split, snr, kind, seconds, levelDb, reverberant);
                Map<String, double[]> sums = new LinkedHashMap<>();
                for (Enhancer en : enhancers) {
                    sums.put(en.name(), new double[7]);
                }
                for (int i = 0; i < examples; i++) {
                    Example e = synth.next(new Random(seed + i));
                    Example heard = leadIn.before(e, seed + i);
                    int skip = heard.noisy().length - e.noisy().length;
                    for (Enhancer en : enhancers) {
                        float[] out = en.enhance().apply(heard);
                        if (skip > 0) {
                            out = java.util.Arrays.copyOfRange(out, skip, skip + e.clean().length);
                        }
                        double[] s = sums.get(en.name());
                        s[0] += Metrics.siSdr(e.clean(), out);
                        s[1] += Metrics.segmentalSnr(e.clean(), out);
                        s[2] += Estoi.compute(e.clean(), out, 48000);
                        if (dnsmos.isPresent()) {
                            Dnsmos.Score d = dnsmos.get().score(out, 48000);
                            s[3] += d.sig();
                            s[4] += d.bak();
                            s[5] += d.ovrl();
                        }
                    }
                    if (progress != null) {
                        progress.accept(String.format(java.util.Locale.ROOT, "%.0f dB %s %d/%d", snr, kind.label(), i + 1, examples));
                    }
                }
                for (Enhancer en : enhancers) {
                    double[] s = sums.get(en.name());
                    double nan = Double.NaN;
                    cells.add(new Cell(en.name(), snr, kind.label(), examples, s[0] / examples, s[1] / examples,
                            s[2] / examples, dnsmos.isPresent() ? s[3] / examples : nan,
                            dnsmos.isPresent() ? s[4] / examples : nan, dnsmos.isPresent() ? s[5] / examples : nan));
                }
            }
        }
        return cells;
    }
}
