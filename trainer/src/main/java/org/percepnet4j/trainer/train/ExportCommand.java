package org.percepnet4j.trainer.train;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import org.percepnet4j.engine.nn.NeuralGainModel;
import org.percepnet4j.engine.nn.WeightFile;
import org.percepnet4j.trainer.CorpusOption;
import org.percepnet4j.trainer.data.Corpus;
import org.percepnet4j.trainer.data.MixtureSettings;
import org.percepnet4j.trainer.data.MixtureSynthesizer;
import org.percepnet4j.trainer.data.Split;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code trainer export}: turns a checkpoint into a model file and golden vectors (features of the first validation
 * sequence and the DJL forward pass over them) for the engine's equivalence test.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Export a checkpoint as a model weight file plus golden vectors from the DJL forward pass.")
public final class ExportCommand implements Callable<Integer> {

    @Option(names = "--checkpoint", required = true, description = "checkpoint (or model) weight file")
    Path checkpoint;
    @Option(names = "--out", required = true, description = "model file to write")
    Path out;
    @Option(names = "--golden", description = "golden-vector file to write (needs the corpus)")
    Path golden;
    @Option(names = "--golden-frames", defaultValue = "50", description = "frames of golden vectors (default ${DEFAULT-VALUE})")
    int goldenFrames;
    @Option(names = "--golden-lookahead", defaultValue = "2", description = "look-ahead of the golden features (default ${DEFAULT-VALUE})")
    int goldenLookahead;
    @Mixin
    CorpusOption corpus;
    @Option(names = "--name", description = "model name to store instead of the checkpoint's (the training command"
            + " in the metadata is kept as it was)")
    String name;
    @Option(names = "--status", description = "a note stored as metadata \"status\", e.g. that this is an intermediate checkpoint")
    String status;

    @Override
    public Integer call() throws Exception {
        System.setProperty("ai.djl.offline", "true");
        WeightFile file = WeightFile.read(checkpoint);
        NeuralGainModel.of(file); // validates the file completely before anything is written
        NetworkShape shape = NetworkShape.fromMetadata(file.metadata());
        Map<String, String> meta = new LinkedHashMap<>(file.metadata());
        meta.keySet().removeAll(shape.metadata().keySet());
        meta.remove("format");
        meta.remove("format_version");
        meta.put("exported_from", checkpoint.getFileName().toString());
        if (status != null) {
            meta.put("status", status);
        }
        if (name != null) {
            if (name.isBlank()) {
                throw new IllegalArgumentException("--name must not be blank");
            }
            meta.put("renamed_from", meta.getOrDefault("name", "?"));
            meta.put("name", name);
        }
        try (NDManager manager = NDManager.newBaseManager()) {
            PercepNetBlock block = new PercepNetBlock(shape);
            block.initialize(manager, DataType.FLOAT32, new Shape(1, 8, NetworkShape.FEATURES));
            FeatureNormalizer norm = ModelExporter.loadInto(block, file);
            ModelExporter.toWeightFile(block, norm, meta).write(out);
            System.out.println("wrote " + out + " (" + shape + ", step " + meta.getOrDefault("step", "?") + ")");
            if (golden != null) {
                Corpus c = corpus.open();
                int frames = Integer.parseInt(meta.getOrDefault("sequence_frames", "400"));
                SequenceMaker maker = new SequenceMaker(new MixtureSynthesizer(c, Split.VALIDATION,
                        MixtureSettings.training()), frames, new int[] {goldenLookahead},
                        NeuralGainModel.pastCombReach(meta));
                // the first validation example of a training run (seed 12345)
                List<TrainingSequence> seq = maker.next(new Random(12345), goldenLookahead);
                float[][] rows = Arrays.copyOf(TrainingRun.rows(seq.get(0)), goldenFrames);
                ModelExporter.golden(block, norm, rows, manager, Map.of("model", out.getFileName().toString(),
                        "step", meta.getOrDefault("step", "?"))).write(golden);
                System.out.println("wrote " + golden + " (" + goldenFrames + " frames)");
            }
        }
        return 0;
    }
}
