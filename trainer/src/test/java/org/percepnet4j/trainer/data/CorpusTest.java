package org.percepnet4j.trainer.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Checks against the real corpus; skipped when it is not at the configured path. */
class CorpusTest {
    private static Corpus corpus;

    @BeforeAll
    static void open() {
        corpus = Corpus.openDefault().orElse(null);
    }

    private static void requireCorpus() {
        assumeTrue(corpus != null, "corpus not found at " + Corpus.defaultRoot() + " (set -Dpercepnet.corpus)");
    }

    @Test
    void everyFileIsInExactlyOneSplitAndEverySplitHasEveryKind() {
        requireCorpus();
        for (CorpusFile f : corpus.files()) {
            assertThat(corpus.splitOf(f)).as(f.path()).isPresent();
        }
        for (Split s : Split.values()) {
            for (CorpusFile.Kind k : CorpusFile.Kind.values()) {
                assertThat(corpus.files(s, k)).as(s + " " + k).isNotEmpty();
            }
        }
    }

    @Test
    void splitsAreSpeakerAndLanguageDisjoint() {
        requireCorpus();
        Map<String, Split> bySpeaker = new HashMap<>();
        Map<String, Split> byLanguage = new HashMap<>();
        Map<String, Split> bySourceGroup = new HashMap<>();
        for (CorpusFile f : corpus.files()) {
            Split s = corpus.splitOf(f).orElseThrow();
            if (f.kind() == CorpusFile.Kind.SPEECH) {
                assertThat(bySpeaker.putIfAbsent(f.speaker(), s)).as(f.speaker()).isIn(null, s);
                String lang = SplitGenerator.baseLanguage(f.language());
                assertThat(byLanguage.putIfAbsent(lang, s)).as(lang).isIn(null, s);
            } else {
                assertThat(bySourceGroup.putIfAbsent(f.speaker(), s)).as(f.speaker()).isIn(null, s);
            }
        }
    }

    @Test
    void theCommittedListsAreWhatTheGeneratorProduces() {
        requireCorpus();
        Map<String, Split> regenerated = SplitGenerator.assign(corpus.files(), SplitGenerator.SEED);
        for (CorpusFile f : corpus.files()) {
            assertThat(corpus.splitOf(f)).as(f.path()).contains(regenerated.get(f.path()));
        }
    }

    @Test
    void vorbisFlacAndWavDecodeAt48kWithTheirFullLength() {
        requireCorpus();
        for (String prefix : new String[] {"speech_gcompris_intro", "noise_berlin", "noise_keyboard", "rir_real",
                "speech_ktuberling"}) {
            CorpusFile f = corpus.files().stream().filter(x -> x.path().startsWith(prefix)).findFirst().orElseThrow();
            float[] x = corpus.audio(f);
            double peak = 0;
            for (float v : x) {
                peak = Math.max(peak, Math.abs(v));
            }
            assertThat(x.length).as(f.path()).isGreaterThan(4800);
            assertThat(peak).as(f.path()).isGreaterThan(0.01).isLessThan(1.2); // Vorbis may overshoot full scale slightly
            if (f.durationS() > 0) {
                assertThat(x.length / 48000.0).as(f.path()).isCloseTo(f.durationS(), org.assertj.core.data.Offset.offset(0.01));
            }
        }
    }

    @Test
    void chainedAnd128kHzOggFilesDecodeCompletely() throws Exception {
        requireCorpus();
        // Two logical Vorbis streams back to back (18,085 + 44,100 samples at 44.1 kHz).
        AudioDecoder.Decoded chained = AudioDecoder.decode(corpus.root().resolve("speech_klettres_filtered/cs/ad-12.ogg"));
        assertThat(chained.sampleRate()).isEqualTo(44100);
        assertThat(chained.samples()).hasSize(62185);
        // A 128 kHz stream (Java Sound's Vorbis provider refuses this rate).
        AudioDecoder.Decoded fast = AudioDecoder.decode(corpus.root().resolve("speech_klettres_filtered/da/a-19.ogg"));
        assertThat(fast.sampleRate()).isEqualTo(128000);
        assertThat(fast.samples()).hasSize(576596);
        assertThat(AudioDecoder.decode48k(corpus.root().resolve("speech_klettres_filtered/da/a-19.ogg")))
                .hasSize((int) Math.round(576596 * 48000.0 / 128000));
    }

    @Test
    void trainingExamplesFromTheCorpusAreSane() {
        requireCorpus();
        var synth = new MixtureSynthesizer(corpus, Split.VALIDATION, MixtureSettings.training());
        Random rng = new Random(1);
        for (int i = 0; i < 4; i++) {
            Example e = synth.next(rng);
            assertThat(e.clean().length).isEqualTo(e.noisy().length).isBetween(4 * 48000 - 480, 8 * 48000);
            assertThat(MixtureSynthesizer.activePower(e.clean())).isGreaterThan(1e-6);
            assertThat(corpus.files(Split.VALIDATION, CorpusFile.Kind.SPEECH).stream()
                    .anyMatch(f -> f.speaker().equals(e.speaker()))).isTrue();
        }
    }
}
