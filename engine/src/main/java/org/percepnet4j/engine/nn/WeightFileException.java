package org.percepnet4j.engine.nn;

import java.io.IOException;

/** A weight file that cannot be used: truncated, malformed header, wrong tensor shapes or missing tensors. */
public final class WeightFileException extends IOException {

    private static final long serialVersionUID = 1L;

    public WeightFileException(String message) {
        super(message);
    }
}
