package org.percepnet4j.presets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.percepnet4j.engine.Parameter;

class FactoryPresetsTest {

    @Test
    void coverTheDialogueJobsInVstProgramOrder() {
        assertThat(FactoryPresets.all()).extracting(Preset::name).containsExactly("Default", "Podcast studio",
                "Podcast remote/call", "Broadcast field interview", "Voice-over booth (gentle)",
                "Film dialogue (keep room)", "Lecture/hall", "Maximum cleanup");
    }

    @Test
    void eachHasAOneLineDescriptionAndANameThatFitsAnFxpFile() {
        for (Preset p : FactoryPresets.all()) {
            assertThat(p.description()).as(p.name()).isNotBlank().doesNotContain("\n");
            assertThat(p.name().length()).as(p.name()).isLessThan(VstPatchFiles.NAME_BYTES);
        }
    }

    @Test
    void changeHowMuchIsRemovedNotLevelLatencyOrRouting() {
        for (Preset p : FactoryPresets.all()) {
            ParameterSet s = p.parameters();
            assertThat(s.get(Parameter.LOOKAHEAD)).as(p.name()).isEqualTo(20);
            assertThat(s.get(Parameter.OUTPUT_GAIN)).as(p.name()).isZero();
            assertThat(s.isOn(Parameter.BYPASS)).as(p.name()).isFalse();
            assertThat(s.isOn(Parameter.LISTEN_NOISE)).as(p.name()).isFalse();
            assertThat(s.isOn(Parameter.DUAL_MONO)).as(p.name()).isFalse();
        }
    }

    @Test
    void gentleToStrongIsOrderedBySuppression() {
        double voiceOver = FactoryPresets.VOICE_OVER.parameters().get(Parameter.SUPPRESSION);
        double film = FactoryPresets.FILM_DIALOGUE.parameters().get(Parameter.SUPPRESSION);
        double studio = FactoryPresets.PODCAST_STUDIO.parameters().get(Parameter.SUPPRESSION);
        double remote = FactoryPresets.PODCAST_REMOTE.parameters().get(Parameter.SUPPRESSION);
        double max = FactoryPresets.MAXIMUM.parameters().get(Parameter.SUPPRESSION);
        assertThat(List.of(voiceOver, film, studio, remote, max)).isSorted();
        assertThat(max).isEqualTo(Parameter.SUPPRESSION.max());
    }

    @Test
    void areFoundByLooseName() {
        assertThat(FactoryPresets.byName("podcast-studio")).contains(FactoryPresets.PODCAST_STUDIO);
        assertThat(FactoryPresets.byName("LECTURE HALL")).contains(FactoryPresets.LECTURE_HALL);
        assertThat(FactoryPresets.byName("voice over booth gentle")).contains(FactoryPresets.VOICE_OVER);
        assertThat(FactoryPresets.byName("karaoke")).isEmpty();
    }
}
