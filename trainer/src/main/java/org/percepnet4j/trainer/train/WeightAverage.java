package org.percepnet4j.trainer.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An exponential moving average of the network's weights (Polyak averaging), updated after every optimiser step.
 *
 * <p>Why: with a small corpus and the quartic term of the perceptual loss, the validation loss of the raw weights
 * jumps by 10–20 % from one check to the next even late in a run, so the "best" raw checkpoint is partly luck. The
 * average of the last ~1/(1 − decay) steps sits in the middle of that wandering and is what gets validated and
 * exported. The decay ramps up as (1 + t)/(10 + t) so that early averages are not dominated by the initialisation.
 */
final class WeightAverage implements AutoCloseable {
    private final List<NDArray> live = new ArrayList<>();
    private final List<NDArray> average = new ArrayList<>();
    private final List<NDArray> parked = new ArrayList<>();
    private final double decay;
    private long updates;
    private boolean swapped;

    /** Starts the average at the block's current weights; {@code decay} in [0, 1). */
    WeightAverage(Map<String, Parameter> parameters, NDManager manager, double decay, long updatesSoFar) {
        if (!(decay >= 0 && decay < 1)) {
            throw new IllegalArgumentException("averaging decay must be in [0, 1), got " + decay);
        }
        this.decay = decay;
        this.updates = updatesSoFar;
        for (Parameter p : parameters.values()) {
            NDArray a = p.getArray();
            live.add(a);
            NDArray copy = manager.create(a.toFloatArray(), a.getShape());
            average.add(copy);
            parked.add(manager.create(a.toFloatArray(), a.getShape()));
        }
    }

    /** Folds the current weights into the average; call after each optimiser step. */
    void update() {
        if (swapped) {
            throw new IllegalStateException("weights are swapped out; call restore() first");
        }
        double d = Math.min(decay, (1.0 + updates) / (10.0 + updates));
        updates++;
        for (int i = 0; i < live.size(); i++) {
            // avg ← avg·d + w·(1 − d), written as avg += (w − avg)·(1 − d) to need one temporary.
            try (NDArray step = live.get(i).sub(average.get(i))) {
                average.get(i).addi(step.muli((float) (1 - d)));
            }
        }
    }

    /** Puts the averaged weights into the network (for validation or export) and keeps the live ones aside. */
    void swapIn() {
        if (swapped) {
            return;
        }
        for (int i = 0; i < live.size(); i++) {
            live.get(i).copyTo(parked.get(i));
            average.get(i).copyTo(live.get(i));
        }
        swapped = true;
    }

    /** Puts the live weights back so that training can continue. */
    void restore() {
        if (!swapped) {
            return;
        }
        for (int i = 0; i < live.size(); i++) {
            parked.get(i).copyTo(live.get(i));
        }
        swapped = false;
    }

    /** Replaces the average with the given tensors in parameter order (resuming from a checkpoint). */
    void load(List<float[]> tensors) {
        if (tensors.size() != average.size()) {
            throw new IllegalArgumentException("expected " + average.size() + " tensors, got " + tensors.size());
        }
        for (int i = 0; i < average.size(); i++) {
            average.get(i).set(java.nio.FloatBuffer.wrap(tensors.get(i)));
        }
    }

    long updates() {
        return updates;
    }

    @Override
    public void close() {
        average.forEach(NDArray::close);
        parked.forEach(NDArray::close);
    }
}
