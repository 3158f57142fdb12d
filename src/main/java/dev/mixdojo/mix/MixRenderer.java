package dev.mixdojo.mix;

import dev.mixdojo.audio.AudioBuffer;
import dev.mixdojo.base.BadInputException;
import dev.mixdojo.dsp.chain.ChainDescription;
import dev.mixdojo.dsp.chain.ChainRenderer;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Renders a mix session offline to a stereo mix: the live engine ({@link LiveMix}) played from the start to
 * the end as fast as it runs, so a render is, bit for bit, what the learner hears played live. Also the
 * compressors' gain reduction over time, and one track's reverb return for the scorer's fit. Stateless
 * apart from the stems; thread-safe.
 */
public final class MixRenderer {
    private final Map<String, AudioBuffer> stems;
    private final int rateHz;

    /** The result of a render: the stereo mix and each compressed track's gain reduction (dB ≥ 0, one value per meter step). */
    public record Render(AudioBuffer mix, Map<String, float[]> gainReductionDb, double meterStepS) {
        /** Copies the map. */
        public Render {
            gainReductionDb = Map.copyOf(gainReductionDb);
        }

        /** The gain reduction of a track's compressor at {@code timeS}, in dB (0 without a compressor). */
        public double gainReductionDbAt(String stem, double timeS) {
            float[] meter = gainReductionDb.get(stem);
            if (meter == null || meter.length == 0) {
                return 0;
            }
            int at = (int) Math.floor(timeS / meterStepS);
            return meter[Math.max(0, Math.min(meter.length - 1, at))];
        }
    }

    /** A renderer over the stems by name (mono or stereo, one sample rate, any lengths: the longest sets the mix's). */
    public MixRenderer(Map<String, AudioBuffer> stems) {
        this.rateHz = LiveMix.sampleRateOf(stems);
        this.stems = new LinkedHashMap<>(stems);
    }

    /** The stems' sample rate in Hz. */
    public int sampleRateHz() {
        return rateHz;
    }

    /** Renders the session, metering each compressor per block; every track it names must be one of the stems. */
    public Render render(MixSession session) {
        LiveMix live = new LiveMix(stems, session, Optional.empty());
        float[][] perBlock = new float[session.tracks().size()][live.bounceBlocks()];
        AudioBuffer mix = live.bounce(perBlock);
        Map<String, float[]> meters = new HashMap<>();
        for (int t = 0; t < perBlock.length; t++) {
            ChannelStrip track = session.tracks().get(t);
            if (track.compressor().isPresent()) {
                meters.put(track.stem(), perBlock[t]);
            }
        }
        return new Render(mix, meters, LiveMix.BLOCK_FRAMES / (double) rateHz);
    }

    /**
     * What one track sends into the reverb bus at a 0 dB fader and a 0 dB send, through the bus: the
     * "wet" copy of the stem that a least-squares fit can weigh to estimate a mix's reverb send level.
     */
    public AudioBuffer reverbReturnAtUnity(MixSession session, String stem) {
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
