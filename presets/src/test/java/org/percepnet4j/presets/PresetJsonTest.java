package org.percepnet4j.presets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.percepnet4j.engine.Parameter;

class PresetJsonTest {

    private static final String FILE = "mine.json";

    private static String json(String parameters) {
        return "{\"format\":\"percepnet4j-preset\",\"version\":1,\"name\":\"Mine\",\"description\":\"d\","
                + "\"parameters\":{" + parameters + "}}";
    }

    private static Preset read(String text) throws PresetFormatException {
        return PresetJson.read(text.getBytes(StandardCharsets.UTF_8), FILE);
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertRefused(String text) {
        return assertThatThrownBy(() -> read(text)).isInstanceOf(PresetFormatException.class)
                .hasMessageStartingWith(FILE + ": ");
    }

    @Test
    void everyFactoryPresetRoundTrips() throws Exception {
        for (Preset p : FactoryPresets.all()) {
            assertThat(PresetJson.read(PresetJson.write(p), FILE)).isEqualTo(p);
        }
    }

    @Test
    void writesAVersionedReadableFile() {
        String text = new String(PresetJson.write(FactoryPresets.PODCAST_STUDIO), StandardCharsets.UTF_8);
        assertThat(text).contains("\"format\" : \"percepnet4j-preset\"", "\"version\" : 1",
                "\"name\" : \"Podcast studio\"", "\"suppression\" : 24.0").endsWith("}\n");
    }

    @Test
    void missingParametersKeepTheirDefaultsSoOlderFilesLoad() throws Exception {
        Preset p = read(json("\"suppression\": 18"));
        assertThat(p.parameters()).isEqualTo(ParameterSet.defaults().with(Parameter.SUPPRESSION, 18));
        assertThat(p.name()).isEqualTo("Mine");
        assertThat(p.description()).isEqualTo("d");
    }

    @Test
    void switchesMayBeBooleans() throws Exception {
        assertThat(read(json("\"dualMono\": true")).parameters().isOn(Parameter.DUAL_MONO)).isTrue();
    }

    @Test
    void outOfRangeValueNamesFileKeyAndRange() {
        assertRefused(json("\"suppression\": 120"))
                .hasMessage("mine.json: parameters.suppression: 120 is out of range (allowed 0 to 100 dB)");
        assertRefused(json("\"lookahead\": 15"))
                .hasMessage("mine.json: parameters.lookahead: 15 is out of range (allowed 0, 10 or 20 ms)");
    }

    @Test
    void wrongTypeNamesKeyAndRange() {
        assertRefused(json("\"postFilter\": \"loud\""))
                .hasMessageContaining("parameters.postFilter: expected a number, found string \"loud\"")
                .hasMessageContaining("allowed 0 to 100 %");
        assertRefused(json("\"suppression\": true")).hasMessageContaining("parameters.suppression");
        assertRefused("{\"format\":\"percepnet4j-preset\",\"version\":1,\"name\":7,\"parameters\":{}}")
                .hasMessageContaining("name: expected a string, found number 7");
        assertRefused("{\"format\":\"percepnet4j-preset\",\"version\":\"1\",\"name\":\"x\",\"parameters\":{}}")
                .hasMessageContaining("version: expected a whole number");
    }

    @Test
    void unknownKeysAreRefused() {
        assertRefused(json("\"supression\": 10")).hasMessageContaining("parameters.supression: unknown parameter")
                .hasMessageContaining("allowed: suppression, postFilter");
        assertRefused("{\"format\":\"percepnet4j-preset\",\"version\":1,\"name\":\"x\",\"parameters\":{},\"colour\":1}")
                .hasMessageContaining("colour: unknown key");
    }

    @Test
    void newerVersionsAndForeignFilesAreRefused() {
        assertRefused("{\"format\":\"percepnet4j-preset\",\"version\":2,\"name\":\"x\",\"parameters\":{}}")
                .hasMessageContaining("version: 2 is not supported (allowed 1 to 1");
        assertRefused("{\"name\":\"x\"}").hasMessageContaining("format: expected \"percepnet4j-preset\"");
        assertRefused("[1,2]").hasMessageContaining("expected a JSON object");
        assertRefused("").hasMessageContaining("empty file");
    }

    @Test
    void truncatedOrDuplicatedJsonIsRefused() {
        String whole = json("\"suppression\": 10");
        assertRefused(whole.substring(0, whole.length() - 5)).hasMessageContaining("not valid JSON");
        assertRefused(json("\"suppression\": 10, \"suppression\": 20")).hasMessageContaining("Duplicate field");
        assertRefused(whole + " {}").hasMessageContaining("not valid JSON");
    }

    @Test
    void hugeOrHostileValuesAreQuotedShortInMessages() {
        String big = "x".repeat(10_000_000);
        assertRefused("{\"format\":\"percepnet4j-preset\",\"version\":1,\"name\":\"" + big + "\",\"parameters\":{}}")
                .hasMessageContaining("name: a preset name needs 1 to 64 printable characters: '"
                        + "x".repeat(80) + "...'")
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(300));
        String key = "k".repeat(40_000); // the JSON parser refuses longer keys itself
        assertRefused(json("\"" + key + "\": 1")).satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(300));
        assertRefused("{\"format\":\"percepnet4j-preset\",\"" + key + "\":1}")
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(300));
        assertRefused("{\"format\":\"" + big + "\"}").satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(300));
        assertRefused("{\"" + key + "\":1,\"" + key + "\":2}")
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(300));
        // a name with terminal escapes is refused without sending them to the terminal
        assertRefused("{\"format\":\"percepnet4j-preset\",\"version\":1,\"name\":\"\\u001b[2Jx\",\"parameters\":{}}")
                .hasMessageContaining("'\\u001b[2Jx'");
    }

    @Test
    void blankNameIsRefused() {
        assertRefused("{\"format\":\"percepnet4j-preset\",\"version\":1,\"name\":\" \",\"parameters\":{}}")
                .hasMessageContaining("name: must not be empty");
    }
}
