package org.percepnet4j.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ParameterTest {

    @Test
    void normalisedValuesRoundTripForEveryParameter() {
        for (Parameter p : Parameter.values()) {
            double d = p.defaultValue();
            assertThat(p.fromNormalized(p.toNormalized(d))).as(p.key()).isEqualTo(d);
            assertThat(p.fromNormalized(0)).isEqualTo(p.min());
            assertThat(p.fromNormalized(1)).isEqualTo(p.max());
        }
    }

    @Test
    void badValuesAreClampedOrDefaultedNeverThrown() {
        assertThat(Parameter.SUPPRESSION.sanitize(Double.NaN)).isEqualTo(40);
        assertThat(Parameter.SUPPRESSION.sanitize(1e9)).isEqualTo(100);
        assertThat(Parameter.OUTPUT_GAIN.fromNormalized(-3)).isEqualTo(-24);
        assertThat(Parameter.LOOKAHEAD.sanitize(13)).isEqualTo(10);
        assertThat(Parameter.BYPASS.fromNormalized(0.7)).isEqualTo(1);
    }

    @Test
    void textConversionUsesUnits() {
        assertThat(Parameter.SUPPRESSION.formatWithUnit(12.25)).isEqualTo("12.3 dB");
        assertThat(Parameter.LOOKAHEAD.formatWithUnit(20)).isEqualTo("20 ms");
        assertThat(Parameter.BYPASS.formatWithUnit(1)).isEqualTo("On");
        assertThat(Parameter.SUPPRESSION.parse(" 18 dB")).isEqualTo(18);
        assertThat(Parameter.DUAL_MONO.parse("on")).isEqualTo(1);
        assertThatThrownBy(() -> Parameter.POST_FILTER.parse("loud"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Post-filter").hasMessageContaining("0 to 100");
        assertThat(Parameter.byName("Look-ahead")).isEqualTo(Parameter.LOOKAHEAD);
        assertThat(Parameter.byName("postfilter")).isEqualTo(Parameter.POST_FILTER);
        assertThat(Parameter.byName("nope")).isNull();
    }
}
