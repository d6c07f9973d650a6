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
        StringWriter err = new StringWriter();
        int code = new CommandLine(new TrainerCli()).setErr(new PrintWriter(err))
                .execute("eval", "--no-oracle", "--level", level);
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("--level is the active speech level in dBFS, from -100 to 0");
    }
}
