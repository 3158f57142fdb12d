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
 * bus fed by the tracks' sends (each bus a chain in the chain vocabulary, then its return fader), group
 * buses that some tracks play into (e.g. the drums), and a master strip (a chain, then the master fader).
 * Immutable; the {@code with…} methods return changed copies.
 *
 * @param material       the material: {@code song/NAME} for a built-in song, or an imported material's name
 * @param seed           the performance seed of a built-in song (empty: the song's own)
 * @param tracks         one strip per stem, in mixer order; stem names are unique
 * @param reverbBus      the reverb return's chain (normally a 100 % wet reverb)
 * @param delayBus       the delay return's chain (normally a 100 % wet delay)
 * @param reverbReturnDb the reverb return's fader in dB, −120…24
 * @param delayReturnDb  the delay return's fader in dB, −120…24
 * @param groups         group buses, each with the stems routed to it; the other tracks play into the master
 * @param masterChain    processing on the stereo sum, before the master fader
 * @param masterFaderDb  the master fader in dB, −120…24
 */
public record MixSession(String material, Optional<Long> seed, List<ChannelStrip> tracks, ChainDescription reverbBus,
        ChainDescription delayBus, double reverbReturnDb, double delayReturnDb, List<GroupBus> groups,
        ChainDescription masterChain, double masterFaderDb) {

    /** The reverb bus a new session gets: 1.8 s, fully wet. */
    public static final ChainDescription DEFAULT_REVERB_BUS = new ChainDescription(List.of(ReverbSettings.of(1.8, 20, 0.4, 0.5, 1.0)));
    /** The delay bus a new session gets: 375 ms (an eighth-note dotted at 120 bpm), fully wet. */
    public static final ChainDescription DEFAULT_DELAY_BUS = new ChainDescription(List.of(DelaySettings.of(375, 0.3, 1.0)));

    /** Checks the material, the unique stem and bus names, the routing, the return faders and the master fader. */
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
        checkFader("the master faderDb", masterFaderDb);
        checkFader("the reverb return's faderDb", reverbReturnDb);
        checkFader("the delay return's faderDb", delayReturnDb);
        groups = List.copyOf(groups);
        Set<String> routed = new HashSet<>();
        for (GroupBus g : groups) {
            if (!names.add(g.name())) {
                throw new BadInputException("the group bus '" + g.name() + "' has the name of a stem or of another bus");
            }
            for (String stem : g.stems()) {
                if (tracks.stream().noneMatch(t -> t.stem().equals(stem))) {
                    throw new BadInputException("the group bus '" + g.name() + "' takes the stem '" + stem
                            + "', which has no track in the session");
                }
                if (!routed.add(stem)) {
                    throw new BadInputException("the stem '" + stem + "' is routed to two group buses");
                }
            }
        }
    }

    private static void checkFader(String what, double gainDb) {
        if (!(gainDb >= -120 && gainDb <= 24)) {
            throw new BadInputException(what + " must be between -120 and 24, got " + gainDb);
        }
    }

    /** A session with every stem at unity, centred, default buses and an empty master. */
    public static MixSession flat(String material, Optional<Long> seed, List<String> stems) {
        return new MixSession(material, seed, stems.stream().map(ChannelStrip::of).toList(), DEFAULT_REVERB_BUS,
                DEFAULT_DELAY_BUS, 0, 0, List.of(), new ChainDescription(List.of()), 0);
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
        return new MixSession(material, seed, changed, reverbBus, delayBus, reverbReturnDb, delayReturnDb, groups,
                masterChain, masterFaderDb);
    }

    /** A copy with other tracks (the groups must still find the stems routed to them). */
    public MixSession withTracks(List<ChannelStrip> strips) {
        return new MixSession(material, seed, strips, reverbBus, delayBus, reverbReturnDb, delayReturnDb, groups,
                masterChain, masterFaderDb);
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
        return new MixSession(material, seed, tracks, reverbBus, delayBus, reverbReturnDb, delayReturnDb, groups,
                masterChain, gainDb);
    }

    /** A copy with other return fader levels in dB. */
    public MixSession withReturnsDb(double reverbDb, double delayDb) {
        return new MixSession(material, seed, tracks, reverbBus, delayBus, reverbDb, delayDb, groups, masterChain,
                masterFaderDb);
    }

    /** A copy with the group bus of {@code group.name()} replaced by {@code group}. */
    public MixSession withGroup(GroupBus group) {
        if (groups.stream().noneMatch(g -> g.name().equals(group.name()))) {
            throw new IllegalArgumentException("no group bus " + group.name());
        }
        List<GroupBus> changed = groups.stream().map(g -> g.name().equals(group.name()) ? group : g).toList();
        return new MixSession(material, seed, tracks, reverbBus, delayBus, reverbReturnDb, delayReturnDb, changed,
                masterChain, masterFaderDb);
    }

    /** A copy with other group buses (the routing and each group's strip). */
    public MixSession withGroups(List<GroupBus> buses) {
        return new MixSession(material, seed, tracks, reverbBus, delayBus, reverbReturnDb, delayReturnDb, buses,
                masterChain, masterFaderDb);
    }

    /** The index in {@link #groups} of the group bus the stem plays into; −1 for the master. */
    public int groupOf(String stem) {
        for (int g = 0; g < groups.size(); g++) {
            if (groups.get(g).stems().contains(stem)) {
                return g;
            }
        }
        return -1;
    }

    /** Whether the track is heard: not muted, and soloed when any track is. */
    public boolean audible(ChannelStrip track) {
        boolean anySolo = tracks.stream().anyMatch(ChannelStrip::solo);
        return !track.mute() && (!anySolo || track.solo());
    }
}
