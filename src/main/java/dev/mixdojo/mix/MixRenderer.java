package dev.mixdojo.mix;

import dev.mixdojo.audio.AudioBuffer;
import dev.mixdojo.base.BadInputException;
import dev.mixdojo.dsp.Decibels;
import dev.mixdojo.dsp.ProcessorSettings;
import dev.mixdojo.dsp.chain.Chain;
import dev.mixdojo.dsp.chain.ChainDescription;
import dev.mixdojo.dsp.chain.ChainRenderer;
import dev.mixdojo.dsp.dynamics.Dynamics;
import dev.mixdojo.dsp.spatial.GainSettings;
import dev.mixdojo.dsp.automation.Param;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Renders a mix session offline to a stereo mix, with the chain processors the rest of MixDojo
 * uses: per track the inserts (EQ, compressor), then fader and pan; post-fader sends summed into
 * the reverb and delay buses, whose returns join the sum at unity; then the master chain and fader.
 * Tails are cut at the stems' length. Each track's inserts are rendered once per setting and kept,
 * so moving a fader, a pan or a send re-renders only the sums. Not thread-safe: one per session view.
 */
public final class MixRenderer {
    /** Gain-reduction meter resolution: one value (the largest) per 10 ms. */
    public static final double METER_STEP_S = 0.01;

    private final Map<String, AudioBuffer> stems;
    private final int rateHz;
    private final int frames;
    private final Map<String, Inserted> inserted = new HashMap<>();

    /** A track's audio after its inserts, and the compressor's gain reduction per meter step (empty without one). */
    private record Inserted(ChainDescription inserts, AudioBuffer audio, float[] gainReductionDb) {
    }

    /** The result of a render: the stereo mix and each compressed track's gain reduction (dB ≥ 0 per {@link #METER_STEP_S}). */
    public record Render(AudioBuffer mix, Map<String, float[]> gainReductionDb) {
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
            int at = (int) Math.floor(timeS / METER_STEP_S);
            return meter[Math.max(0, Math.min(meter.length - 1, at))];
        }
    }

    /** A renderer over the stems by name (mono or stereo, one sample rate, any lengths: the longest sets the mix's). */
    public MixRenderer(Map<String, AudioBuffer> stems) {
        if (stems.isEmpty()) {
            throw new BadInputException("a mix needs at least one stem");
        }
        this.stems = new LinkedHashMap<>(stems);
        this.rateHz = stems.values().iterator().next().sampleRateHz();
        for (Map.Entry<String, AudioBuffer> s : stems.entrySet()) {
            if (s.getValue().sampleRateHz() != rateHz) {
                throw new BadInputException("stem " + s.getKey() + " runs at " + s.getValue().sampleRateHz() + " Hz, the others at "
                        + rateHz + " Hz");
            }
        }
        this.frames = stems.values().stream().mapToInt(AudioBuffer::frames).max().orElse(0);
    }

    /** Renders a session once with a fresh renderer. */
    public static AudioBuffer render(MixSession session, Map<String, AudioBuffer> stems) {
        return new MixRenderer(stems).render(session).mix();
    }

    /** The stems' sample rate in Hz. */
    public int sampleRateHz() {
        return rateHz;
    }

    /** Renders the session: every track it names must be one of the stems. */
    public Render render(MixSession session) {
        checkStems(session);
        float[][] mix = new float[2][frames];
        float[][] reverbSend = new float[2][frames];
        float[][] delaySend = new float[2][frames];
        boolean anyReverb = false;
        boolean anyDelay = false;
        Map<String, float[]> meters = new HashMap<>();
        for (ChannelStrip track : session.tracks()) {
            Inserted in = inserted(track);
            if (in.gainReductionDb().length > 0) {
                meters.put(track.stem(), in.gainReductionDb());
            }
            if (!session.audible(track)) {
                continue;
            }
            AudioBuffer post = ChainRenderer.render(track.faderAndPan(in.audio().channelCount() == 2), in.audio());
            addInto(mix, post, 1);
            if (track.reverbSendDb() != ChannelStrip.OFF) {
                addInto(reverbSend, post, dbToGain(track.reverbSendDb()));
                anyReverb = true;
            }
            if (track.delaySendDb() != ChannelStrip.OFF) {
                addInto(delaySend, post, dbToGain(track.delaySendDb()));
                anyDelay = true;
            }
        }
        if (anyReverb) {
            addInto(mix, ChainRenderer.render(session.reverbBus(), new AudioBuffer(reverbSend, rateHz)), 1);
        }
        if (anyDelay) {
            addInto(mix, ChainRenderer.render(session.delayBus(), new AudioBuffer(delaySend, rateHz)), 1);
        }
        List<ProcessorSettings> master = new ArrayList<>(session.masterChain().steps());
        master.add(new GainSettings(Param.of(session.masterFaderDb())));
        return new Render(ChainRenderer.render(new ChainDescription(master), new AudioBuffer(mix, rateHz)), meters);
    }

    /**
     * What one track sends into the reverb bus at a 0 dB fader and a 0 dB send, through the bus: the
     * "wet" copy of the stem that a least-squares fit can weigh to estimate a mix's reverb send level.
     */
    public AudioBuffer reverbReturnAtUnity(MixSession session, String stem) {
        checkStems(session);
        ChannelStrip track = session.track(stem).orElseThrow(() -> new BadInputException("the session has no track " + stem))
                .withFaderDb(0);
        AudioBuffer in = inserted(track).audio();
        AudioBuffer post = ChainRenderer.render(track.faderAndPan(in.channelCount() == 2), in);
        return ChainRenderer.render(session.reverbBus(), post);
    }

    private void checkStems(MixSession session) {
        for (ChannelStrip track : session.tracks()) {
            if (!stems.containsKey(track.stem())) {
                throw new BadInputException("the session has a track for the stem '" + track.stem()
                        + "', which is not among the stems (" + String.join(", ", stems.keySet()) + ")");
            }
        }
    }

    private Inserted inserted(ChannelStrip track) {
        ChainDescription inserts = track.inserts();
        Inserted cached = inserted.get(track.stem());
        if (cached != null && cached.inserts().equals(inserts)) {
            return cached;
        }
        AudioBuffer stem = stems.get(track.stem());
        Chain chain = inserts.create();
        float[] perSample = null;
        Optional<Dynamics> compressor = chain.processors().stream()
                .filter(Dynamics.class::isInstance).map(Dynamics.class::cast).findFirst();
        if (compressor.isPresent()) {
            perSample = new float[stem.frames()];
            compressor.get().recordGainReduction(perSample);
        }
        AudioBuffer audio = inserts.steps().isEmpty() ? stem : ChainRenderer.render(chain, inserts.needsStereo(), stem);
        Inserted made = new Inserted(inserts, audio, perSample == null ? new float[0] : meter(perSample));
        inserted.put(track.stem(), made);
        return made;
    }

    /** The largest gain reduction of each {@link #METER_STEP_S} step. */
    private float[] meter(float[] perSample) {
        int step = (int) Math.round(METER_STEP_S * rateHz);
        float[] out = new float[(perSample.length + step - 1) / step];
        for (int i = 0; i < perSample.length; i++) {
            out[i / step] = Math.max(out[i / step], perSample[i]);
        }
        return out;
    }

    private static void addInto(float[][] sum, AudioBuffer audio, double gain) {
        float g = (float) gain;
        for (int c = 0; c < 2; c++) {
            float[] x = audio.channel(Math.min(c, audio.channelCount() - 1));
            float[] out = sum[c];
            int n = Math.min(out.length, x.length);
            for (int i = 0; i < n; i++) {
                out[i] += g * x[i];
            }
        }
    }

    private static double dbToGain(double db) {
        return Decibels.toGain(db);
    }
}
