package org.percepnet4j.vst;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.percepnet4j.presets.PluginIds;

/** The configs copied into the shipped bundle: the right variant and ID, and never a test model. */
class ShippedBundleConfigTest {

    @ParameterizedTest
    @CsvSource({"percepnet4j-mono.conf, 1, Pn4M", "percepnet4j-stereo.conf, 2, Pn4S"})
    void variantIdsMatchThePresetFilesIds(String file, int channels, String uniqueId) throws IOException {
        List<String> lines = Files.readAllLines(Path.of("src/main/bundle", file));
        assertThat(lines).contains("channels=" + channels, "uniqueId=" + uniqueId);
        assertThat(PluginIds.fourCC(uniqueId)).isEqualTo(channels == 1 ? PluginIds.MONO : PluginIds.STEREO);
        assertThat(lines).noneMatch(l -> l.startsWith("testGainModel"));
        assertThat(lines).noneMatch(l -> l.startsWith("jvm="));
    }
}
