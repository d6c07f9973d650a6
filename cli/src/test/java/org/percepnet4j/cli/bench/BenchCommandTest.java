package org.percepnet4j.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.percepnet4j.cli.CliRunner;
import org.percepnet4j.cli.ConstantGainModel;

class BenchCommandTest {

    @TempDir
    Path dir;

    @Test
    void printsATableRowPerConfigurationAndTheFileRender() {
        CliRunner cli = new CliRunner(new ConstantGainModel(1f), dir);
        CliRunner.Result r = cli.run("bench", "--seconds", "1", "--warmup", "0.5", "--render-minutes", "0.05");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("| configuration | CPU per s of audio | % of one core | real-time factor (wall) |")
                .contains("| mono 44.1 kHz |").contains("| mono 48.0 kHz |").contains("| stereo 44.1 kHz |")
                .contains("| stereo 48.0 kHz |").containsPattern("File render .*: 0\\.1 min of 48 kHz stereo .* real time");
    }

    @Test
    void figuresAreConsistent() {
        BenchCommand.Figures f = BenchCommand.measure(new ConstantGainModel(1f), 2, 48000, 1, 0.2);
        assertThat(f.realTimeFactor()).isPositive();
        assertThat(f.costMsPerSecond()).isCloseTo(10 * f.percentOfCore(), org.assertj.core.api.Assertions.within(1e-6));
        assertThat(f.medianUs()).isLessThanOrEqualTo(f.p99Us());
        assertThat(f.p99Us()).isLessThanOrEqualTo(f.maxUs());
        assertThat(f.allocBytesPerSecond()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void badRangesAreUsageErrors() {
        CliRunner cli = new CliRunner(new ConstantGainModel(1f), dir);
        assertThat(cli.run("bench", "--seconds", "0").exit()).isEqualTo(2);
    }
}
