package org.percepnet4j.presets;

import static org.percepnet4j.engine.Parameter.POST_FILTER;
import static org.percepnet4j.engine.Parameter.SUPPRESSION;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The presets that ship with the denoiser, tuned for dialogue. The list order is the VST program order: append,
 * never reorder or rename (hosts store program numbers and names).
 *
 * <p>How the values were chosen. Suppression is an attenuation floor, not a mix: at 12–18 dB the noise bed drops
 * clearly but stays audible, which keeps edits and room tone continuous; from ~30 dB the noise is gone for most
 * listeners; beyond ~50 dB only artefacts change. The post-filter sharpens the gains between harmonics (cleaner,
 * but "thinner" on breathy or distant voices), so gentle presets use less of it. Look-ahead lets the gains open
 * before an onset (no clipped consonants); every preset keeps the full 20 ms because they are meant for recorded
 * dialogue, where latency costs nothing; for live monitoring set it to 0. Bypass, listen-to-removed and output gain
 * stay at their defaults: presets change how much is removed, not the level.
 */
public final class FactoryPresets {

    /** Engine defaults: a safe middle ground. */
    public static final Preset DEFAULT = new Preset("Default",
            "Engine defaults: 40 dB limit, no post-filter, 20 ms look-ahead",
            ParameterSet.defaults());

    // Post-filter values: measured on validation mixtures, the full post-filter removes more noise (DNSMOS BAK
    // +0.3) but lowers intelligibility and voice quality (ESTOI −0.02…−0.03, SIG −0.2) for the same overall
    // score, so it is used only where removing more noise is the point, and at most half-way there.

    // Quiet treated room, good mic: the noise is already low, so a moderate floor removes hiss, hum and HVAC
    // without touching the voice; no post-filter keeps the close-mic tone full.
    public static final Preset PODCAST_STUDIO = new Preset("Podcast studio",
            "Treated room, good mic: removes hiss, hum and air conditioning, keeps the voice full",
            ParameterSet.defaults().with(SUPPRESSION, 24).with(POST_FILTER, 0));

    // Laptop and headset mics over a call: fans, keyboard and room noise close to the voice, often narrowband.
    // A deep floor and half the post-filter: a clean background matters more than a natural ambience here.
    public static final Preset PODCAST_REMOTE = new Preset("Podcast remote/call",
            "Guests on laptop or headset mics: strong cleanup of fans, keyboards and rooms",
            ParameterSet.defaults().with(SUPPRESSION, 45).with(POST_FILTER, 50));

    // Wind, traffic and crowds at low SNR. 30 dB removes the bulk while a trace of the location stays, which
    // viewers expect from a field piece; a quarter of the post-filter takes a little more noise without the
    // "phone" sound it gives lav mics.
    public static final Preset FIELD_INTERVIEW = new Preset("Broadcast field interview",
            "Location recording with traffic, wind or crowd: strong cleanup, a trace of place remains",
            ParameterSet.defaults().with(SUPPRESSION, 30).with(POST_FILTER, 25));

    // A good booth has almost no noise; the job is to take the last bit of hiss and computer fan away without
    // any audible processing, so a shallow floor and no post-filter (breaths and sibilants stay natural).
    public static final Preset VOICE_OVER = new Preset("Voice-over booth (gentle)",
            "Good booth, little noise: takes off the last hiss without audible processing",
            ParameterSet.defaults().with(SUPPRESSION, 12).with(POST_FILTER, 0));

    // Film dialogue is cut between takes and laid over room tone: removing the room entirely makes edits jump.
    // A 15 dB floor lowers the noise but keeps the room's character and reverb tail; no post-filter.
    public static final Preset FILM_DIALOGUE = new Preset("Film dialogue (keep room)",
            "Production sound: lowers noise but keeps the room tone and reverb so edits match",
            ParameterSet.defaults().with(SUPPRESSION, 15).with(POST_FILTER, 0));

    // Lecture halls: distant speech, projector and ventilation noise, audience, long reverb. A deep floor
    // pulls down noise and much of the late reverb; half the post-filter removes a little more of both.
    public static final Preset LECTURE_HALL = new Preset("Lecture/hall",
            "Distant speaker in a large room: removes ventilation, audience and much of the reverb",
            ParameterSet.defaults().with(SUPPRESSION, 36).with(POST_FILTER, 50));

    // No floor to speak of and the full post-filter: whatever the network calls noise goes, accepting artefacts
    // on the voice. For rescuing unusable material, transcription, or hearing what the model does.
    public static final Preset MAXIMUM = new Preset("Maximum cleanup",
            "Removes as much as possible, accepting artefacts: for rescue jobs and transcription",
            ParameterSet.defaults().with(SUPPRESSION, 100).with(POST_FILTER, 100));

    private static final List<Preset> ALL = List.of(DEFAULT, PODCAST_STUDIO, PODCAST_REMOTE, FIELD_INTERVIEW,
            VOICE_OVER, FILM_DIALOGUE, LECTURE_HALL, MAXIMUM);


    private FactoryPresets() {
    }

    /** Every factory preset, in VST program order. */
    public static List<Preset> all() {
        return ALL;
    }

    /** A factory preset by name, ignoring case, spaces and punctuation ("podcast-studio" finds "Podcast studio"). */
    public static Optional<Preset> byName(String name) {
        String wanted = simplify(name);
        return ALL.stream().filter(p -> simplify(p.name()).equals(wanted)).findFirst();
    }

    /** Lower case letters and digits only: how names are compared. */
    static String simplify(String name) {
        return name == null ? "" : name.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    }
}
