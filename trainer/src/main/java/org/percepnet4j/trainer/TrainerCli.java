package org.percepnet4j.trainer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import org.percepnet4j.engine.io.OutputFolders;
import org.percepnet4j.trainer.data.Corpus;
import org.percepnet4j.trainer.data.Example;
import org.percepnet4j.trainer.data.MixtureSettings;
import org.percepnet4j.trainer.data.MixtureSynthesizer;
import org.percepnet4j.trainer.data.Split;
import org.percepnet4j.trainer.data.WavWriter;
import org.percepnet4j.trainer.train.CalibrateCommand;
import org.percepnet4j.trainer.train.DefaultModelCommand;
import org.percepnet4j.trainer.train.ExportCommand;
import org.percepnet4j.trainer.train.ReplayCommand;
import org.percepnet4j.trainer.train.TrainCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The {@code trainer} command: data synthesis, training, export and evaluation as subcommands. */
@Command(name = "trainer", mixinStandardHelpOptions = true,
        description = "percepnet4j training and evaluation tools.",
        subcommands = {TrainerCli.Mix.class, TrainCommand.class, DefaultModelCommand.class, ExportCommand.class,
                CalibrateCommand.class, ReplayCommand.class, OracleEvalCommand.class, EvalCommand.class,
                GainReportCommand.class})
public final class TrainerCli implements Runnable {

    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new TrainerCli()).setExecutionExceptionHandler(TrainerCli::reportError);
        System.exit(cli.execute(args));
    }

    /** Bad files and arguments get a one-line message; anything else (a bug) keeps its stack trace. */
    public static int reportError(Exception e, CommandLine commandLine, CommandLine.ParseResult parsed) throws Exception {
        if (e instanceof java.nio.file.NoSuchFileException) {
            commandLine.getErr().println("error: no such file: " + e.getMessage());
            return 1;
        }
        if (e instanceof java.io.IOException || e instanceof IllegalArgumentException) {
            commandLine.getErr().println("error: " + e.getMessage());
            return 1;
        }
        throw e;
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    /** Writes synthesised examples as WAV files to listen to the training data. */
    @Command(name = "mix", mixinStandardHelpOptions = true,
            description = "Write synthesised training examples (clean target and noisy input) as WAV files.")
    static final class Mix implements Callable<Integer> {
        @Mixin
        CorpusOption corpus;
        @Option(names = "--split", defaultValue = "TRAIN", description = "TRAIN, VALIDATION or TEST (default ${DEFAULT-VALUE})")
        Split split;
        @Option(names = "--count", defaultValue = "5", description = "number of examples (default ${DEFAULT-VALUE})")
        int count;
        @Option(names = "--seed", defaultValue = "1", description = "random seed (default ${DEFAULT-VALUE})")
        long seed;
        @Option(names = "--out", required = true, description = "output folder")
        Path out;

        @Override
        public Integer call() throws Exception {
            Corpus c = corpus.open();
            MixtureSynthesizer synth = new MixtureSynthesizer(c, split, MixtureSettings.training());
            OutputFolders.create(out, "output folder");
            Random rng = new Random(seed);
            for (int i = 0; i < count; i++) {
                Example e = synth.next(rng);
                String stem = String.format(Locale.ROOT, "%03d", i);
                WavWriter.write(out.resolve(stem + "_clean.wav"), e.clean(), 48000);
                WavWriter.write(out.resolve(stem + "_noisy.wav"), e.noisy(), 48000);
                System.out.printf(Locale.ROOT, "%s  %-40s %-18s snr %6.1f dB  cutoff %5.0f Hz  %.2f s%n", stem,
                        e.speaker(), e.noiseKind(), e.snrDb(), e.cutoffHz(), e.clean().length / 48000.0);
            }
            return 0;
        }
    }
}
