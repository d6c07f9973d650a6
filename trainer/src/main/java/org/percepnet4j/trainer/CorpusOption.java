package org.percepnet4j.trainer;

import java.nio.file.Path;
import org.percepnet4j.trainer.data.Corpus;
import picocli.CommandLine.Option;

/**
 * The {@code --corpus} option of every command that reads the corpus ({@code @Mixin}), so all of them take the
 * folder the same way and fall back to the same default.
 */
public final class CorpusOption {
    @Option(names = "--corpus", description = "corpus folder (default: -D" + Corpus.PROPERTY + ", $" + Corpus.ENV
            + ", ../shared/corpus)")
    Path corpus;

    /** The folder given on the command line, else {@link Corpus#defaultRoot()}. */
    public Path root() {
        return corpus != null ? corpus : Corpus.defaultRoot();
    }

    /** The corpus at {@link #root()}, with the project's split lists. */
    public Corpus open() {
        return Corpus.open(root());
    }

    /** {@code --corpus DIR} as given, for passing on to a sub-command; null when the option was not given. */
    public Path given() {
        return corpus;
    }
}
