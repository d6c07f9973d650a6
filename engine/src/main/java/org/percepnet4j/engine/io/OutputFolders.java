package org.percepnet4j.engine.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Creates a folder that outputs go to, or fails with one line saying which folder and why: the bare exceptions
 * name only the path ("/proc/x"), which reads like no error at all.
 */
public final class OutputFolders {

    private OutputFolders() {
    }

    /**
     * @param folder the folder, created with its parents if missing
     * @param what   what it is, for the message, e.g. "user preset folder"
     */
    public static Path create(Path folder, String what) throws IOException {
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new IOException(notAFolder(folder, what));
        }
        try {
            return Files.createDirectories(folder);
        } catch (IOException e) {
            String why = e instanceof AccessDeniedException ? "permission denied"
                    : e instanceof FileAlreadyExistsException ? "a file is in the way"
                    : e instanceof FileSystemException f && f.getReason() != null ? f.getReason()
                    : e instanceof FileSystemException ? "no such place, or it does not allow folders"
                    : e.getMessage();
            throw new IOException(what + " " + folder + " cannot be created: " + why, e);
        }
    }

    /** The message for a path that exists but is a file, for callers that report rather than create. */
    public static String notAFolder(Path folder, String what) {
        return what + " " + folder + " is not a folder";
    }
}
