package dev.mixdojo.mix;

import dev.mixdojo.audio.AudioBuffer;
import dev.mixdojo.base.BadInputException;
import dev.mixdojo.dsp.chain.ChainDescription;
import dev.mixdojo.dsp.chain.ChainRenderer;
import java.util.Map;

/** One track through the session's reverb or delay bus alone: a regressor for the scorer's fit of a send. */
public final class BusReturn {
    /** The two buses the tracks send to. */
    public enum Send {
        REVERB, DELAY;

        /** The bus's chain in {@code session}. */
        public ChainDescription chain(MixSession session) {
            return this == REVERB ? session.reverbBus() : session.delayBus();
        }

        /** The track's send level to this bus in dB ({@link ChannelStrip#OFF} when off). */
        public double sendDb(ChannelStrip track) {
            return this == REVERB ? track.reverbSendDb() : track.delaySendDb();
        }
    }

    private BusReturn() {
    }

    /**
     * What the track of {@code stem} sends into the bus at a 0 dB fader and a 0 dB send, through the bus's chain
     * with its return fader at 0 dB (the track's inserts and pan as the session has them): the "wet" copy of the stem
     * that a least-squares fit can weigh to estimate a mix's send level (plus its return fader's).
     */
    public static AudioBuffer atUnity(Map<String, AudioBuffer> stems, MixSession session, String stem, Send bus) {
        LiveMix.checkTracks(session, stems);
        ChannelStrip track = session.track(stem).orElseThrow(() -> new BadInputException("the session has no track " + stem))
                .withFaderDb(0);
        ChainDescription inserts = track.inserts();
        AudioBuffer dry = stems.get(stem);
        AudioBuffer in = inserts.steps().isEmpty() ? dry : ChainRenderer.render(inserts.create(), inserts.needsStereo(), dry);
        AudioBuffer post = ChainRenderer.render(track.faderAndPan(in.channelCount() == 2), in);
        return ChainRenderer.render(bus.chain(session), post);
    }
}
