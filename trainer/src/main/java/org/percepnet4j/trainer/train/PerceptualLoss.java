package org.percepnet4j.trainer.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.loss.Loss;

/**
 * The PercepNet training loss (spec §11): the 2021 perceptual gain loss plus the strength loss, masked by the
 * don't-care mask, summed over bands and averaged over the frames that count.
 * <pre>
 *   D(g, ĝ) = (g^{2γ} − ĝ^{2γ})² / (max(g^{2γ}, ĝ^{2γ}) + ε),   γ = 0.3
 *   L_g = Σ_b D + λ4 · Σ_b D²,                                   λ4 = 10
 *   L_r = Σ_b ((1 − r)^{1/2} − (1 − r̂)^{1/2})²
 * </pre>
 * With an over-suppression weight β &gt; 0, a band's gain term is multiplied by 1 + β where the prediction is below the
 * ideal gain. The 2021 distance charges a gain closed on speech far less than one left open on noise, so an unsure
 * network closes speech (model history, "Gain calibration"); β moves that balance inside training, where the
 * network can learn which bands are speech, rather than after it (measured in runs sw1, sh1 and p3w1, not adopted:
 * model history, "A speech-weighted loss", "The speech weight alone" and "The speech weight in the 0 ms phase only").
 * Labels: gains, strengths, mask [B, T, 34]; predictions: gains, strengths [B, T, 34].
 * <p>
 * No DJL {@code Number} overloads ({@code x.mul(10f)}, {@code x.pow(0.6f)}) appear here: they wrap the number in a
 * tensor over a Java direct buffer and close it right after the operation, while the autograd graph keeps that
 * tensor for the backward pass. Once the buffer is collected the backward pass reads freed memory; that was the
 * source of the rare gradient spikes and non-finite batches that replayed finite (model history, "Gradient spikes, and
 * memory"). The constants are made in PyTorch's own memory instead.
 */
public final class PerceptualLoss extends Loss {

    public static final float GAMMA = 0.3f;
    public static final float LAMBDA4 = 10f;
    /** Keeps the denominator away from 0 when both gains are 0 (silence predicted as silence). */
    public static final float EPSILON = 1e-3f;
    /** Predictions are clamped here before fractional powers, whose slope is infinite at 0. */
    private static final float FLOOR = 1e-6f;

    private final float overSuppressionWeight;

    /** The 2021 loss as published. */
    public PerceptualLoss() {
        this(0f);
    }

    /** @param overSuppressionWeight β: extra weight of a band's gain term where the prediction is below the ideal gain */
    public PerceptualLoss(float overSuppressionWeight) {
        super("perceptual");
        if (!(overSuppressionWeight >= 0 && Float.isFinite(overSuppressionWeight))) {
            throw new IllegalArgumentException("over-suppression weight must be finite and 0 or more: " + overSuppressionWeight);
        }
        this.overSuppressionWeight = overSuppressionWeight;
    }

    public float overSuppressionWeight() {
        return overSuppressionWeight;
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray[] parts = parts(labels, predictions, overSuppressionWeight);
        NDArray mask = labels.get(2);
        NDArray frames = mask.max(new int[] {2}).sum().maximum(constant(mask.getManager(), 1f));
        return parts[0].add(parts[1]).mul(mask).sum().div(frames);
    }

    /** Per-band gain and strength losses [B, T, 34], unmasked. */
    static NDArray[] parts(NDList labels, NDList predictions, float overSuppressionWeight) {
        // The labels' manager is the batch's, closed after the backward pass; PyTorch keeps the constants alive
        // for as long as the graph needs them.
        NDManager m = labels.get(0).getManager();
        NDArray one = constant(m, 1f);
        NDArray exponent = constant(m, 2 * GAMMA);
        NDArray g = labels.get(0).clip(0f, 1f);
        NDArray r = labels.get(1).clip(0f, 1f);
        NDArray gHat = predictions.get(0).clip(FLOOR, 1f);
        NDArray rHat = predictions.get(1).clip(0f, 1f - FLOOR);
        NDArray gp = g.pow(exponent);
        NDArray gpHat = gHat.pow(exponent);
        NDArray d = gp.sub(gpHat).square().div(gp.maximum(gpHat).add(constant(m, EPSILON)));
        NDArray gainLoss = d.add(d.square().mul(constant(m, LAMBDA4)));
        if (overSuppressionWeight > 0) {
            // A constant per band (no gradient through the comparison): 1 + β where ĝ < g, else 1.
            NDArray under = gpHat.lt(gp).toType(DataType.FLOAT32, false);
            gainLoss = gainLoss.mul(one.add(under.mul(constant(m, overSuppressionWeight))));
        }
        NDArray strengthLoss = one.sub(r).sqrt().sub(one.sub(rHat).sqrt()).square();
        return new NDArray[] {gainLoss, strengthLoss};
    }

    /** A scalar in PyTorch's memory, broadcast against [B, T, 34]. */
    private static NDArray constant(NDManager m, float value) {
        return m.full(new Shape(), value, DataType.FLOAT32);
    }
}
