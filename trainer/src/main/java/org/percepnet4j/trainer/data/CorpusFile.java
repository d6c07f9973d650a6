package org.percepnet4j.trainer.data;

/**
 * One audio file of the corpus with what its manifest says about it.
 *
 * @param path        path relative to the corpus root, with '/' separators (the key used in the split lists)
 * @param kind        what the file is used for
 * @param speaker     speaker label for speech (author from the manifest when known, else source and language); for
 *                    noise and impulse responses the source group (files of one recording share it)
 * @param language    language code for speech, empty otherwise
 * @param cutoffHz    usable upper bandwidth: the manifest's {@code cutoff_hz}, capped by what survives resampling a
 *                    lower-rate source, and lowered so no ERB band that reaches a steady tonal line at 15 kHz or
 *                    above ({@code tonal_line_hz} / {@code strongest_tone_hz}) counts; 24000 when unknown
 * @param durationS   duration according to the manifest (0 when unknown)
 */
public record CorpusFile(String path, Kind kind, String speaker, String language, double cutoffHz, double durationS) {

    /** What a file is used for. */
    public enum Kind { SPEECH, NOISE, KEYSTROKE, IMPULSE_RESPONSE }

    /** The folder (source collection) the file comes from. */
    public String folder() {
        int slash = path.indexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }
}
