package org.percepnet4j.cli.audio;

import java.io.IOException;
import java.nio.file.Path;

/** A file that cannot be read or written; the message is one line that starts with the file name. */
public final class AudioFileException extends IOException {

    private static final long serialVersionUID = 1L;

    public AudioFileException(Path file, String problem) {
        super(file + ": " + problem);
    }

    public AudioFileException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
    }
}
