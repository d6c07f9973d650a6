package org.percepnet4j.ui.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Locale;
import org.percepnet4j.engine.io.FileReplacement;

/**
 * The CLI's rules for writing results, as the app applies them: the suggested name never collides with an existing
 * file, an input file is only replaced after the user explicitly confirmed it, and the result is written to a
 * temporary file in the target folder and renamed into place only once complete, so a failed or cancelled save
 * never leaves a half-written file or damages what was there.
 */
public final class SaveRules {

    /** Suffix added to the input's name for the suggested output. */
    public static final String SUFFIX = "-denoised";

    private SaveRules() {
    }

    /** "talk.wav" becomes "talk-denoised.wav", then "talk-denoised-2.wav", ... whichever does not exist yet. */
    public static Path suggestedOutput(Path input, Path dir) {
        String name = input.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String ext = dot > 0 ? name.substring(dot) : ".wav";
        // Saved as plain AIFF or WAV: .aifc and .wave inputs get the names checkExtension accepts.
        ext = switch (ext.toLowerCase(Locale.ROOT)) {
            case ".wav", ".aif", ".aiff" -> ext;
            case ".aifc" -> ".aif";
            default -> ".wav";
        };
        Path candidate = dir.resolve(stem + SUFFIX + ext);
        for (int i = 2; Files.exists(candidate); i++) {
            candidate = dir.resolve(stem + SUFFIX + "-" + i + ext);
        }
        return candidate;
    }

    /** True when {@code target} is (the same file as) one of the opened inputs. */
    public static boolean isInput(Path target, Collection<Path> inputs) {
        Path t = target.toAbsolutePath().normalize();
        for (Path in : inputs) {
            try {
                if (in.toAbsolutePath().normalize().equals(t) || (Files.exists(t) && Files.isSameFile(in, t))) {
                    return true;
                }
            } catch (IOException e) {
                return true; // cannot tell: treat as the input, the safe answer
            }
        }
        return false;
    }

    /** Checks the file name ends in an extension Java Sound writes. */
    public static void checkExtension(Path target) throws IOException {
        String n = target.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!(n.endsWith(".wav") || n.endsWith(".aif") || n.endsWith(".aiff"))) {
            throw new IOException(target + ": choose a .wav, .aif or .aiff file name");
        }
    }

    /**
     * Writes via a temporary file beside the target and renames it into place.
     *
     * @param overwriteInputConfirmed must be true to replace one of {@code inputs}
     * @throws IOException when the target is an input and the user did not confirm, or writing fails (nothing
     *                     is left behind then)
     */
    public static void save(AudioClip clip, Path target, Collection<Path> inputs, boolean overwriteInputConfirmed)
            throws IOException {
        save(clip, target, inputs, overwriteInputConfirmed, AudioFiles::write);
    }

    /** Writes one clip to one file. */
    interface ClipWriter {
        void write(AudioClip clip, Path file) throws IOException;
    }

    static void save(AudioClip clip, Path target, Collection<Path> inputs, boolean overwriteInputConfirmed,
                     ClipWriter writer) throws IOException {
        checkExtension(target);
        if (isInput(target, inputs) && !overwriteInputConfirmed) {
            throw new IOException(target + " is an input file; it is only replaced after you confirm");
        }
        Files.createDirectories(target.toAbsolutePath().getParent());
        FileReplacement.write(target, tmp -> writer.write(withTypeFor(clip, target), tmp));
    }

    /** The file type follows the chosen extension (an AIFF input may be saved as WAV and vice versa). */
    static AudioClip withTypeFor(AudioClip clip, Path target) {
        String n = target.getFileName().toString().toLowerCase(Locale.ROOT);
        javax.sound.sampled.AudioFileFormat.Type type = n.endsWith(".wav")
                ? javax.sound.sampled.AudioFileFormat.Type.WAVE : javax.sound.sampled.AudioFileFormat.Type.AIFF;
        if (type == clip.fileType()) {
            return clip;
        }
        javax.sound.sampled.AudioFormat f = clip.format();
        boolean isFloat = f.getEncoding().equals(javax.sound.sampled.AudioFormat.Encoding.PCM_FLOAT);
        if (type == javax.sound.sampled.AudioFileFormat.Type.AIFF && isFloat) {
            // AIFF holds integers only: keep the resolution with 24-bit.
            f = new javax.sound.sampled.AudioFormat(f.getSampleRate(), 24, f.getChannels(), true, true);
        } else {
            // WAV is little-endian, AIFF big-endian; 8-bit WAV is unsigned.
            int bits = f.getSampleSizeInBits();
            javax.sound.sampled.AudioFormat.Encoding enc = isFloat ? f.getEncoding()
                    : (type == javax.sound.sampled.AudioFileFormat.Type.WAVE && bits == 8
                    ? javax.sound.sampled.AudioFormat.Encoding.PCM_UNSIGNED
                    : javax.sound.sampled.AudioFormat.Encoding.PCM_SIGNED);
            f = new javax.sound.sampled.AudioFormat(enc, f.getSampleRate(), bits, f.getChannels(),
                    f.getFrameSize(), f.getFrameRate(), type == javax.sound.sampled.AudioFileFormat.Type.AIFF);
        }
        return new AudioClip(clip.samples(), f, type);
    }
}
