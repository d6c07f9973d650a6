package org.percepnet4j.presets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.percepnet4j.engine.Parameter;

class ParameterSetTest {

    @Test
    void defaultsHoldEveryParametersDefault() {
        for (Parameter p : Parameter.values()) {
            assertThat(ParameterSet.defaults().get(p)).as(p.key()).isEqualTo(p.defaultValue());
        }
    }

    @Test
    void isImmutableValueType() {
        ParameterSet a = ParameterSet.defaults();
        ParameterSet b = a.with(Parameter.SUPPRESSION, 12);
        assertThat(a.get(Parameter.SUPPRESSION)).isEqualTo(40);
        assertThat(b.get(Parameter.SUPPRESSION)).isEqualTo(12);
        assertThat(b).isEqualTo(ParameterSet.of(Map.of(Parameter.SUPPRESSION, 12))).hasSameHashCodeAs(
                ParameterSet.of(Map.of(Parameter.SUPPRESSION, 12.0)));
        assertThat(b).isNotEqualTo(a);
        assertThatThrownBy(() -> b.asMap().put(Parameter.BYPASS, 1.0)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void refusesOutOfRangeValuesNamingKeyAndRange() {
        assertThatThrownBy(() -> ParameterSet.defaults().with(Parameter.SUPPRESSION, 120))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("suppression: 120 is not allowed (allowed 0 to 100 dB)");
        assertThatThrownBy(() -> ParameterSet.defaults().with(Parameter.OUTPUT_GAIN, Double.NaN))
                .hasMessageContaining("outputGain").hasMessageContaining("-24 to 12 dB");
        assertThatThrownBy(() -> ParameterSet.defaults().with(Parameter.POST_FILTER, Double.POSITIVE_INFINITY))
                .hasMessageContaining("postFilter");
    }

    @Test
    void discreteParametersTakeOnlyTheirSteps() {
        assertThatThrownBy(() -> ParameterSet.defaults().with(Parameter.LOOKAHEAD, 13))
                .hasMessage("lookahead: 13 is not allowed (allowed 0, 10 or 20 ms)");
        assertThatThrownBy(() -> ParameterSet.defaults().with(Parameter.BYPASS, 0.5))
                .hasMessage("bypass: 0.5 is not allowed (allowed 0 (off) or 1 (on))");
        assertThat(ParameterSet.defaults().with(Parameter.LOOKAHEAD, 10).get(Parameter.LOOKAHEAD)).isEqualTo(10);
        assertThat(ParameterSet.defaults().with(Parameter.DUAL_MONO, 1).isOn(Parameter.DUAL_MONO)).isTrue();
    }

    @Test
    void appliesEveryValueInPublicIndexOrder() {
        List<Parameter> seen = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        ParameterSet.defaults().with(Parameter.POST_FILTER, 50).applyTo((p, v) -> {
            seen.add(p);
            values.add(v);
        });
        assertThat(seen).containsExactly(Parameter.values());
        assertThat(values.get(Parameter.POST_FILTER.ordinal())).isEqualTo(50);
    }

    @Test
    void overlaysOnlyChangedValues() {
        ParameterSet base = ParameterSet.defaults().with(Parameter.SUPPRESSION, 20).with(Parameter.POST_FILTER, 30);
        ParameterSet overrides = ParameterSet.defaults().with(Parameter.POST_FILTER, 60);
        ParameterSet merged = base.withNonDefaultsOf(overrides);
        assertThat(merged.get(Parameter.SUPPRESSION)).isEqualTo(20);
        assertThat(merged.get(Parameter.POST_FILTER)).isEqualTo(60);
    }

    @Test
    void printsKeysAndValues() {
        assertThat(ParameterSet.defaults().toString())
                .startsWith("suppression=40, postFilter=0, lookahead=20, outputGain=0");
    }
}
