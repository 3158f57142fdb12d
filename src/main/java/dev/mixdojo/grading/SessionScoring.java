package dev.mixdojo.grading;

import dev.mixdojo.audio.AudioBuffer;
import dev.mixdojo.base.BadInputException;
import dev.mixdojo.mix.BusReturn;
import dev.mixdojo.mix.ChannelStrip;
import dev.mixdojo.mix.LiveMix;
import dev.mixdojo.mix.MixSession;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores a mix against a target given as a mix session: the session is rendered from the same stems and
 * scored like a reference bounce, and each stem the session sends to its reverb or delay bus gets that send
 * judged (the stem through that bus is one more regressor of the fit), with the bus's return fader where the
 * sends share an error, and each group bus's fader where its stems share a level error. Stateless and thread-safe.
 */
public final class SessionScoring {
    private SessionScoring() {
    }

    /** Scores {@code mix} against the session {@code target}; every stem needs a track in it, and every track a stem. */
    public static MixScore score(List<StemAudio> stems, AudioBuffer mix, MixSession target) {
        for (StemAudio s : stems) {
            if (target.track(s.name()).isEmpty()) {
                throw new BadInputException("the stem '" + s.name() + "' has no track in the target session (its tracks: "
                        + String.join(", ", target.stems()) + ")");
            }
        }
        Map<String, AudioBuffer> byName = byName(stems);
        AudioBuffer rendered = LiveMix.bounce(byName, target);
        List<WetCopy> wet = new ArrayList<>();
        for (BusReturn.Send bus : BusReturn.Send.values()) {
            for (ChannelStrip track : target.tracks()) {
                if (bus.sendDb(track) != ChannelStrip.OFF && target.audible(track) && !bus.chain(target).steps().isEmpty()) {
                    wet.add(new WetCopy(track.stem(), bus == BusReturn.Send.REVERB ? Aspect.REVERB : Aspect.DELAY,
                            BusReturn.atUnity(byName, target, track.stem(), bus)));
                }
            }
        }
        Map<String, List<String>> groups = new LinkedHashMap<>();
        target.groups().forEach(g -> groups.put(g.name(), g.stems()));
        return MixScorer.score(stems, mix, rendered, wet, groups);
    }

    /** The stems by name, in order. */
    public static Map<String, AudioBuffer> byName(List<StemAudio> stems) {
        Map<String, AudioBuffer> map = new LinkedHashMap<>();
        stems.forEach(s -> map.put(s.name(), s.audio()));
        return map;
    }
}
