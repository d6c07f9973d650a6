package org.percepnet4j.trainer.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.percepnet4j.engine.nn.NeuralGainModel;
import org.percepnet4j.engine.nn.Tensor;
import org.percepnet4j.engine.nn.WeightFile;
import org.percepnet4j.engine.nn.WeightFileWriter;
import org.percepnet4j.trainer.TrainerCli;
import org.percepnet4j.trainer.data.Corpus;
import picocli.CommandLine;

/** {@code train --init} on the real corpus with a tiny network, and how {@code default-model} chains its runs. */
class FineTuningTest {

    private static final List<String> TINY = List.of("--batch", "2", "--frames", "40", "--fresh", "1",
            "--pool", "4", "--validation-per-m", "2", "--dense", "8", "--conv", "16,16", "--gru", "8,8", "--gain-gru", "8",
            "--strength-gru", "8");

    private static int train(Path corpus, Path out, String... extra) {
        return train(corpus, out, 2, extra);
    }

    private static int train(Path corpus, Path out, long steps, String... extra) {
        System.setProperty("ai.djl.offline", "true");
        List<String> args = new ArrayList<>(List.of("train", "--corpus", corpus.toString(), "--out", out.toString(),
                "--steps", Long.toString(steps)));
        args.addAll(TINY);
        args.addAll(List.of(extra));
        return new CommandLine(new TrainerCli()).execute(args.toArray(new String[0]));
    }

    @Test
    void aFineTuningRunStartsFromTheGivenWeightsWidthsAndNormaliser(@TempDir Path dir) throws Exception {
        var corpus = Corpus.openDefault();
        assumeTrue(corpus.isPresent(), "corpus not found at " + Corpus.defaultRoot());
        Path root = Corpus.defaultRoot();
        assertThat(train(root, dir.resolve("first"))).isZero();
        Path first = dir.resolve("first").resolve(TrainingRun.MODEL);
        // One step at a learning rate of 1e-12 (after warm-up scaling): the weights stay where they started.
        // No width options: the widths must come from the --init file, not from the defaults.
        List<String> args = new ArrayList<>(List.of("train", "--corpus", root.toString(), "--out",
                dir.resolve("second").toString(), "--init", first.toString(), "--lookaheads", "0", "--steps", "1",
                "--batch", "2", "--frames", "40", "--fresh", "1", "--pool", "4", "--validation-per-m", "2",
                "--lr", "1e-10", "--average-decay", "0"));
        assertThat(new CommandLine(new TrainerCli()).execute(args.toArray(new String[0]))).isZero();

        WeightFile a = WeightFile.read(first);
        WeightFile b = WeightFile.read(dir.resolve("second").resolve(TrainingRun.MODEL));
        assertThat(NetworkShape.fromMetadata(b.metadata())).isEqualTo(NetworkShape.fromMetadata(a.metadata()));
        assertThat(b.metadata().get("initialised_from")).startsWith(TrainingRun.MODEL);
        assertThat(b.tensor("feature_scale", NetworkShape.FEATURES).data())
                .containsExactly(a.tensor("feature_scale", NetworkShape.FEATURES).data());
        int compared = 0;
        for (var e : a.tensors().entrySet()) {
            String name = e.getKey();
            Tensor ta = e.getValue();
            float[] tb = b.tensors().get(name).data();
            for (int i = 0; i < tb.length; i++) {
                assertThat(tb[i]).as(name).isCloseTo(ta.data()[i], within(1e-6f));
            }
            compared++;
        }
        assertThat(compared).isGreaterThan(20);
    }

    @Test
    void aNetworkTrainedWithTheOneSidedCombDeclaresItAndIsCalibratedAndRunWithIt(@TempDir Path dir) throws Exception {
        var corpus = Corpus.openDefault();
        assumeTrue(corpus.isPresent(), "corpus not found at " + Corpus.defaultRoot());
        Path root = Corpus.defaultRoot();
        assertThat(train(root, dir.resolve("comb"), "--lookaheads", "0", "--past-comb-reach", "960")).isZero();
        Path model = dir.resolve("comb").resolve(TrainingRun.MODEL);
        assertThat(WeightFile.read(model).metadata()).containsEntry(NeuralGainModel.PAST_COMB_REACH_KEY, "960");
        assertThat(NeuralGainModel.read(model).pastCombReach()).isEqualTo(960);
        // without the option nothing is declared, so the file reads as before the option existed
        assertThat(train(root, dir.resolve("plain"), "--lookaheads", "0")).isZero();
        assertThat(WeightFile.read(dir.resolve("plain").resolve(TrainingRun.MODEL)).metadata())
                .doesNotContainKey(NeuralGainModel.PAST_COMB_REACH_KEY);
        // the golden features were computed with the comb: they differ from the plain run's on the same example
        float[] combFeatures = WeightFile.read(dir.resolve("comb").resolve(TrainingRun.GOLDEN)).tensors()
                .get("features").data();
        float[] plainFeatures = WeightFile.read(dir.resolve("plain").resolve(TrainingRun.GOLDEN)).tensors()
                .get("features").data();
        assertThat(combFeatures).hasSameSizeAs(plainFeatures).isNotEqualTo(plainFeatures);

        Path calibrated = dir.resolve("calibrated.safetensors");
        assertThat(new CommandLine(new TrainerCli()).execute("calibrate", "--corpus", root.toString(), "--weights",
                model.toString(), "--out", calibrated.toString(), "--lookahead", "0", "--examples", "2")).isZero();
        NeuralGainModel read = NeuralGainModel.read(calibrated);
        assertThat(read.pastCombReach()).isEqualTo(960);
        assertThat(read.gainCalibration()).isNotNull();
    }

    @Test
    void aResumedRunSpendsOnlyWhatIsLeftOfItsBudget(@TempDir Path dir) throws Exception {
        var corpus = Corpus.openDefault();
        assumeTrue(corpus.isPresent(), "corpus not found at " + Corpus.defaultRoot());
        Path root = Corpus.defaultRoot();
        Path out = dir.resolve("run");
        assertThat(train(root, out)).isZero();
        Path latest = out.resolve(TrainingRun.LATEST);
        assertThat(WeightFile.read(latest).metadata()).containsEntry("step", "2");

        // Steps count over all invocations: resumed with --steps 3, it takes one more.
        assertThat(train(root, out, 3, "--resume")).isZero();
        assertThat(WeightFile.read(latest).metadata()).containsEntry("step", "3");

        // As if the interrupted invocation had already trained for 5 minutes: a 5-minute budget is spent,
        // so the resumed run only validates and exports (it used to start the whole budget again).
        WeightFile before = WeightFile.read(latest);
        WeightFileWriter spent = new WeightFileWriter().metadata(before.metadata()).metadata("training_minutes", "5.0");
        for (Tensor t : before.tensors().values()) {
            spent.tensor(t.name(), t.data(), t.shape());
        }
        spent.write(latest);
        assertThat(train(root, out, 1000, "--resume", "--minutes", "5")).isZero();
        assertThat(WeightFile.read(latest).metadata()).containsEntry("step", "3");
        assertThat(out.resolve(TrainingRun.MODEL)).exists();
    }

    /** A phase's arguments (after the {@code train} sub-command name) as the train command parses them. */
    private static TrainCommand parsedPhase(List<String> phase) {
        TrainCommand t = new TrainCommand();
        new CommandLine(t).parseArgs(phase.subList(1, phase.size()).toArray(new String[0]));
        return t;
    }

    @Test
    void theDefaultModelFineTunesTheZeroLookaheadNetworkFromTheTwentyMillisecondOne(@TempDir Path dir) {
        DefaultModelCommand c = defaultModel(dir);
        TrainCommand first = parsedPhase(c.firstPhase());
        TrainCommand restart = parsedPhase(c.restartPhase());
        TrainCommand tenMs = parsedPhase(c.tenMsPhase());
        TrainCommand second = parsedPhase(c.zeroLookaheadPhase());

        assertThat(first.lookaheads).containsExactly(2);
        assertThat(tenMs.lookaheads).containsExactly(1);
        assertThat(tenMs.init).isEqualTo(restart.out.resolve(TrainingRun.MODEL));
        assertThat(tenMs.name).isEqualTo(DefaultModelCommand.NAME + DefaultModelCommand.TEN_MS_SUFFIX);
        assertThat(tenMs.pastCombReach).as("the symmetric comb reaches a period ahead at M = 1").isZero();
        assertThat(second.pastCombReach).isEqualTo(960);
        assertThat(tenMs.overSuppressionWeight).as("the 10 ms phase keeps speech open").isEqualTo(4f);
        assertThat(second.overSuppressionWeight).isZero();
        assertThat(restart.lookaheads).containsExactly(2);
        assertThat(second.lookaheads).containsExactly(0);
        assertThat(first.init).isNull();
        assertThat(restart.init).isEqualTo(first.out.resolve(TrainingRun.MODEL));
        assertThat(second.init).isEqualTo(restart.out.resolve(TrainingRun.MODEL));
        assertThat(restart.seed).as("the second cycle draws mixtures the first did not").isNotEqualTo(first.seed);
        assertThat(first.minutes + restart.minutes + tenMs.minutes + second.minutes).as("the issue's budget, with room for start-up and export")
                .isLessThanOrEqualTo(116);
        assertThat(first.lrHalvings).as("all anneal over their time budget, whatever the machine's speed").isPositive();
        assertThat(restart.lrHalvings).isPositive();
        assertThat(second.lrHalvings).isPositive();
        assertThat(first.name).isEqualTo(DefaultModelCommand.NAME);
        assertThat(restart.name).isEqualTo(DefaultModelCommand.NAME);
        assertThat(second.name).isEqualTo(DefaultModelCommand.NAME + DefaultModelCommand.ZERO_LOOKAHEAD_SUFFIX);
    }

    @Test
    void aThirdSpeechWeightedCycleIsOffByDefaultAndWhenAskedForShipsAsTheTwentyMillisecondNetworkOnly(@TempDir Path dir) {
        assertThat(defaultModel(dir).speechCycleMinutes).isZero();

        DefaultModelCommand c = defaultModel(dir, "--minutes", "67", "--speech-cycle-minutes", "10");
        TrainCommand speech = parsedPhase(c.speechCyclePhase());
        List<TrainCommand> all = List.of(parsedPhase(c.firstPhase()), parsedPhase(c.restartPhase()), speech,
                parsedPhase(c.tenMsPhase()), parsedPhase(c.zeroLookaheadPhase()));
        Path secondCycle = all.get(1).out;

        assertThat(speech.lookaheads).containsExactly(2);
        assertThat(speech.minutes).isEqualTo(10);
        assertThat(speech.overSuppressionWeight).isEqualTo(8f);
        assertThat(speech.name).isEqualTo(DefaultModelCommand.NAME);
        assertThat(speech.out).isNotEqualTo(secondCycle);
        assertThat(List.of(speech.init, all.get(3).init, all.get(4).init))
                .as("the third cycle, and still the 10 and 0 ms phases, start from the second cycle")
                .containsOnly(secondCycle.resolve(TrainingRun.MODEL));
        assertThat(all.stream().mapToDouble(t -> t.minutes).sum())
                .as("the issue's budget with the third cycle's time taken from the first phase").isLessThanOrEqualTo(116);
    }

    @Test
    void withoutTheSecondCycleTheFirstPhaseSeedsTheZeroLookaheadNetwork(@TempDir Path dir) {
        DefaultModelCommand c = defaultModel(dir, "--restart-minutes", "0");
        TrainCommand first = parsedPhase(c.firstPhase());
        TrainCommand second = parsedPhase(c.zeroLookaheadPhase());

        assertThat(second.init).isEqualTo(first.out.resolve(TrainingRun.MODEL));
        assertThat(second.lookaheads).containsExactly(0);
        assertThat(first.minutes).isEqualTo(77);
    }

    @Test
    void aZeroNegativeOrNaNBudgetIsRefusedBeforeAnythingIsWritten(@TempDir Path dir) {
        for (String[] bad : new String[][] {{"--restart-minutes", "-1"}, {"--restart-minutes", "NaN"}, {"--minutes", "0"},
                {"--fine-tune-minutes", "-5"}, {"--ten-ms-minutes", "0"}, {"--speech-cycle-minutes", "-1"},
                {"--speech-cycle-minutes", "NaN"}}) {
            String[] args = {"default-model", "--out", dir.resolve("run").toString(), bad[0], bad[1]};
            assertThat(new CommandLine(new TrainerCli()).execute(args)).as(String.join(" ", bad)).isNotZero();
            assertThat(dir.resolve("run")).as("nothing written for " + String.join(" ", bad)).doesNotExist();
        }
    }

    @Test
    void convolutionsTooNarrowToTrainAreRefusedBeforeAnythingIsWritten(@TempDir Path dir) {
        StringWriter err = new StringWriter();
        int code = new CommandLine(new TrainerCli()).setExecutionExceptionHandler(TrainerCli::reportError)
                .setErr(new PrintWriter(err)).execute("train", "--out", dir.resolve("run").toString(), "--steps", "1",
                        "--conv", "8,16");
        assertThat(code).isNotZero();
        assertThat(err.toString()).contains("8,16").contains("at least 16");
        assertThat(dir.resolve("run")).doesNotExist();
    }

    @ParameterizedTest(name = "--restart-minutes {0} --speech-cycle-minutes {1}")
    @CsvSource({"15, 0", "0, 0", "15, 10"})
    void aResumedDefaultModelRunDoesNotRepeatFinishedPhasesAndCalibratesAllThree(String restartMinutes,
            String speechCycleMinutes, @TempDir Path dir) throws Exception {
        var corpus = Corpus.openDefault();
        assumeTrue(corpus.isPresent(), "corpus not found at " + Corpus.defaultRoot());
        Path root = Corpus.defaultRoot();
        boolean secondCycle = !restartMinutes.equals("0");
        boolean speechCycle = !speechCycleMinutes.equals("0");
        // Every phase finished: a tiny trained network in each folder (the later ones copies), with golden vectors.
        assertThat(train(root, dir.resolve("m2"))).isZero();
        List<String> later = new ArrayList<>(secondCycle ? List.of("m2-restart", "m1", "m0") : List.of("m1", "m0"));
        if (speechCycle) {
            later.add("m2-speech");
        }
        for (String folder : later) {
            Files.createDirectories(dir.resolve(folder));
            Files.copy(dir.resolve("m2").resolve(TrainingRun.MODEL), dir.resolve(folder).resolve(TrainingRun.MODEL));
            Files.writeString(dir.resolve(folder).resolve(TrainingRun.GOLDEN), "golden " + folder);
        }
        Files.writeString(dir.resolve("m2").resolve(TrainingRun.GOLDEN), "golden m2");
        byte[] m2Before = Files.readAllBytes(dir.resolve("m2").resolve(TrainingRun.MODEL));
        long m2Modified = Files.getLastModifiedTime(dir.resolve("m2").resolve(TrainingRun.MODEL)).toMillis();

        int code = new CommandLine(new TrainerCli()).execute("default-model", "--out", dir.toString(), "--resume",
                "--restart-minutes", restartMinutes, "--speech-cycle-minutes", speechCycleMinutes, "--corpus", root.toString(),
                "--calibration-examples", "2");
        assertThat(code).isZero();
        assertThat(Files.readAllBytes(dir.resolve("m2").resolve(TrainingRun.MODEL))).as("not trained again").isEqualTo(m2Before);
        assertThat(Files.getLastModifiedTime(dir.resolve("m2").resolve(TrainingRun.MODEL)).toMillis()).isEqualTo(m2Modified);
        String name = DefaultModelCommand.NAME;
        WeightFile raw = WeightFile.read(dir.resolve("m2").resolve(TrainingRun.MODEL));
        for (String file : new String[] {name + ".safetensors", name + "-m1.safetensors", name + "-m0.safetensors"}) {
            WeightFile shipped = WeightFile.read(dir.resolve(file));
            assertThat(shipped.tensors()).as(file).containsKey(org.percepnet4j.engine.nn.GainCalibration.TENSOR);
            assertThat(shipped.metadata().get("gain_calibration")).contains("2 mixtures");
            for (Tensor t : raw.tensors().values()) {
                assertThat(shipped.tensors().get(t.name()).data()).as(file + " " + t.name()).containsExactly(t.data());
            }
        }
        assertThat(WeightFile.read(dir.resolve(name + ".safetensors")).metadata().get("gain_calibration"))
                .contains("look-ahead 2");
        assertThat(WeightFile.read(dir.resolve(name + "-m0.safetensors")).metadata().get("gain_calibration"))
                .contains("look-ahead 0");
        assertThat(WeightFile.read(dir.resolve(name + "-m1.safetensors")).metadata().get("gain_calibration"))
                .contains("look-ahead 1");
        assertThat(Files.readString(dir.resolve("golden-small-v2-m0.safetensors"))).isEqualTo("golden m0");
        assertThat(Files.readString(dir.resolve("golden-small-v2-m1.safetensors"))).isEqualTo("golden m1");
        assertThat(Files.readString(dir.resolve("golden-small-v2.safetensors"))).as("the last 20 ms phase's network ships")
                .isEqualTo(speechCycle ? "golden m2-speech" : secondCycle ? "golden m2-restart" : "golden m2");
        assertThat(Files.exists(dir.resolve("m2-restart"))).as("a second cycle only when asked for").isEqualTo(secondCycle);
    }

    /** {@code default-model --out DIR} with these further arguments, parsed but not run. */
    private static DefaultModelCommand defaultModel(Path dir, String... more) {
        DefaultModelCommand c = new DefaultModelCommand();
        String[] args = new String[more.length + 2];
        args[0] = "--out";
        args[1] = dir.toString();
        System.arraycopy(more, 0, args, 2, more.length);
        new CommandLine(c).parseArgs(args);
        return c;
    }
}
