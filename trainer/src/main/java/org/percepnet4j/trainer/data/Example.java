package org.percepnet4j.trainer.data;

/**
 * One synthesised training example.
 *
 * @param clean     the target: speech with direct path and early reflections only, at the level it has in the mix
 *                  (48 kHz mono)
 * @param noisy     the network input (48 kHz mono, same length)
 * @param cutoffHz  bands above this frequency carry no usable target (random low-pass, source bandwidth, tonal lines)
 * @param speaker   the speaker label of the speech
 * @param noiseKind what was added, e.g. {@code real}, {@code babble}, {@code hum+coloured}, {@code none}
 * @param snrDb     speech-to-noise ratio as mixed (+∞ for noise-free examples)
 */
public record Example(float[] clean, float[] noisy, double cutoffHz, String speaker, String noiseKind, double snrDb) {
    public Example {
        if (clean.length != noisy.length) {
            throw new IllegalArgumentException("clean and noisy differ in length: " + clean.length + " vs " + noisy.length);
        }
    }
}
