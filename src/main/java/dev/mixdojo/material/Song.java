package dev.mixdojo.material;

import dev.mixdojo.material.synth.SoundParams;
import java.util.List;
import java.util.Map;

/**
 * A built-in song as its file describes it: tempo, key, sections played in the order of
 * {@code form}, and the tracks (one stem each). Validated when built by {@link SongFile}.
 */
record Song(String name, String title, String style, double tempoBpm, Harmony.Key key, int beatsPerBar,
            int stepsPerBeat, double swing, List<Section> form, List<Track> tracks, long defaultSeed)
        implements MaterialSpec {

    Song {
        form = List.copyOf(form);
        tracks = List.copyOf(tracks);
    }

    /** Steps (grid positions) in one bar. */
    int stepsPerBar() {
        return beatsPerBar * stepsPerBeat;
    }

    /** Length of one step in seconds. */
    double stepS() {
        return 60.0 / tempoBpm / stepsPerBeat;
    }

    /** The length of the form in seconds (the last notes' tails ring on after it). */
    @Override
    public double durationS() {
        int bars = form.stream().mapToInt(Section::bars).sum();
        return bars * stepsPerBar() * stepS();
    }

    @Override
    public List<Role> roles() {
        return tracks.stream().map(Track::role).toList();
    }

    /** A section: how many bars, the chords (one per bar, repeating) and a level offset in dB (verse quieter than chorus). */
    record Section(String name, int bars, List<Harmony.Chord> chords, double levelDb) {
        Section {
            chords = List.copyOf(chords);
        }
    }

    /** Human feel: onset jitter (standard deviation, ms) and velocity variation (±fraction). */
    record Humanize(double timingMs, double velocity) {
    }

    /**
     * One track: its stem name, role, sound, default balance (gain dB, pan -1…1), feel, the step
     * pattern per section name ({@code all} for any section not listed) and, for a room, the
     * drum stems it hears with their send levels in dB.
     */
    record Track(String stem, Role role, SoundParams sound, double gainDb, double pan, Humanize humanize,
                 Map<String, String> parts, Map<String, Double> sendsDb) {
        Track {
            parts = Map.copyOf(parts);
            sendsDb = Map.copyOf(sendsDb);
        }

        /** The pattern for a section, or null when the track rests through it. */
        String partFor(String sectionName) {
            String part = parts.get(sectionName);
            return part != null ? part : parts.get("all");
        }
    }
}
