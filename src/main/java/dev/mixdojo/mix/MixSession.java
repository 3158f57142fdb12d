package dev.mixdojo.mix;

import dev.mixdojo.base.BadInputException;
import dev.mixdojo.dsp.chain.ChainDescription;
import dev.mixdojo.dsp.time.DelaySettings;
import dev.mixdojo.dsp.time.ReverbSettings;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A mix: the material whose stems it plays, one channel strip per stem, a reverb bus and a delay
 * bus fed by the tracks' sends (each bus a chain in the chain vocabulary, its return at unity), and
 * a master strip (a chain, then the master fader). Immutable; the {@code with…} methods return changed copies.
 *
 * @param material       the material: {@code song/NAME} for a built-in song, or an imported material's name
 * @param seed           the performance seed of a built-in song (empty: the song's own)
 * @param tracks         one strip per stem, in mixer order; stem names are unique
 * @param reverbBus      the reverb return's chain (normally a 100 % wet reverb)
 * @param delayBus       the delay return's chain (normally a 100 % wet delay)
 * @param masterChain    processing on the stereo sum, before the master fader
 * @param masterFaderDb  the master fader in dB, −120…24
 */
public record MixSession(String material, Optional<Long> seed, List<ChannelStrip> tracks, ChainDescription reverbBus,
        ChainDescription delayBus, ChainDescription masterChain, double masterFaderDb) {

    /** The reverb bus a new session gets: 1.8 s, fully wet. */
    public static final ChainDescription DEFAULT_REVERB_BUS = new ChainDescription(List.of(ReverbSettings.of(1.8, 20, 0.4, 0.5, 1.0)));
    /** The delay bus a new session gets: 375 ms (an eighth-note dotted at 120 bpm), fully wet. */
    public static final ChainDescription DEFAULT_DELAY_BUS = new ChainDescription(List.of(DelaySettings.of(375, 0.3, 1.0)));

    /** Checks the material, the unique stem names and the master fader. */
    public MixSession {
        if (material == null || material.isBlank()) {
            throw new BadInputException("a mix session needs its material, e.g. song/rock-garage");
        }
        tracks = List.copyOf(tracks);
        Set<String> names = new HashSet<>();
        for (ChannelStrip t : tracks) {
            if (!names.add(t.stem())) {
                throw new BadInputException("the stem '" + t.stem() + "' has two tracks in the session");
            }
        }
        if (!(masterFaderDb >= -120 && masterFaderDb <= 24)) {
            throw new BadInputException("the master faderDb must be between -120 and 24, got " + masterFaderDb);
        }
    }

    /** A session with every stem at unity, centred, default buses and an empty master. */
    public static MixSession flat(String material, Optional<Long> seed, List<String> stems) {
        return new MixSession(material, seed, stems.stream().map(ChannelStrip::of).toList(), DEFAULT_REVERB_BUS,
                DEFAULT_DELAY_BUS, new ChainDescription(List.of()), 0);
    }

    /** The material's name in the material library ({@code song/} dropped). */
    public String materialName() {
        return material.startsWith("song/") ? material.substring("song/".length()) : material;
    }

    /** The track of a stem. */
    public Optional<ChannelStrip> track(String stem) {
        return tracks.stream().filter(t -> t.stem().equals(stem)).findFirst();
    }

    /** The stems' names in mixer order. */
    public List<String> stems() {
        return tracks.stream().map(ChannelStrip::stem).toList();
    }

    /** A copy with the track of {@code strip.stem()} replaced by {@code strip}. */
    public MixSession withTrack(ChannelStrip strip) {
        List<ChannelStrip> changed = new ArrayList<>();
        boolean found = false;
        for (ChannelStrip t : tracks) {
            found |= t.stem().equals(strip.stem());
            changed.add(t.stem().equals(strip.stem()) ? strip : t);
        }
        if (!found) {
            throw new IllegalArgumentException("no track plays " + strip.stem());
        }
        return new MixSession(material, seed, changed, reverbBus, delayBus, masterChain, masterFaderDb);
    }

    /**
     * A copy with suggested moves applied to the tracks they name ({@link ChannelStrip#withSuggestion}); a stem
     * without a track is refused with a sentence.
     */
    public MixSession withSuggestions(Map<String, ChainDescription> moves) {
        MixSession session = this;
        for (Map.Entry<String, ChainDescription> e : moves.entrySet()) {
            ChannelStrip track = session.track(e.getKey()).orElseThrow(() -> new BadInputException(
                    "the session has no track for the stem '" + e.getKey() + "' that the suggestions name"));
            session = session.withTrack(track.withSuggestion(e.getValue()));
        }
        return session;
    }

    /** A copy with another master fader level. */
    public MixSession withMasterFaderDb(double gainDb) {
        return new MixSession(material, seed, tracks, reverbBus, delayBus, masterChain, gainDb);
    }

    /** Whether the track is heard: not muted, and soloed when any track is. */
    public boolean audible(ChannelStrip track) {
        boolean anySolo = tracks.stream().anyMatch(ChannelStrip::solo);
        return !track.mute() && (!anySolo || track.solo());
    }
}
