package org.percepnet4j.trainer.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import org.percepnet4j.trainer.data.MixtureSettings.NoiseKind;

/**
 * On-the-fly training mixtures (spec §12, issue 4) from one {@link Split} of the corpus.
 *
 * <p>Recipe of {@link #next(Random)}, every draw from the given generator (same seed → same example):
 * <ol>
 * <li>Speech: a speaker (weighted by the square root of their speech duration, so the few long-recorded voices do
 * not dominate and the many short ones are not repeated to death), 4–8 s made of their files one after another with
 * 50–600 ms pauses (random crops of long files), each file set to the same active level ±3 dB; with probability
 * {@link MixtureSettings#speedPerturbation()} the voice is played 0.9–1.1 times as fast (resampled, so pitch and
 * formants move with the tempo, as a different talker's would; the band limit moves with them). The corpus has few
 * hours of speech, and a run that sees the same voices many times learns them rather than speech.</li>
 * <li>Random second-order filter on the speech (target too: it is the voice's colour, not noise).</li>
 * <li>Half of the examples reverberated: a measured response (30 %) or a synthetic small room; the target gets the
 * direct path and early reflections only ({@link RoomResponses}).</li>
 * <li>Noise: recorded ambience, babble of 3–7 other speakers of the split, mains hum, coloured noise or typing;
 * sometimes a second weaker kind on top; its own random second-order filter; scaled to the SNR drawn between the
 * active speech power of the target and the mean noise power (−5…35 dB, three in four below 15 dB:
 * {@link MixtureSettings#snrDb(double)}). 5 % noise-free.</li>
 * <li>Random level (active speech −45…−15 dBFS), kept under full scale.</li>
 * <li>Random low-pass (f_c = 3 kHz·50^u) on target and mix alike; the example's {@code cutoffHz} is the lowest of that,
 * the speech files' manifest bandwidth and any tonal line (see {@link Corpus}).</li>
 * <li>Clipping at 1–12 dB under the peak (hard or tanh) and coarse quantisation (8–12 bits relative to the peak), on
 * the noisy mix only.</li>
 * </ol>
 */
public final class MixtureSynthesizer {
    static final int FS = AudioDecoder.TARGET_RATE;
    private static final int FRAME = 480;
    /** Playback speeds of a perturbed voice: ±2.5 % steps, whose rates 48 kHz·f have small ratios to 48 kHz. */
    static final double[] SPEEDS = {0.9, 0.925, 0.95, 0.975, 1.025, 1.05, 1.075, 1.1};

    /** Where the audio comes from; {@link Corpus} in production, synthetic signals in tests. */
    public interface Source {
        List<CorpusFile> files(CorpusFile.Kind kind);

        float[] audio(CorpusFile f);
    }

    private final Source source;
    private final MixtureSettings settings;
    private final List<String> speakers = new ArrayList<>();
    private final double[] speakerCumulative;
    private final Map<String, List<CorpusFile>> speechBySpeaker = new LinkedHashMap<>();
    private final List<CorpusFile> noises;
    private final List<CorpusFile> keystrokes;
    private final List<CorpusFile> rirs;
    /** One resampler per entry of {@link #SPEEDS}: from 48 kHz·f, read as 48 kHz, back to 48 kHz. */
    private final Resampler[] speedChangers;

    /** Mixtures from {@code split} of the corpus. */
    public MixtureSynthesizer(Corpus corpus, Split split, MixtureSettings settings) {
        this(new Source() {
            @Override
            public List<CorpusFile> files(CorpusFile.Kind kind) {
                return corpus.files(split, kind);
            }

            @Override
            public float[] audio(CorpusFile f) {
                return corpus.audio(f);
            }
        }, settings);
    }

    public MixtureSynthesizer(Source source, MixtureSettings settings) {
        this.source = Objects.requireNonNull(source);
        this.settings = Objects.requireNonNull(settings);
        for (CorpusFile f : source.files(CorpusFile.Kind.SPEECH)) {
            speechBySpeaker.computeIfAbsent(f.speaker(), k -> new ArrayList<>()).add(f);
        }
        if (speechBySpeaker.isEmpty()) {
            throw new IllegalArgumentException("no speech in this split");
        }
        speakers.addAll(speechBySpeaker.keySet());
        speakerCumulative = new double[speakers.size()];
        double acc = 0;
        for (int i = 0; i < speakers.size(); i++) {
            double dur = speechBySpeaker.get(speakers.get(i)).stream().mapToDouble(f -> Math.max(0.5, f.durationS())).sum();
            acc += Math.sqrt(dur);
            speakerCumulative[i] = acc;
        }
        noises = source.files(CorpusFile.Kind.NOISE);
        keystrokes = source.files(CorpusFile.Kind.KEYSTROKE);
        rirs = source.files(CorpusFile.Kind.IMPULSE_RESPONSE);
        speedChangers = new Resampler[SPEEDS.length];
        if (settings.speedPerturbation() > 0) {
            for (int i = 0; i < SPEEDS.length; i++) {
                speedChangers[i] = new Resampler((int) Math.round(FS * SPEEDS[i]), FS);
            }
        }
    }

    public MixtureSettings settings() {
        return settings;
    }

    /** The next example; deterministic given the state of {@code rng}. */
    public Example next(Random rng) {
        MixtureSettings s = settings;
        int n = (int) Math.round((s.minSeconds() + (s.maxSeconds() - s.minSeconds()) * rng.nextDouble()) * FS);
        n = Math.max(FRAME, n / FRAME * FRAME);
        String speaker = pickSpeaker(rng);
        double[] cutoff = {Corpus.FULL_BAND_HZ};
        float[] speech = speechOf(speaker, n, rng, cutoff);

        if (rng.nextDouble() < s.filterProbability()) {
            SecondOrderFilter.random(rng).apply(speech);
        }
        float[] clean = speech;
        float[] reverberant = speech;
        if (rng.nextDouble() < s.reverbProbability()) {
            RoomResponses.Pair h = !rirs.isEmpty() && rng.nextDouble() < s.realRirShare()
                    ? RoomResponses.fromMeasured(source.audio(rirs.get(rng.nextInt(rirs.size()))))
                    : RoomResponses.synthetic(rng);
            reverberant = Convolution.convolve(speech, h.full());
            clean = Convolution.convolve(speech, h.early());
        }

        double speechPower = activePower(clean);
        float[] noisy = reverberant.clone();
        String kind = "none";
        double snr = Double.POSITIVE_INFINITY;
        if (!(rng.nextDouble() < s.noiseFreeProbability())) {
            snr = s.snrDb(rng.nextDouble());
            NoiseKind main = pickKind(rng, null);
            float[] noise = noise(main, n, speaker, rng);
            kind = main.label();
            if (rng.nextDouble() < s.secondNoiseProbability()) {
                NoiseKind second = pickKind(rng, main);
                if (second != null) {
                    float[] extra = noise(second, n, speaker, rng);
                    double rel = Math.pow(10, -(15 * rng.nextDouble()) / 20);
                    scaleTo(extra, Math.sqrt(meanPower(noise)) * rel);
                    add(noise, extra, 1);
                    kind = kind + "+" + second.label();
                }
            }
            if (rng.nextDouble() < s.filterProbability()) {
                SecondOrderFilter.random(rng).apply(noise);
            }
            double noisePower = meanPower(noise);
            if (noisePower > 0 && speechPower > 0) {
                add(noisy, noise, (float) Math.sqrt(speechPower / noisePower * Math.pow(10, -snr / 10)));
            }
        }

        // Level: active speech at the drawn level, the mix kept under full scale.
        double levelDb = s.minLevelDb() + (s.maxLevelDb() - s.minLevelDb()) * rng.nextDouble();
        double gain = speechPower > 0 ? Math.pow(10, levelDb / 20) / Math.sqrt(speechPower) : 1;
        double peak = peak(noisy) * gain;
        if (peak > 0.99) {
            gain *= 0.99 / peak;
        }
        scale(clean, gain);
        scale(noisy, gain);

        if (s.lowPass()) {
            double fc = 3000 * Math.pow(50, rng.nextDouble());
            if (fc < FS / 2.0) {
                for (SecondOrderFilter f : SecondOrderFilter.butterworth8(fc, FS)) {
                    f.apply(clean);
                    f.apply(noisy);
                }
                cutoff[0] = Math.min(cutoff[0], fc);
            }
        }
        if (rng.nextDouble() < s.clipProbability()) {
            float limit = (float) (peak(noisy) * Math.pow(10, -(1 + 11 * rng.nextDouble()) / 20));
            boolean soft = rng.nextBoolean();
            for (int i = 0; i < n; i++) {
                noisy[i] = soft ? (float) (limit * Math.tanh(noisy[i] / limit)) : Math.max(-limit, Math.min(limit, noisy[i]));
            }
        }
        if (rng.nextDouble() < s.quantiseProbability()) {
            // Coarse quantisation relative to the mix's own peak (a low-resolution recording of this signal),
            // so quiet examples are not wiped out by a full-scale step.
            int bits = 8 + rng.nextInt(5);
            double step = Math.max(peak(noisy), 1e-9) * Math.pow(2, -(bits - 1));
            for (int i = 0; i < n; i++) {
                noisy[i] = (float) (Math.round(noisy[i] / step) * step);
            }
        }
        return new Example(clean, noisy, cutoff[0], speaker, kind, snr);
    }

    private String pickSpeaker(Random rng) {
        double u = rng.nextDouble() * speakerCumulative[speakerCumulative.length - 1];
        for (int i = 0; i < speakerCumulative.length; i++) {
            if (u < speakerCumulative[i]) {
                return speakers.get(i);
            }
        }
        return speakers.get(speakers.size() - 1);
    }

    /**
     * {@code n} samples of one speaker: files in a row with pauses, equal active level ±3 dB, all at one playback
     * speed. No draw is made for the speed when perturbation is off, so such mixtures are those of earlier versions.
     */
    private float[] speechOf(String speaker, int n, Random rng, double[] cutoff) {
        List<CorpusFile> files = speechBySpeaker.get(speaker);
        int speed = settings.speedPerturbation() > 0 && rng.nextDouble() < settings.speedPerturbation()
                ? rng.nextInt(SPEEDS.length) : -1;
        double factor = speed < 0 ? 1 : SPEEDS[speed];
        float[] out = new float[n];
        int pos = (int) (rng.nextDouble() * 0.5 * FS);
        boolean any = false;
        while (pos < n || !any) {
            if (pos >= n) {
                pos = 0; // first file longer than the leading pause allows: start at 0
            }
            CorpusFile f = files.get(rng.nextInt(files.size()));
            float[] x = source.audio(f);
            double p = activePower(x);
            int room = n - pos;
            // The crop is taken in the recording's own samples: room·f of them fill room samples once resampled.
            int need = (int) Math.ceil(room * factor);
            int start = x.length > need ? rng.nextInt(x.length - need + 1) : 0;
            if (speed >= 0) {
                x = speedChangers[speed].process(java.util.Arrays.copyOfRange(x, start, Math.min(x.length, start + need)));
                start = 0;
            }
            int len = Math.min(room, x.length - start);
            float g = p > 0 ? (float) (Math.pow(10, (6 * rng.nextDouble() - 3) / 20) / Math.sqrt(p)) * 0.05f : 0f;
            for (int i = 0; i < len; i++) {
                out[pos + i] += g * x[start + i];
            }
            cutoff[0] = Math.min(cutoff[0], f.cutoffHz() * factor);
            any = true;
            pos += len + (int) ((0.05 + 0.55 * rng.nextDouble()) * FS);
        }
        return out;
    }

    private NoiseKind pickKind(Random rng, NoiseKind exclude) {
        double[] w = settings.noiseWeights();
        NoiseKind[] kinds = NoiseKind.values();
        double total = 0;
        for (int i = 0; i < kinds.length; i++) {
            if (kinds[i] == exclude || !available(kinds[i])) {
                w[i] = 0;
            }
            total += w[i];
        }
        if (total <= 0) {
            return exclude == null ? NoiseKind.COLOURED : null;
        }
        double u = rng.nextDouble() * total;
        for (int i = 0; i < kinds.length; i++) {
            u -= w[i];
            if (u < 0 && w[i] > 0) {
                return kinds[i];
            }
        }
        for (int i = kinds.length - 1; i >= 0; i--) {
            if (w[i] > 0) {
                return kinds[i];
            }
        }
        return NoiseKind.COLOURED;
    }

    private boolean available(NoiseKind k) {
        return switch (k) {
            case REAL -> !noises.isEmpty();
            case KEYBOARD -> !keystrokes.isEmpty();
            case BABBLE -> speakers.size() >= 2;
            case HUM, COLOURED -> true;
        };
    }

    private float[] noise(NoiseKind kind, int n, String speaker, Random rng) {
        return switch (kind) {
            case REAL -> recorded(n, rng);
            case BABBLE -> babble(n, speaker, rng);
            case HUM -> GeneratedNoise.hum(n, rng);
            case COLOURED -> GeneratedNoise.coloured(n, rng);
            case KEYBOARD -> typing(n, rng);
        };
    }

    /** A random stretch of a recorded ambience, looped when the file is shorter. */
    private float[] recorded(int n, Random rng) {
        float[] x = source.audio(noises.get(rng.nextInt(noises.size())));
        float[] out = new float[n];
        if (x.length == 0) {
            return out;
        }
        int p = rng.nextInt(x.length);
        for (int i = 0; i < n; i++) {
            out[i] = x[p];
            p = p + 1 == x.length ? 0 : p + 1;
        }
        return out;
    }

    /** 3–7 other speakers of the split at equal level (fewer when the split has fewer). */
    private float[] babble(int n, String exclude, Random rng) {
        List<String> others = new ArrayList<>(speakers);
        others.remove(exclude);
        int count = Math.min(others.size(), 3 + rng.nextInt(5));
        float[] out = new float[n];
        double[] ignored = {Corpus.FULL_BAND_HZ};
        for (int c = 0; c < count; c++) {
            String who = others.remove(rng.nextInt(others.size()));
            add(out, speechOf(who, n, rng, ignored), 1);
        }
        return out;
    }

    /** Typing: key presses with their releases 60–200 ms later, 2–9 keys/s in bursts with pauses. */
    private float[] typing(int n, Random rng) {
        float[] out = new float[n];
        double rate = 2 + 7 * rng.nextDouble();
        int t = (int) (rng.nextDouble() * 0.3 * FS);
        while (t < n) {
            CorpusFile press = keystrokes.get(rng.nextInt(keystrokes.size()));
            float g = (float) (0.4 + 0.6 * rng.nextDouble());
            addAt(out, source.audio(press), t, g);
            CorpusFile release = partner(press);
            if (release != null) {
                addAt(out, source.audio(release), t + (int) ((0.06 + 0.14 * rng.nextDouble()) * FS), g);
            }
            double gap = -Math.log(1 - rng.nextDouble()) / rate;
            if (rng.nextDouble() < 0.08) {
                gap += 0.5 + 1.5 * rng.nextDouble(); // a pause between bursts
            }
            t += (int) (gap * FS) + FS / 50;
        }
        return out;
    }

    private CorpusFile partner(CorpusFile press) {
        String p = press.path();
        String other = p.contains("-0.") ? p.replace("-0.", "-1.") : p.replace("-1.", "-0.");
        for (CorpusFile f : keystrokes) {
            if (f.path().equals(other)) {
                return f;
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- small signal helpers

    /** Mean power over the 10 ms frames within 40 dB of the loudest one (speech pauses do not count). */
    static double activePower(float[] x) {
        int frames = x.length / FRAME;
        if (frames == 0) {
            return meanPower(x);
        }
        double[] e = new double[frames];
        double max = 0;
        for (int f = 0; f < frames; f++) {
            double acc = 0;
            for (int i = f * FRAME; i < (f + 1) * FRAME; i++) {
                acc += x[i] * x[i];
            }
            e[f] = acc / FRAME;
            max = Math.max(max, e[f]);
        }
        double sum = 0;
        int count = 0;
        for (double v : e) {
            if (v >= max * 1e-4) {
                sum += v;
                count++;
            }
        }
        return count == 0 ? 0 : sum / count;
    }

    static double meanPower(float[] x) {
        double acc = 0;
        for (float v : x) {
            acc += v * v;
        }
        return x.length == 0 ? 0 : acc / x.length;
    }

    private static double peak(float[] x) {
        double p = 0;
        for (float v : x) {
            p = Math.max(p, Math.abs(v));
        }
        return p;
    }

    private static void scale(float[] x, double g) {
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (x[i] * g);
        }
    }

    private static void scaleTo(float[] x, double rms) {
        double p = meanPower(x);
        if (p > 0) {
            scale(x, rms / Math.sqrt(p));
        }
    }

    private static void add(float[] dst, float[] src, float g) {
        for (int i = 0; i < dst.length; i++) {
            dst[i] += g * src[i];
        }
    }

    private static void addAt(float[] dst, float[] src, int at, float g) {
        for (int i = 0; i < src.length && at + i < dst.length; i++) {
            dst[at + i] += g * src[i];
        }
    }
}
