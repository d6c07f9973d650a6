package org.percepnet4j.engine;

import java.util.List;
import java.util.Objects;

/**
 * Networks trained each for one look-ahead, shown to users as one model.
 *
 * <p>Why: features and targets are computed with the look-ahead M the Denoiser runs at, so a network learns the
 * M it was trained with. Run at a smaller M it sees a spectrum that is "later" relative to its targets than it
 * was taught and suppresses worse (measured in models/MODEL_HISTORY.md). The Denoiser therefore runs, for each M, the
 * member trained for it.
 */
public final class LookaheadModels implements GainModel {
    private final String name;
    private final List<GainModel> byLookahead;

    /**
     * @param name        what users see, e.g. "percepnet4j-small-v2"
     * @param byLookahead element M is the network for look-ahead M; look-aheads past the end use the last element
     */
    public LookaheadModels(String name, List<? extends GainModel> byLookahead) {
        this.name = Objects.requireNonNull(name, "name");
        if (byLookahead.isEmpty()) {
            throw new IllegalArgumentException("at least one model is needed");
        }
        this.byLookahead = List.copyOf(byLookahead);
    }

    @Override
    public String name() {
        return name;
    }

    /** A predictor of the member for the largest look-ahead listed (the product default). */
    @Override
    public GainPredictor newPredictor() {
        return byLookahead.get(byLookahead.size() - 1).newPredictor();
    }

    @Override
    public GainModel forLookahead(int frames) {
        if (frames < 0) {
            throw new IllegalArgumentException("look-ahead must be >= 0, got " + frames);
        }
        return byLookahead.get(Math.min(frames, byLookahead.size() - 1)).forLookahead(frames);
    }

    /** The members, element M for look-ahead M. */
    public List<GainModel> members() {
        return byLookahead;
    }

    @Override
    public String toString() {
        return name;
    }
}
