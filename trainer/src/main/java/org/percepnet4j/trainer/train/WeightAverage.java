package org.percepnet4j.trainer.train;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An exponential moving average of the network's weights (Polyak averaging), kept in the parameters of a second
 * network of the same shape and updated after every optimiser step.
 *
 * <p>Why: with a small corpus and the quartic term of the perceptual loss, the validation loss of the live weights
 * jumps by 10–20 % from one check to the next even late in a run, so the "best" live checkpoint is partly luck. The
 * average of the last ~1/(1 − decay) steps sits in the middle of that wandering and is what gets validated and
 * exported. The decay ramps up as (1 + t)/(10 + t) so that early averages are not dominated by the initialisation.
 *
 * <p>The live parameters are only ever read here. (A first version swapped the average into the live network for
 * validation and back with {@code NDArray.copyTo}; in a real run that left the live weights replaced by the average
 * after each validation, so training kept restarting from the lagging average.)
 */
final class WeightAverage {
    private final List<NDArray> live = new ArrayList<>();
    private final List<NDArray> average = new ArrayList<>();
    private final double decay;
    private long updates;

    /**
     * @param liveParameters    the trained network's parameters
     * @param averageParameters the same parameters of a second, initialised network that holds the average: start
     *                          it with {@link #startAtLiveWeights()} or load a saved average into it
     */
    WeightAverage(Map<String, Parameter> liveParameters, Map<String, Parameter> averageParameters, double decay,
                  long updatesSoFar) {
        if (!(decay >= 0 && decay < 1)) {
            throw new IllegalArgumentException("averaging decay must be in [0, 1), got " + decay);
        }
        if (!liveParameters.keySet().equals(averageParameters.keySet())) {
            throw new IllegalArgumentException("the two networks have different parameters");
        }
        this.decay = decay;
        this.updates = updatesSoFar;
        for (Map.Entry<String, Parameter> e : liveParameters.entrySet()) {
            NDArray l = e.getValue().getArray();
            NDArray a = averageParameters.get(e.getKey()).getArray();
            if (!l.getShape().equals(a.getShape())) {
                throw new IllegalArgumentException(e.getKey() + ": shapes " + l.getShape() + " and " + a.getShape());
            }
            live.add(l);
            average.add(a);
        }
    }

    /** Makes the average equal to the live weights (the start of a run); copies through Java arrays. */
    void startAtLiveWeights() {
        for (int i = 0; i < live.size(); i++) {
            average.get(i).set(java.nio.FloatBuffer.wrap(live.get(i).toFloatArray()));
        }
    }

    /** Folds the current live weights into the average; call after each optimiser step. */
    void update() {
        double d = Math.min(decay, (1.0 + updates) / (10.0 + updates));
        updates++;
        for (int i = 0; i < live.size(); i++) {
            // avg ← avg·d + w·(1 − d), as avg += (w − avg)·(1 − d): one temporary, the live array only read
            try (NDArray step = live.get(i).sub(average.get(i))) {
                average.get(i).addi(step.muli((float) (1 - d)));
            }
        }
    }

    long updates() {
        return updates;
    }
}
