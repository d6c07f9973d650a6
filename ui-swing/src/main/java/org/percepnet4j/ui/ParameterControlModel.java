package org.percepnet4j.ui;

import org.percepnet4j.engine.Parameter;

/**
 * The behaviour behind one parameter control, free of Swing so it can be tested headless: value to position,
 * relative drags with a fine mode, keyboard steps, reset to default and text entry in the parameter's units.
 */
public final class ParameterControlModel {

    /** How much slower the value follows the mouse while the fine-adjust modifier is held. */
    public static final double FINE_DRAG_RATIO = 0.1;

    /** Keyboard / wheel step sizes. */
    public enum Granularity { FINE, NORMAL, PAGE }

    private final EditorModel model;
    private final Parameter parameter;
    private final double normalIncrement;
    private final double fineIncrement;
    /** Unsnapped position during a drag, so slow drags over discrete parameters are not lost to rounding. */
    private double dragPosition = Double.NaN;

    public ParameterControlModel(EditorModel model, Parameter parameter) {
        this.model = model;
        this.parameter = parameter;
        this.normalIncrement = parameter.isDiscrete()
                ? parameter.step()
                : Math.max(parameter.step(), niceIncrement((parameter.max() - parameter.min()) / 100));
        this.fineIncrement = parameter.isDiscrete()
                ? parameter.step()
                : Math.max(parameter.step(), snapToStep(normalIncrement / 10));
    }

    public Parameter parameter() {
        return parameter;
    }

    public double value() {
        return model.get(parameter);
    }

    /** Position of the current value along the control, 0..1. */
    public double position() {
        return parameter.toNormalized(value());
    }

    /**
     * Where the filled part of the control starts, 0..1: zero for bipolar ranges such as output gain (-24..+12 dB),
     * the minimum otherwise.
     */
    public double originPosition() {
        return parameter.min() < 0 && parameter.max() > 0 ? parameter.toNormalized(0) : 0;
    }

    public double increment(Granularity g) {
        return switch (g) {
            case FINE -> fineIncrement;
            case NORMAL -> normalIncrement;
            case PAGE -> parameter.isDiscrete() ? parameter.step() : normalIncrement * 10;
        };
    }

    /** Moves by whole steps (positive up); one gesture. */
    public void step(int steps, Granularity g) {
        double target = value() + steps * increment(g);
        if (!parameter.isDiscrete()) {
            // Snap to the finest step so repeated presses do not accumulate rounding error (0.1 + 0.2 ...).
            target = Math.round(target / fineIncrement) * fineIncrement;
        }
        edit(target);
    }

    public void toMinimum() {
        edit(parameter.min());
    }

    public void toMaximum() {
        edit(parameter.max());
    }

    /** Back to the parameter's default (double-click, Delete key). */
    public void reset() {
        edit(parameter.defaultValue());
    }

    public boolean isDefault() {
        return Math.abs(value() - parameter.defaultValue()) <= parameter.step() / 2;
    }

    /** Starts a drag gesture from the current value. */
    public void beginDrag() {
        dragPosition = position();
        model.beginEdit(parameter);
    }

    /** Starts a drag gesture by jumping to an absolute position (a press on the track away from the thumb). */
    public void beginDragAt(double position) {
        model.beginEdit(parameter);
        dragPosition = clamp01(position);
        model.set(parameter, parameter.fromNormalized(dragPosition));
    }

    /**
     * Follows the mouse: {@code deltaPixels} since the previous event over a track {@code trackPixels} long;
     * with {@code fine} the value moves {@link #FINE_DRAG_RATIO} as fast.
     */
    public void dragBy(double deltaPixels, double trackPixels, boolean fine) {
        if (Double.isNaN(dragPosition) || trackPixels <= 0) {
            return;
        }
        dragPosition = clamp01(dragPosition + deltaPixels / trackPixels * (fine ? FINE_DRAG_RATIO : 1));
        model.set(parameter, parameter.fromNormalized(dragPosition));
    }

    public void endDrag() {
        if (!Double.isNaN(dragPosition)) {
            dragPosition = Double.NaN;
            model.endEdit(parameter);
        }
    }

    public boolean dragging() {
        return !Double.isNaN(dragPosition);
    }

    /** Value with its unit, e.g. "40.0 dB". */
    public String text() {
        return parameter.formatWithUnit(value());
    }

    /**
     * Sets the value from user text ("12", "12 dB", "on").
     *
     * @throws IllegalArgumentException with a message naming the parameter and its range
     */
    public void setText(String text) {
        edit(parameter.parse(text));
    }

    private void edit(double plainValue) {
        model.beginEdit(parameter);
        model.set(parameter, parameter.sanitize(plainValue));
        model.endEdit(parameter);
    }

    private double snapToStep(double v) {
        return Math.round(v / parameter.step()) * parameter.step();
    }

    /** 1, 2 or 5 times a power of ten, the smallest such not below {@code raw}. */
    static double niceIncrement(double raw) {
        double decade = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * decade >= raw - 1e-12) {
                return m * decade;
            }
        }
        return 10 * decade;
    }

    private static double clamp01(double v) {
        return Math.max(0, Math.min(1, v));
    }
}
