package org.percepnet4j.models;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.percepnet4j.engine.LookaheadModels;
import org.percepnet4j.engine.nn.NeuralGainModel;

/**
 * The trained models shipped with percepnet4j, and loading of other weight files.
 *
 * <p>The default model is a set of networks of the same shape, each trained for one look-ahead; the Denoiser runs
 * the one for its current look-ahead. Their weights are class-path resources of this module
 * ({@link #DEFAULT_RESOURCES}); the model card ({@code MODEL_CARD.md}, next to them) says how each was trained and
 * how well it does.
 */
public final class Models {

    /** The default model's name, as users see it. */
    public static final String DEFAULT_NAME = "percepnet4j-small-v2";
    private static final String FOLDER = "/org/percepnet4j/models/";
    /** Network trained with 20 ms look-ahead (M = 2, the product default). */
    public static final String DEFAULT_RESOURCE = FOLDER + "percepnet4j-small-v2.safetensors";
    /** Network trained with 10 ms look-ahead (M = 1). */
    public static final String TEN_MS_RESOURCE = FOLDER + "percepnet4j-small-v2-m1.safetensors";
    /** Network trained with 0 ms look-ahead (M = 0, live use). */
    public static final String ZERO_LOOKAHEAD_RESOURCE = FOLDER + "percepnet4j-small-v2-m0.safetensors";
    /** Element M is the weight file run at look-ahead M. */
    public static final List<String> DEFAULT_RESOURCES = List.of(ZERO_LOOKAHEAD_RESOURCE, TEN_MS_RESOURCE,
            DEFAULT_RESOURCE);
    /** Class-path location of the model card. */
    public static final String MODEL_CARD_RESOURCE = FOLDER + "MODEL_CARD.md";

    private Models() {
    }

    /** Parsed once, on first use: the networks are immutable and shared by every stream and instance. */
    private static final class DefaultHolder {
        static final List<NeuralGainModel> NETWORKS = readDefault();
        static final LookaheadModels MODEL = new LookaheadModels(DEFAULT_NAME, NETWORKS);
    }

    /**
     * The trained default model: one network per look-ahead.
     *
     * @throws IllegalStateException when a weight resource is missing or damaged (a broken build, not a user error)
     */
    public static LookaheadModels loadDefault() {
        return DefaultHolder.MODEL;
    }

    /** The default model's network for look-ahead {@code frames} (beyond the list: the last one). */
    public static NeuralGainModel defaultNetwork(int frames) {
        if (frames < 0) {
            throw new IllegalArgumentException("look-ahead must be >= 0, got " + frames);
        }
        List<NeuralGainModel> n = DefaultHolder.NETWORKS;
        return n.get(Math.min(frames, n.size() - 1));
    }

    /** A model from a weight file on disk, run at every look-ahead; the error names the file and what is wrong. */
    public static NeuralGainModel load(Path weightFile) throws IOException {
        return NeuralGainModel.read(weightFile);
    }

    private static List<NeuralGainModel> readDefault() {
        // A resource listed for several look-aheads is read once, so those look-aheads share one network.
        Map<String, NeuralGainModel> read = new LinkedHashMap<>();
        List<NeuralGainModel> networks = new ArrayList<>();
        for (String resource : DEFAULT_RESOURCES) {
            NeuralGainModel m = read.get(resource);
            if (m == null) {
                m = readResource(resource);
                read.put(resource, m);
            }
            networks.add(m);
        }
        return List.copyOf(networks);
    }

    private static NeuralGainModel readResource(String resource) {
        try (InputStream in = Models.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("default model " + resource + " is not on the class path");
            }
            return NeuralGainModel.read(in);
        } catch (IOException e) {
            throw new IllegalStateException("default model " + resource + " cannot be read: " + e.getMessage(),
                    new UncheckedIOException(e));
        }
    }
}
