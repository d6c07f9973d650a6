package org.percepnet4j.engine.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.Random;

/**
 * Writing a file so that it is either the old one or the complete new one, never half of either: the content goes
 * to a hidden sibling first, which then replaces the target in one rename. Every product output (renders, presets,
 * pictures, weights) is written this way.
 *
 * <p>The sibling is created with the permissions any new file gets (the user's umask), not the owner-only ones of
 * {@link Files#createTempFile}, which the rename would otherwise hand on to the user's file.
 */
public final class FileReplacement {

    /** Writes the content of the new file into the path it is given. */
    @FunctionalInterface
    public interface ContentWriter {
        void writeTo(Path file) throws IOException;
    }

    private static final Random NAMES = new SecureRandom();
    private static final int NAME_ATTEMPTS = 100;

    private FileReplacement() {
    }

    /** Writes {@code target} through {@code writer}; on any failure the target is untouched and no sibling is left. */
    public static void write(Path target, ContentWriter writer) throws IOException {
        if (Files.isDirectory(target)) { // else the rename fails later, naming only the hidden sibling
            throw new IOException(target + ": is a folder");
        }
        Path tmp = newSibling(target, ".part");
        try {
            writer.writeTo(tmp);
            moveOver(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Creates an empty hidden file beside {@code target} ({@code .NAME.RANDOM + suffix}) with the default
     * permissions for new files; the caller writes it and then calls {@link #moveOver}.
     */
    public static Path newSibling(Path target, String suffix) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        for (int attempt = 1; ; attempt++) {
            String unique = Long.toUnsignedString(NAMES.nextLong(), 36);
            try {
                return Files.createFile(dir.resolve("." + abs.getFileName() + "." + unique + suffix));
            } catch (FileAlreadyExistsException e) {
                if (attempt == NAME_ATTEMPTS) {
                    throw e;
                }
            } catch (IOException e) { // the bare exception names only the hidden sibling: say which file failed
                String why = e instanceof AccessDeniedException ? "permission denied"
                        : e instanceof NoSuchFileException ? "no such folder" : e.getMessage();
                throw new IOException(target + ": cannot write in " + dir + " (" + why + ")", e);
            }
        }
    }

    /** Renames the finished {@code tmp} over {@code target}: atomically where the file system can. */
    public static void moveOver(Path tmp, Path target) throws IOException {
        Path abs = target.toAbsolutePath();
        try {
            Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
