package org.percepnet4j.trainer.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.percepnet4j.engine.dsp.ErbBands;

class CorpusCatalogueTest {
    @Test
    void aToneMasksEveryBandWhoseTriangleReachesIt() {
        double cutoff = Corpus.cutoffBelowTone(19200);
        for (int b = 0; b < ErbBands.BANDS; b++) {
            boolean counted = ErbBands.centreHz(b) <= cutoff;
            boolean reachesTone = b + 1 < ErbBands.BANDS ? ErbBands.centreHz(b + 1) > 19200 : ErbBands.centreHz(b) >= 19200;
            if (reachesTone) {
                assertThat(counted).as("band %d", b).isFalse();
            }
        }
        // Bands entirely below the tone still count.
        assertThat(cutoff).isGreaterThanOrEqualTo(ErbBands.centreHz(ErbBands.BANDS - 4));
        // A tone above the top band centre touches no band.
        assertThat(Corpus.cutoffBelowTone(21700)).isEqualTo(Corpus.FULL_BAND_HZ);
    }

    @Test
    void manifestsGiveSpeakersCutoffsAndSourceGroups(@TempDir Path root) throws Exception {
        Path speech = Files.createDirectories(root.resolve("speech_gcompris_intro_filtered/en"));
        Files.write(speech.resolve("intro_a.ogg"), new byte[] {1});
        Files.write(speech.resolve("intro_b.ogg"), new byte[] {1});
        Files.writeString(root.resolve("speech_gcompris_intro_filtered/manifest.csv"),
                "file,lang,author,sr,dur_s,cutoff_hz,tonal_peaks_4k_21k,strongest_tone_hz\n"
                        + "en/intro_a.ogg,en,Jane Doe 2014,44100,2.0,15500,0,0\n"
                        + "en/intro_b.ogg,en,Jane Doe <jd at example.org>,44100,3.0,22000,2,19200\n"
                        + "en/missing.ogg,en,Jane Doe,44100,3.0,22000,0,0\n");
        Path rir = Files.createDirectories(root.resolve("rir_real"));
        Files.write(rir.resolve("hall_ch1.wav"), new byte[] {1});
        Files.write(rir.resolve("hall_ch2.wav"), new byte[] {1});
        Path keys = Files.createDirectories(root.resolve("noise_keyboard_bucklespring"));
        Files.write(keys.resolve("1e-0.flac"), new byte[] {1});
        Files.write(keys.resolve("1e-1.flac"), new byte[] {1});

        Corpus c = Corpus.open(root, Map.of());
        assertThat(c.files()).hasSize(6);
        CorpusFile a = c.files().stream().filter(f -> f.path().endsWith("intro_a.ogg")).findFirst().orElseThrow();
        CorpusFile b = c.files().stream().filter(f -> f.path().endsWith("intro_b.ogg")).findFirst().orElseThrow();
        assertThat(a.speaker()).isEqualTo("gcompris:Jane Doe").isEqualTo(b.speaker());
        assertThat(a.cutoffHz()).isEqualTo(15500);
        assertThat(b.cutoffHz()).isEqualTo(Corpus.cutoffBelowTone(19200)); // tone beats the 22 kHz bandwidth
        assertThat(a.durationS()).isEqualTo(2.0);
        assertThat(c.files().stream().filter(f -> f.kind() == CorpusFile.Kind.IMPULSE_RESPONSE).map(CorpusFile::speaker).distinct())
                .containsExactly("rir_real:hall");
        assertThat(c.files().stream().filter(f -> f.kind() == CorpusFile.Kind.KEYSTROKE).map(CorpusFile::speaker).distinct())
                .containsExactly("noise_keyboard_bucklespring:key-1e");
        assertThat(c.splitOf(a)).isEmpty();

        Corpus heldOut = Corpus.openAllAs(root, Split.TEST);
        assertThat(heldOut.files(Split.TEST, CorpusFile.Kind.SPEECH)).hasSize(2);
        assertThat(heldOut.files(Split.TRAIN, CorpusFile.Kind.SPEECH)).isEmpty();
    }

    @Test
    void lowerRateSpeechKeepsTheTopBandButNotWhatResamplingRemoved(@TempDir Path root) throws Exception {
        Path dir = Files.createDirectories(root.resolve("speech_klettres_filtered/da"));
        Files.write(dir.resolve("a.ogg"), new byte[] {1});
        Files.write(dir.resolve("b.ogg"), new byte[] {1});
        Files.writeString(root.resolve("speech_klettres_filtered/manifest.csv"),
                "file,lang,sample_rate,duration_s,tonal_line_hz\nda/a.ogg,da,44100,1.0,\nda/b.ogg,da,32000,1.0,\n");
        Corpus c = Corpus.open(root, Map.of());
        assertThat(c.files().get(0).cutoffHz()).isGreaterThanOrEqualTo(ErbBands.centreHz(ErbBands.BANDS - 1)).isLessThan(22050);
        assertThat(c.files().get(1).cutoffHz()).isLessThan(16000);
    }
}
