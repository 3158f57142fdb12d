package dev.mixdojo.grading;

import dev.mixdojo.audio.AudioBuffer;
import dev.mixdojo.base.BadInputException;
import dev.mixdojo.mix.ChannelStrip;
import dev.mixdojo.mix.LiveMix;
import dev.mixdojo.mix.MixSession;
import dev.mixdojo.mix.ReverbReturn;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores a mix against a target given as a mix session: the session is rendered from the same stems and
 * scored like a reference bounce, and each stem the session sends to its reverb bus gets its reverb send
 * judged (the stem through that bus is one more regressor of the fit). Stateless and thread-safe.
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
        List<StemAudio> returns = new ArrayList<>();
        for (ChannelStrip track : target.tracks()) {
            if (track.reverbSendDb() != ChannelStrip.OFF && target.audible(track) && !target.reverbBus().steps().isEmpty()) {
                returns.add(new StemAudio(track.stem(), ReverbReturn.atUnity(byName, target, track.stem())));
            }
        }
        return MixScorer.score(stems, mix, rendered, returns);
    }

    /** The stems by name, in order. */
    public static Map<String, AudioBuffer> byName(List<StemAudio> stems) {
        Map<String, AudioBuffer> map = new LinkedHashMap<>();
        stems.forEach(s -> map.put(s.name(), s.audio()));
        return map;
    }
}
