package org.percepnet4j.trainer.train;

/**
 * Adam's learning rate: a linear warm-up over the first {@link #WARMUP_STEPS} steps, then halving either every
 * {@code halfLifeSteps} steps or {@code halvings} times over the run's time budget.
 *
 * <p>Why the second form: a time budget buys 4 times as many steps on one 2-core machine as on another (18,100
 * against 4,400 frames/s, both measured here), so a schedule in steps leaves a slow machine's run at a high rate and
 * a fast machine's at a negligible one long before the end. Halving over the budget anneals every run the same way.
 */
final class LearningRateSchedule {
    static final int WARMUP_STEPS = 100;

    private final double initial;
    private final int halfLifeSteps;
    private final double halvings;

    /**
     * @param initial       rate after the warm-up
     * @param halfLifeSteps steps per halving, used when {@code halvings} is 0
     * @param halvings      halvings over the whole budget (0 = halve every {@code halfLifeSteps} steps instead)
     */
    LearningRateSchedule(double initial, int halfLifeSteps, double halvings) {
        if (!(initial > 0) || halfLifeSteps < 1 || !(halvings >= 0)) {
            throw new IllegalArgumentException("inconsistent learning-rate schedule");
        }
        this.initial = initial;
        this.halfLifeSteps = halfLifeSteps;
        this.halvings = halvings;
    }

    /**
     * @param step           optimiser steps taken (over all invocations of a resumed run)
     * @param budgetFraction share of the time budget used so far; past 1 the rate stays at its final value
     */
    double rate(long step, double budgetFraction) {
        double warm = Math.min(1.0, (step + 1) / (double) WARMUP_STEPS);
        double exponent = halvings > 0
                ? halvings * Math.min(1.0, Math.max(0.0, budgetFraction))
                : step / (double) halfLifeSteps;
        return initial * warm * Math.pow(0.5, exponent);
    }
}
