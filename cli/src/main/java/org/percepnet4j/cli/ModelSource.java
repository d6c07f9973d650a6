package org.percepnet4j.cli;

import org.percepnet4j.engine.GainModel;

/** Where the commands get their model: the trained default in production, a test model in tests. */
@FunctionalInterface
public interface ModelSource {

    /** Loads the model; called at most once per run. */
    GainModel load() throws Exception;
}
