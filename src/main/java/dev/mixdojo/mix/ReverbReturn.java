package dev.mixdojo.mix;

import dev.mixdojo.audio.AudioBuffer;
import dev.mixdojo.base.BadInputException;
import dev.mixdojo.dsp.chain.ChainDescription;
import dev.mixdojo.dsp.chain.ChainRenderer;
import java.util.Map;

/** One track through the session's reverb bus alone: a regressor for the scorer's fit of a reverb send. */
public final class ReverbReturn {
    private ReverbReturn() {
    }

    /**
     * What the track of {@code stem} sends into the reverb bus at a 0 dB fader and a 0 dB send, through the
     * bus (its inserts and pan as the session has them): the "wet" copy of the stem that a least-squares fit
     * can weigh to estimate a mix's reverb send level.
     */
    public static AudioBuffer atUnity(Map<String, AudioBuffer> stems, MixSession session, String stem) {
        LiveMix.checkTracks(session, stems);
        ChannelStrip track = session.track(stem).orElseThrow(() -> new BadInputException("the session has no track " + stem))
                .withFaderDb(0);
        ChainDescription inserts = track.inserts();
        AudioBuffer dry = stems.get(stem);
        AudioBuffer in = inserts.steps().isEmpty() ? dry : ChainRenderer.render(inserts.create(), inserts.needsStereo(), dry);
        AudioBuffer post = ChainRenderer.render(track.faderAndPan(in.channelCount() == 2), in);
        return ChainRenderer.render(session.reverbBus(), post);
    }
}
