package org.percepnet4j.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.percepnet4j.engine.GainPredictor;
import org.percepnet4j.engine.LookaheadModels;
import org.percepnet4j.engine.nn.GainCalibration;
import org.percepnet4j.engine.nn.NeuralGainModel;
import org.percepnet4j.engine.nn.Tensor;
import org.percepnet4j.engine.nn.WeightFile;
import org.percepnet4j.engine.nn.WeightFileException;

class DefaultModelTest {

    @Test
    void defaultModelLoadsFromTheClassPathAndDescribesItsTraining() {
        LookaheadModels m = Models.loadDefault();
        assertThat(m).isSameAs(Models.loadDefault());
        assertThat(m.name()).isEqualTo("percepnet4j-small-v2");
        for (int lookahead = 0; lookahead <= 2; lookahead++) {
            NeuralGainModel n = Models.defaultNetwork(lookahead);
            assertThat(m.forLookahead(lookahead)).isSameAs(n);
            assertThat(n.metadata()).containsKeys("training_command", "data_hash", "step", "validation_loss",
                    "lookahead_policy", "training_minutes");
            assertThat(n.parameterCount()).isBetween(100_000, 1_000_000);
        }
        assertThat(Models.defaultNetwork(0).name()).isEqualTo("percepnet4j-small-v2-m0");
        assertThat(Models.defaultNetwork(0).metadata().get("lookahead_policy")).endsWith("[0]");
        assertThat(Models.defaultNetwork(2).name()).isEqualTo("percepnet4j-small-v2");
        assertThat(Models.defaultNetwork(2).metadata().get("lookahead_policy")).endsWith("[2]");
        assertThat(Models.defaultNetwork(1).name()).isEqualTo("percepnet4j-small-v2-m1");
        assertThat(Models.defaultNetwork(1).metadata().get("lookahead_policy")).endsWith("[1]");
        assertThat(Models.defaultNetwork(0).pastCombReach()).as("the 0 ms network's one-sided comb").isEqualTo(960);
        assertThat(Models.defaultNetwork(7)).as("beyond the list: the last network").isSameAs(Models.defaultNetwork(2));
        assertThat(Models.class.getResource(Models.MODEL_CARD_RESOURCE)).isNotNull();
    }

    /** Golden vectors: written by {@code trainer train} / {@code export --golden} from the DJL forward pass. */
    @ParameterizedTest
    @CsvSource({"2, /org/percepnet4j/models/golden-small-v2.safetensors",
            "1, /org/percepnet4j/models/golden-small-v2-m1.safetensors",
            "0, /org/percepnet4j/models/golden-small-v2-m0.safetensors"})
    void javaForwardPassMatchesTheDjlForwardPassOnGoldenVectors(int lookahead, String resource) throws Exception {
        WeightFile golden;
        try (InputStream in = DefaultModelTest.class.getResourceAsStream(resource)) {
            assertThat(in).as("golden vectors " + resource).isNotNull();
            golden = WeightFile.read(in);
        }
        Tensor features = golden.tensors().get("features");
        int frames = features.dim(0);
        Tensor gains = golden.tensor("gains", frames, GainPredictor.BANDS);
        Tensor strengths = golden.tensor("strengths", frames, GainPredictor.BANDS);
        NeuralGainModel network = Models.defaultNetwork(lookahead);
        GainPredictor p = network.newPredictor();
        // The golden gains are the DJL network's own; the shipped file maps them through its calibration (trainer
        // calibrate), and so does the Java predictor.
        GainCalibration calibration = network.gainCalibration();
        assertThat(calibration).as("the shipped networks carry their gain calibration").isNotNull();
        float[] f = new float[GainPredictor.FEATURES];
        float[] g = new float[GainPredictor.BANDS];
        float[] s = new float[GainPredictor.BANDS];
        for (int t = 0; t < frames; t++) {
            System.arraycopy(features.data(), t * f.length, f, 0, f.length);
            p.predict(f, g, s);
            for (int b = 0; b < GainPredictor.BANDS; b++) {
                float expected = calibration.map(gains.data()[t * 34 + b]);
                assertThat(g[b]).as("gain frame %d band %d", t, b).isCloseTo(expected, within(1e-4f));
                assertThat(s[b]).as("strength frame %d band %d", t, b).isCloseTo(strengths.data()[t * 34 + b], within(1e-4f));
            }
        }
    }

    @Test
    void loadingAFileNamesItWhenItIsBroken(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("broken.safetensors");
        try (InputStream in = Models.class.getResourceAsStream(Models.DEFAULT_RESOURCE)) {
            byte[] bytes = in.readAllBytes();
            Files.write(bad, java.util.Arrays.copyOf(bytes, bytes.length - 100));
            Path good = dir.resolve("good.safetensors");
            Files.write(good, bytes);
            assertThat(Models.load(good).parameterCount()).isEqualTo(Models.defaultNetwork(2).parameterCount());
        }
        assertThatThrownBy(() -> Models.load(bad)).isInstanceOf(WeightFileException.class)
                .hasMessageContaining("broken.safetensors").hasMessageContaining("outside");
    }
}
