package org.percepnet4j.models;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.percepnet4j.engine.nn.NeuralGainModel;

/**
 * The trained models shipped with percepnet4j, and loading of other weight files.
 *
 * <p>The default model's weights are a class-path resource of this module ({@value #DEFAULT_RESOURCE}); its model
 * card ({@code MODEL_CARD.md}, next to it) says how it was trained and how well it does.
 */
public final class Models {

    /** Class-path location of the default model's weight file. */
    public static final String DEFAULT_RESOURCE = "/org/percepnet4j/models/percepnet4j-small-v2.safetensors";
    /** Class-path location of the model card. */
    public static final String MODEL_CARD_RESOURCE = "/org/percepnet4j/models/MODEL_CARD.md";

    private Models() {
    }

    /** Parsed once, on first use: the model is immutable and shared by every stream and instance. */
    private static final class DefaultHolder {
        static final NeuralGainModel MODEL = readDefault();
    }

    /**
     * The trained default model.
     *
     * @throws IllegalStateException when the weight resource is missing or damaged (a broken build, not a user error)
     */
    public static NeuralGainModel loadDefault() {
        return DefaultHolder.MODEL;
    }

    /** A model from a weight file on disk; the error names the file and what is wrong with it. */
    public static NeuralGainModel load(Path weightFile) throws IOException {
        return NeuralGainModel.read(weightFile);
    }

    private static NeuralGainModel readDefault() {
        try (InputStream in = Models.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("default model " + DEFAULT_RESOURCE + " is not on the class path");
            }
            return NeuralGainModel.read(in);
        } catch (IOException e) {
            throw new IllegalStateException("default model " + DEFAULT_RESOURCE + " cannot be read: " + e.getMessage(),
                    new UncheckedIOException(e));
        }
    }
}
