package org.percepnet4j.cli.audio;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import javax.sound.sampled.AudioFileFormat;

/**
 * The containers we read. WAV and AIFF are read and written with Java Sound; FLAC is read through the jflac
 * Java Sound provider. There is no maintained FLAC encoder for Java on Maven Central, so FLAC is input only:
 * a FLAC input is written as WAV with the same rate, channels and bit depth.
 */
public enum AudioFileType {
    WAV("wav", AudioFileFormat.Type.WAVE),
    AIFF("aiff", AudioFileFormat.Type.AIFF),
    FLAC("flac", null);

    private final String extension;
    private final AudioFileFormat.Type javaSoundType;

    AudioFileType(String extension, AudioFileFormat.Type javaSoundType) {
        this.extension = extension;
        this.javaSoundType = javaSoundType;
    }

    /** Preferred file extension, without the dot. */
    public String extension() {
        return extension;
    }

    /** True when we can write this container. */
    public boolean isWritable() {
        return javaSoundType != null;
    }

    /** The container an output of this input type is written in (FLAC gives WAV). */
    public AudioFileType outputType() {
        return isWritable() ? this : WAV;
    }

    AudioFileFormat.Type javaSoundType() {
        return javaSoundType;
    }

    /** The type a file name's extension names (.wav/.wave, .aif/.aiff/.aifc, .flac), if any. */
    public static Optional<AudioFileType> byExtension(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = n.lastIndexOf('.');
        String ext = dot < 0 ? "" : n.substring(dot + 1);
        return switch (ext) {
            case "wav", "wave" -> Optional.of(WAV);
            case "aif", "aiff", "aifc" -> Optional.of(AIFF);
            case "flac" -> Optional.of(FLAC);
            default -> Optional.empty();
        };
    }

    static AudioFileType of(AudioFileFormat.Type t) {
        if (AudioFileFormat.Type.WAVE.equals(t)) {
            return WAV;
        }
        if (AudioFileFormat.Type.AIFF.equals(t) || AudioFileFormat.Type.AIFC.equals(t)) {
            return AIFF;
        }
        if (t != null && "flac".equalsIgnoreCase(t.getExtension())) {
            return FLAC;
        }
        return null;
    }
}
