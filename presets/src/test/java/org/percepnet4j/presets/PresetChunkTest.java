package org.percepnet4j.presets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PresetChunkTest {

    @Test
    void programChunkRoundTrips() throws Exception {
        assertThat(PresetChunk.decode(PresetChunk.encode(FactoryPresets.MAXIMUM), "chunk"))
                .isEqualTo(FactoryPresets.MAXIMUM);
    }

    @Test
    void bankChunkRoundTripsWithCurrentProgram() throws Exception {
        PresetChunk.Bank bank = PresetChunk.readBank(PresetChunk.encodeBank(FactoryPresets.all(), 3), "chunk");
        assertThat(bank.presets()).containsExactlyElementsOf(FactoryPresets.all());
        assertThat(bank.current()).isEqualTo(3);
    }

    @Test
    void badBankChunksNameTheFaultyPreset() {
        String bad = "{\"format\":\"percepnet4j-bank\",\"version\":1,\"current\":0,\"presets\":["
                + new String(PresetJson.write(FactoryPresets.DEFAULT), StandardCharsets.UTF_8) + ","
                + "{\"format\":\"percepnet4j-preset\",\"version\":1,\"name\":\"x\",\"parameters\":{\"bypass\":3}}]}";
        assertThatThrownBy(() -> PresetChunk.decodeBank(bad.getBytes(StandardCharsets.UTF_8), "chunk"))
                .hasMessage("chunk: presets[1].parameters.bypass: 3 is out of range (allowed 0 (off) or 1 (on))");
        String badCurrent = "{\"format\":\"percepnet4j-bank\",\"version\":1,\"current\":5,\"presets\":["
                + new String(PresetJson.write(FactoryPresets.DEFAULT), StandardCharsets.UTF_8) + "]}";
        assertThatThrownBy(() -> PresetChunk.readBank(badCurrent.getBytes(StandardCharsets.UTF_8), "chunk"))
                .hasMessageContaining("current: number 5 is out of range (allowed 0 to 0)");
        assertThatThrownBy(() -> PresetChunk.decodeBank(PresetChunk.encode(FactoryPresets.DEFAULT), "chunk"))
                .hasMessageContaining("format: expected \"percepnet4j-bank\"");
    }
}
