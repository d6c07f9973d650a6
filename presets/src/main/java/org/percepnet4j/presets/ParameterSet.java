package org.percepnet4j.presets;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.ObjDoubleConsumer;
import org.percepnet4j.engine.Parameter;

/**
 * One value for every {@link Parameter}, in plain units: an immutable, validated value type.
 *
 * <p>Unlike {@link Parameter#sanitize(double)}, which quietly clamps what a host sends, a parameter set refuses
 * values outside the range or off the step grid: a preset that says 120 dB is a mistake to report, not to fix.
 * Apply a set to a processor with {@code set.applyTo(processor::setParameter)}.
 */
public final class ParameterSet {

    private static final Parameter[] ALL = Parameter.values();
    private static final ParameterSet DEFAULTS = new ParameterSet(defaultValues());

    private final double[] values;

    private ParameterSet(double[] values) {
        this.values = values;
    }

    /** Every parameter at its default. */
    public static ParameterSet defaults() {
        return DEFAULTS;
    }

    /**
     * A set from plain values; parameters not in the map keep their defaults.
     *
     * @throws IllegalArgumentException naming the parameter and its allowed values when one is invalid
     */
    public static ParameterSet of(Map<Parameter, ? extends Number> plainValues) {
        double[] v = defaultValues();
        for (Map.Entry<Parameter, ? extends Number> e : plainValues.entrySet()) {
            double value = e.getValue().doubleValue();
            requireValid(e.getKey(), value);
            v[e.getKey().ordinal()] = value;
        }
        return new ParameterSet(v);
    }

    /** The plain value of one parameter. */
    public double get(Parameter p) {
        return values[p.ordinal()];
    }

    /** True for a switch parameter that is on. */
    public boolean isOn(Parameter p) {
        return get(p) >= 0.5;
    }

    /**
     * A copy with one value changed.
     *
     * @throws IllegalArgumentException naming the parameter and its allowed values when the value is invalid
     */
    public ParameterSet with(Parameter p, double plainValue) {
        requireValid(p, plainValue);
        double[] v = values.clone();
        v[p.ordinal()] = plainValue;
        return new ParameterSet(v);
    }

    /** A copy with every value taken from {@code other} where {@code other} differs from the defaults. */
    public ParameterSet withNonDefaultsOf(ParameterSet other) {
        double[] v = values.clone();
        for (Parameter p : ALL) {
            if (other.get(p) != p.defaultValue()) {
                v[p.ordinal()] = other.get(p);
            }
        }
        return new ParameterSet(v);
    }

    /** Hands every value, in public index order, to a sink such as {@code processor::setParameter}. */
    public void applyTo(ObjDoubleConsumer<Parameter> sink) {
        for (Parameter p : ALL) {
            sink.accept(p, values[p.ordinal()]);
        }
    }

    /** The values as an ordered, unmodifiable map. */
    public Map<Parameter, Double> asMap() {
        EnumMap<Parameter, Double> m = new EnumMap<>(Parameter.class);
        for (Parameter p : ALL) {
            m.put(p, values[p.ordinal()]);
        }
        return Collections.unmodifiableMap(m);
    }

    /** True when {@code value} is a value this parameter can take exactly (finite, in range, on the step grid). */
    public static boolean isValid(Parameter p, double value) {
        return Double.isFinite(value) && value >= p.min() && value <= p.max()
                && (!p.isDiscrete() || p.sanitize(value) == value);
    }

    /** What values a parameter accepts, for error messages: "0 to 100 dB", "0, 10 or 20 ms", "0 (off) or 1 (on)". */
    public static String allowedValues(Parameter p) {
        if (p.isSwitch()) {
            return "0 (off) or 1 (on)";
        }
        if (p.isDiscrete()) {
            StringBuilder sb = new StringBuilder();
            int n = (int) Math.round((p.max() - p.min()) / p.step());
            for (int i = 0; i <= n; i++) {
                sb.append(number(p.min() + i * p.step()));
                sb.append(i == n ? "" : i == n - 1 ? " or " : ", ");
            }
            return sb + " " + p.unit();
        }
        return number(p.min()) + " to " + number(p.max()) + " " + p.unit();
    }

    static void requireValid(Parameter p, double value) {
        if (!isValid(p, value)) {
            throw new IllegalArgumentException(p.key() + ": " + number(value) + " is not allowed (allowed "
                    + allowedValues(p) + ")");
        }
    }

    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        return Double.toString(v);
    }

    private static double[] defaultValues() {
        double[] v = new double[ALL.length];
        for (Parameter p : ALL) {
            v[p.ordinal()] = p.defaultValue();
        }
        return v;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ParameterSet other && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    /** E.g. "suppression=40, postFilter=100, lookahead=20, ...". */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (Parameter p : ALL) {
            sb.append(sb.length() == 0 ? "" : ", ").append(p.key()).append('=').append(number(values[p.ordinal()]));
        }
        return sb.toString();
    }
}
