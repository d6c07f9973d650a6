package org.percepnet4j.cli.audio;

import java.io.IOException;

/** Supplies planar float frames to a writer, block by block. */
@FunctionalInterface
public interface FrameSource {

    /**
     * Fills {@code dst[ch][0..]} with up to {@code maxFrames} frames.
     *
     * @return frames written; 0 when there are no more
     */
    int next(float[][] dst, int maxFrames) throws IOException;
}
