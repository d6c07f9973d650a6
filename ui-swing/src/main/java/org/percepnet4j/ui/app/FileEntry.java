package org.percepnet4j.ui.app;

import java.nio.file.Path;
import java.util.Map;
import org.percepnet4j.engine.Parameter;

/** One opened file in the app: the original, and once rendered, the result and the settings it was made with. */
final class FileEntry {

    final Path path;
    final AudioClip original;
    final Spectrogram before;
    volatile float[][] processed;
    volatile Spectrogram after;
    volatile Map<Parameter, Double> renderedWith;

    FileEntry(Path path, AudioClip original, Spectrogram before) {
        this.path = path;
        this.original = original;
        this.before = before;
    }

    boolean rendered() {
        return processed != null;
    }

    /** True when rendered with exactly these settings. */
    boolean upToDate(Map<Parameter, Double> settings) {
        return processed != null && settings.equals(renderedWith);
    }

    @Override
    public String toString() {
        return path.getFileName() + (processed == null ? "" : "  \u2713");
    }
}
