package org.percepnet4j.trainer.data;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** A tiny stand-in corpus made of formulas: voiced "words", white noise, clicks, a decaying impulse response. */
final class SyntheticSource implements MixtureSynthesizer.Source {
    final List<CorpusFile> files = new ArrayList<>();
    private final Map<String, float[]> audio = new HashMap<>();

    SyntheticSource() {
        Random r = new Random(7);
        String[] speakers = {"a:one", "b:two", "c:three", "d:four"};
        for (int s = 0; s < speakers.length; s++) {
            for (int w = 0; w < 3; w++) {
                String path = "speech/" + s + "_" + w + ".wav";
                double cutoff = s == 1 ? 12000 : 24000;
                files.add(new CorpusFile(path, CorpusFile.Kind.SPEECH, speakers[s], "x", cutoff, 1.0));
                audio.put(path, word(120 + 40 * s + 10 * w, 24000 + 4800 * w));
            }
        }
        for (int k = 0; k < 2; k++) {
            String path = "noise/n" + k + ".wav";
            files.add(new CorpusFile(path, CorpusFile.Kind.NOISE, "noise:n" + k, "", 24000, 2.0));
            float[] x = new float[96000];
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) (0.1 * r.nextGaussian());
            }
            audio.put(path, x);
        }
        for (String e : new String[] {"-0", "-1"}) {
            String path = "keys/01" + e + ".flac";
            files.add(new CorpusFile(path, CorpusFile.Kind.KEYSTROKE, "keys:key-01", "", 24000, 0.05));
            float[] x = new float[2400];
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) (0.3 * r.nextGaussian() * Math.exp(-i / 200.0));
            }
            audio.put(path, x);
        }
        String rir = "rir/room_ch1.wav";
        files.add(new CorpusFile(rir, CorpusFile.Kind.IMPULSE_RESPONSE, "rir:room", "", 24000, 0.5));
        float[] h = new float[24000];
        h[100] = 0.8f;
        for (int i = 150; i < h.length; i++) {
            h[i] = (float) (0.05 * r.nextGaussian() * Math.exp(-i / 4000.0));
        }
        audio.put(rir, h);
    }

    /** A voiced word: harmonics of f0 under a smooth envelope. */
    private static float[] word(double f0, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            double env = Math.sin(Math.PI * i / n);
            double s = 0;
            for (int k = 1; k <= 20; k++) {
                s += Math.sin(2 * Math.PI * k * f0 * i / 48000.0) / k;
            }
            x[i] = (float) (0.2 * env * s);
        }
        return x;
    }

    @Override
    public List<CorpusFile> files(CorpusFile.Kind kind) {
        return files.stream().filter(f -> f.kind() == kind).toList();
    }

    @Override
    public float[] audio(CorpusFile f) {
        return audio.get(f.path()).clone();
    }
}
