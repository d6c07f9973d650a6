package org.percepnet4j.trainer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

class EvalCommandTest {
    @ParameterizedTest
    @ValueSource(strings = {"6", "-120", "NaN", "Infinity"})
    void aSpeechLevelOutsideMinus100To0DbfsIsRefusedWithAMessageNamingTheOption(String level) {
        // eval and gain-report share the evaluation mixtures' options, so both refuse alike
        for (String[] command : new String[][] {{"eval", "--no-oracle"}, {"gain-report", "--weights", "none.safetensors"}}) {
            StringWriter err = new StringWriter();
            String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(command), java.util.stream.Stream.of(
                    "--level", level)).toArray(String[]::new);
            int code = new CommandLine(new TrainerCli()).setErr(new PrintWriter(err)).execute(args);
            assertThat(code).as(command[0]).isEqualTo(2);
            assertThat(err.toString()).as(command[0]).contains("--level is the active speech level in dBFS, from -100 to 0");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"--lead-in=-1", "--lead-in=601", "--lead-in-level=5", "--lead-in-level=-200",
            "--lead-in-level=NaN"})
    void aLeadInOutOfRangeIsRefusedWithAMessageNamingTheOptions(String option) {
        StringWriter err = new StringWriter();
        int code = new CommandLine(new TrainerCli()).setErr(new PrintWriter(err)).execute("eval", "--no-oracle", option);
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("--lead-in takes 0 to 600 s and --lead-in-level -150 to 0 dBFS or -Infinity");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--examples=0", "--seconds=0.5", "--seconds=NaN", "--lookahead=3", "--lookahead=-1"})
    void mixtureCountsLengthsAndLookAheadsOutOfRangeAreRefused(String option) {
        // --examples 0 printed an empty table with exit 0; --lookahead 3 is beyond what the engine runs
        StringWriter err = new StringWriter();
        int code = new CommandLine(new TrainerCli()).setErr(new PrintWriter(err)).execute("eval", "--no-oracle", option);
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains(option.substring(0, option.indexOf('=')) + " ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--minutes=-5", "--batch=0", "--fresh=40", "--lookaheads=7", "--eval-minutes=0",
            "--past-comb-reach=-1", "--past-comb-reach=3841"})
    void trainingOptionsOutOfRangeAreNamedInTheError(String option) throws Exception {
        StringWriter err = new StringWriter();
        java.nio.file.Path out = java.nio.file.Files.createTempDirectory("train-options");
        CommandLine cl = new CommandLine(new TrainerCli()).setErr(new PrintWriter(err));
        cl.setExecutionExceptionHandler(TrainerCli::reportError);
        int code = cl.execute("train", "--out", out.toString(), option);
        assertThat(code).isNotZero();
        assertThat(err.toString()).as(option).contains("error: " + option.substring(0, option.indexOf('=')));
    }
}
