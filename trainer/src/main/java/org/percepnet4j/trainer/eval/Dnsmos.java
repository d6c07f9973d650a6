package org.percepnet4j.trainer.eval;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.Optional;
import org.percepnet4j.trainer.data.Resampler;

/**
 * DNSMOS P.835 (SIG, BAK, OVRL) and P.808 through ONNX Runtime, following the published procedure exactly as
 * written in {@code ../shared/metrics/dnsmos/README.md}. The ONNX files are read from that folder (configurable:
 * {@code -Dpercepnet.dnsmos=DIR} or {@code PERCEPNET_DNSMOS}); they are never copied into the project.
 */
public final class Dnsmos implements AutoCloseable {
    public static final String PROPERTY = "percepnet.dnsmos";
    public static final String ENV = "PERCEPNET_DNSMOS";
    static final int FS = 16000;
    static final int WINDOW = 144160; // 9.01 s
    static final int HOP = 16000;
    static final int MEL_FFT = 321;
    static final int MEL_HOP = 160;
    static final int MELS = 120;

    /** One file's scores (means over its windows). */
    public record Score(double sig, double bak, double ovrl, double p808) {
    }

    private final OrtEnvironment env;
    private final OrtSession p835;
    private final OrtSession p808;
    private final String p835Input;
    private final String p808Input;
    private final double[][] melBank = melFilterBank();

    private Dnsmos(Path dir) throws OrtException {
        env = OrtEnvironment.getEnvironment();
        OrtSession.SessionOptions opts = new OrtSession.SessionOptions();
        opts.setIntraOpNumThreads(1);
        opts.setInterOpNumThreads(1);
        p835 = env.createSession(dir.resolve("sig_bak_ovr.onnx").toString(), opts);
        p808 = env.createSession(dir.resolve("model_v8.onnx").toString(), opts);
        p835Input = p835.getInputNames().iterator().next();
        p808Input = p808.getInputNames().iterator().next();
    }

    /** The configured model folder: property, then environment, then {@code ../shared/metrics/dnsmos}. */
    public static Path defaultDir() {
        String p = System.getProperty(PROPERTY);
        if (p == null || p.isBlank()) {
            p = System.getenv(ENV);
        }
        if (p == null || p.isBlank()) {
            p = "../shared/metrics/dnsmos";
        }
        return Paths.get(p).toAbsolutePath().normalize();
    }

    /** Whether both ONNX files are in {@code dir}. */
    public static boolean available(Path dir) {
        return Files.isRegularFile(dir.resolve("sig_bak_ovr.onnx")) && Files.isRegularFile(dir.resolve("model_v8.onnx"));
    }

    /** The models at {@link #defaultDir()}, or empty when they are absent. */
    public static Optional<Dnsmos> openDefault() {
        Path dir = defaultDir();
        return available(dir) ? Optional.of(open(dir)) : Optional.empty();
    }

    public static Dnsmos open(Path dir) {
        if (!available(dir)) {
            throw new IllegalArgumentException("DNSMOS models not found in " + dir);
        }
        try {
            return new Dnsmos(dir);
        } catch (OrtException e) {
            throw new IllegalStateException("cannot load DNSMOS models from " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Scores mono audio at any rate (resampled to 16 kHz first). */
    public Score score(float[] audio, int sampleRate) {
        if (audio.length == 0) {
            throw new IllegalArgumentException("empty audio");
        }
        float[] x = sampleRate == FS ? audio.clone() : new Resampler(sampleRate, FS).process(audio);
        if (x.length < WINDOW) { // repeat end to end until long enough
            float[] r = new float[((WINDOW + x.length - 1) / x.length) * x.length];
            for (int i = 0; i < r.length; i++) {
                r[i] = x[i % x.length];
            }
            x = r;
        }
        int windows = (int) Math.floor(x.length / (double) HOP - 9.01) + 1;
        double sig = 0, bak = 0, ovr = 0, mos = 0;
        int used = 0;
        float[] seg = new float[WINDOW];
        try {
            for (int w = 0; w < windows; w++) {
                int start = w * HOP;
                if (start + WINDOW > x.length) {
                    break;
                }
                System.arraycopy(x, start, seg, 0, WINDOW);
                float[] raw = run(p835, p835Input, FloatBuffer.wrap(seg), new long[] {1, WINDOW});
                sig += -0.08397278 * raw[0] * raw[0] + 1.22083953 * raw[0] + 0.0052439;
                bak += -0.13166888 * raw[1] * raw[1] + 1.60915514 * raw[1] - 0.39604546;
                ovr += -0.06766283 * raw[2] * raw[2] + 1.11546468 * raw[2] + 0.04602535;
                float[][] mel = melFeatures(seg, WINDOW - MEL_HOP);
                FloatBuffer fb = FloatBuffer.allocate(mel.length * MELS);
                for (float[] row : mel) {
                    fb.put(row);
                }
                fb.flip();
                mos += run(p808, p808Input, fb, new long[] {1, mel.length, MELS})[0];
                used++;
            }
        } catch (OrtException e) {
            throw new IllegalStateException("DNSMOS inference failed: " + e.getMessage(), e);
        }
        return new Score(sig / used, bak / used, ovr / used, mos / used);
    }

    private float[] run(OrtSession s, String input, FloatBuffer data, long[] shape) throws OrtException {
        try (OnnxTensor t = OnnxTensor.createTensor(env, data, shape);
             OrtSession.Result r = s.run(Map.of(input, t))) {
            Object v = r.get(0).getValue();
            if (v instanceof float[][] m) {
                return m[0];
            }
            if (v instanceof float[] a) {
                return a;
            }
            throw new IllegalStateException("unexpected DNSMOS output type " + v.getClass());
        }
    }

    /**
     * P.808 input: log-mel features of the first {@code n} samples, [frames][120] with frames = 1 + n/160: periodic
     * Hann, n_fft 321, hop 160, centred frames with 160 zeros each side, power spectrum, Slaney mel bank,
     * 10·log10(max(1e-10, mel)) − the same of the maximum, floored at −80 dB, then (dB + 40)/40.
     */
    float[][] melFeatures(float[] x, int n) {
        int pad = MEL_FFT / 2;
        int frames = 1 + (n + 2 * pad - MEL_FFT) / MEL_HOP;
        int bins = MEL_FFT / 2 + 1;
        double[] win = new double[MEL_FFT];
        for (int i = 0; i < MEL_FFT; i++) {
            win[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / MEL_FFT);
        }
        double[] cos = new double[MEL_FFT];
        double[] sin = new double[MEL_FFT];
        for (int i = 0; i < MEL_FFT; i++) {
            cos[i] = Math.cos(2 * Math.PI * i / MEL_FFT);
            sin[i] = Math.sin(2 * Math.PI * i / MEL_FFT);
        }
        double[][] db = new double[frames][MELS];
        double max = Double.NEGATIVE_INFINITY;
        double[] frame = new double[MEL_FFT];
        double[] power = new double[bins];
        for (int t = 0; t < frames; t++) {
            for (int i = 0; i < MEL_FFT; i++) {
                int idx = t * MEL_HOP + i - pad;
                frame[i] = idx >= 0 && idx < n ? win[i] * x[idx] : 0;
            }
            for (int k = 0; k < bins; k++) {
                double re = 0, im = 0;
                int p = 0;
                for (int i = 0; i < MEL_FFT; i++) {
                    re += frame[i] * cos[p];
                    im -= frame[i] * sin[p];
                    p += k;
                    if (p >= MEL_FFT) {
                        p -= MEL_FFT;
                    }
                }
                power[k] = re * re + im * im;
            }
            for (int m = 0; m < MELS; m++) {
                double s = 0;
                for (int k = 0; k < bins; k++) {
                    s += melBank[m][k] * power[k];
                }
                db[t][m] = 10 * Math.log10(Math.max(1e-10, s));
                max = Math.max(max, db[t][m]);
            }
        }
        float[][] out = new float[frames][MELS];
        for (int t = 0; t < frames; t++) {
            for (int m = 0; m < MELS; m++) {
                double v = Math.max(db[t][m] - max, -80);
                out[t][m] = (float) ((v + 40) / 40);
            }
        }
        return out;
    }

    /** Slaney-style mel filter bank, area-normalised, 0–8 kHz, bin k at k·16000/321 Hz: [120][161]. */
    static double[][] melFilterBank() {
        int bins = MEL_FFT / 2 + 1;
        double[] melF = new double[MELS + 2];
        double lo = hzToMel(0), hi = hzToMel(FS / 2.0);
        for (int i = 0; i < melF.length; i++) {
            melF[i] = melToHz(lo + (hi - lo) * i / (MELS + 1));
        }
        double[][] w = new double[MELS][bins];
        for (int m = 0; m < MELS; m++) {
            double enorm = 2 / (melF[m + 2] - melF[m]);
            for (int k = 0; k < bins; k++) {
                double f = k * (double) FS / MEL_FFT;
                double lower = (f - melF[m]) / (melF[m + 1] - melF[m]);
                double upper = (melF[m + 2] - f) / (melF[m + 2] - melF[m + 1]);
                w[m][k] = Math.max(0, Math.min(lower, upper)) * enorm;
            }
        }
        return w;
    }

    // Slaney mel scale: linear below 1 kHz (200/3 Hz per mel), logarithmic above.
    private static final double F_SP = 200.0 / 3;
    private static final double MIN_LOG_HZ = 1000;
    private static final double MIN_LOG_MEL = MIN_LOG_HZ / F_SP;
    private static final double LOGSTEP = Math.log(6.4) / 27;

    static double hzToMel(double f) {
        return f < MIN_LOG_HZ ? f / F_SP : MIN_LOG_MEL + Math.log(f / MIN_LOG_HZ) / LOGSTEP;
    }

    static double melToHz(double m) {
        return m < MIN_LOG_MEL ? m * F_SP : MIN_LOG_HZ * Math.exp(LOGSTEP * (m - MIN_LOG_MEL));
    }

    @Override
    public void close() {
        try {
            p835.close();
            p808.close();
        } catch (OrtException e) {
            // nothing left to release
        }
    }
}
