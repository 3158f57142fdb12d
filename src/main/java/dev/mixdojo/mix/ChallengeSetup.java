package dev.mixdojo.mix;

import dev.mixdojo.audio.AudioBuffer;
import dev.mixdojo.audio.AudioFiles;
import dev.mixdojo.base.BadInputException;
import dev.mixdojo.base.Warnings;
import dev.mixdojo.lesson.MixChallenge;
import dev.mixdojo.material.MaterialLibrary;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a mixer needs to run one mix challenge: the brief, the stems, the session the learner
 * starts from, and the goal (a target session, or a reference bounce of the same stems). Immutable
 * references; the audio buffers are shared.
 *
 * @param challenge      the lesson's challenge step
 * @param stems          the stems by name, in mixer order
 * @param start          where the learner starts: the target with faders at 0 dB and pans centred, or a flat session
 * @param targetSession  the target session, when the goal is one
 * @param targetBounce   the target's sound: the session rendered, or the reference bounce
 */
public record ChallengeSetup(MixChallenge challenge, Map<String, AudioBuffer> stems, MixSession start,
        Optional<MixSession> targetSession, AudioBuffer targetBounce) {

    /** Copies the map (keeping its order) and checks the parts are there. */
    public ChallengeSetup {
        Objects.requireNonNull(challenge, "challenge");
        stems = Collections.unmodifiableMap(new LinkedHashMap<>(stems));
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(targetBounce, "targetBounce");
    }

    /**
     * The stems cut to the stretch the challenge scores ({@link MixChallenge#scoredUntilS}): a mix bounced from them
     * is the mix's opening, bit for bit, since the engine plays from the start and never looks ahead.
     */
    public Map<String, AudioBuffer> scoredStems() {
        Map<String, AudioBuffer> cut = new LinkedHashMap<>();
        stems.forEach((name, audio) -> cut.put(name, audio.opening(challenge.scoredUntilS())));
        return cut;
    }

    /** Loads the challenge's stems from the library and reads its goal; a bad goal file is a BadInputException naming it. */
    public static ChallengeSetup load(MixChallenge challenge, MaterialLibrary library, Warnings warnings) {
        if (challenge.goalIsSession()) {
            MixSession target = MixSessionReader.read(challenge.goal());
            Map<String, AudioBuffer> stems = SessionStems.load(library, target, warnings);
            try {
                return of(challenge, stems, target);
            } catch (BadInputException e) {
                throw new BadInputException(challenge.goal(), e.getMessage() + ".", e);
            }
        }
        String material = challenge.material().toString();
        Map<String, AudioBuffer> stems = SessionStems.load(library, MixSession.flat(material, Optional.empty(), List.of()),
                warnings);
        AudioBuffer bounce = AudioFiles.read(challenge.goal(), warnings);
        return new ChallengeSetup(challenge, stems, MixSession.flat(material, Optional.empty(), List.copyOf(stems.keySet())),
                Optional.empty(), bounce);
    }

    /** A challenge whose goal is {@code target}, over the given stems: the target is rendered for A/B and scoring. */
    public static ChallengeSetup of(MixChallenge challenge, Map<String, AudioBuffer> stems, MixSession target) {
        AudioBuffer rendered = LiveMix.bounce(stems, target);
        return new ChallengeSetup(challenge, stems, startFrom(challenge.start(), target), Optional.of(target), rendered);
    }

    /**
     * Where the learner starts: the target with every fader (tracks, groups, returns) at 0 dB and every pan centred
     * ({@code LEVELS}), without its EQ bands and compressors on tracks and groups ({@code INSERTS}), without its
     * sends and with the returns at 0 dB ({@code SENDS}), or without its rides, each automated fader fixed at its
     * level at the start ({@code RIDES}); the rest as the target has it. From {@code FLAT} every track and group is
     * at unity, centred, with no processing, no sends and the returns at 0 dB (the routing, the buses' chains and
     * the master as the target has them).
     */
    public static MixSession startFrom(MixChallenge.Start start, MixSession target) {
        List<ChannelStrip> tracks = new ArrayList<>();
        for (ChannelStrip t : target.tracks()) {
            tracks.add(switch (start) {
                case LEVELS -> t.withFaderDb(0).withPan(0);
                case INSERTS -> t.withEq(List.of()).withCompressor(Optional.empty());
                case SENDS -> t.withSends(ChannelStrip.OFF, ChannelStrip.OFF);
                case FLAT -> ChannelStrip.of(t.stem());
                case RIDES -> t.withFaderDb(t.faderDb().initial());
            });
        }
        List<GroupBus> groups = target.groups().stream().map(g -> switch (start) {
            case LEVELS -> g.withFaderDb(0);
            case INSERTS -> g.withEq(List.of()).withCompressor(Optional.empty());
            case SENDS, RIDES -> g;
            case FLAT -> GroupBus.of(g.name(), g.stems());
        }).toList();
        boolean returnsKept = start == MixChallenge.Start.INSERTS || start == MixChallenge.Start.RIDES;
        return new MixSession(target.material(), target.seed(), tracks, target.reverbBus(), target.delayBus(),
                returnsKept ? target.reverbReturnDb() : 0, returnsKept ? target.delayReturnDb() : 0, groups,
                target.masterChain(), target.masterFaderDb());
    }
}
