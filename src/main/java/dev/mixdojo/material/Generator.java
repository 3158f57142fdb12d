package dev.mixdojo.material;

import dev.mixdojo.audio.AudioBuffer;
import dev.mixdojo.material.synth.Instrument;
import dev.mixdojo.material.synth.InstrumentModel;
import dev.mixdojo.material.synth.Noise;
import dev.mixdojo.material.synth.Note;
import dev.mixdojo.material.synth.Room;
import dev.mixdojo.material.synth.SynthMath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;

/**
 * Renders a built-in material offline to 48 kHz stems and a rough mix. Deterministic: the same
 * description and seed give bit-identical audio (single-threaded, seeded randomness, no clock).
 * Stateless and thread-safe.
 */
final class Generator {
    /** Bump when a change to the synthesis (or the catalog's analysis) changes results, so cached ones are not reused. */
    static final int VERSION = 4;
    /** Seconds rendered after the form ends, so decays and the room ring out. */
    static final double TAIL_S = 2.0;
    /** log2(1000): a sweep from 20 Hz rises by this many octaves to 20 kHz. */
    private static final double LOG2_1000 = StrictMath.log(1000) / StrictMath.log(2);

    private Generator() {
    }

    /** Renders a song or signal; stems and mix are peak-normalised. */
    static Multitrack render(MaterialSpec spec, long seed) {
        return render(spec, seed, share -> { });
    }

    /** As {@link #render(MaterialSpec, long)}, telling {@code progress} the share of a song's tracks rendered (0…1) after each. */
    static Multitrack render(MaterialSpec spec, long seed, DoubleConsumer progress) {
        return render(spec, seed, progress, stem -> { });
    }

    /**
     * As {@link #render(MaterialSpec, long, DoubleConsumer)}, handing {@code ready} each stem of a song as soon as it
     * is rendered (a copy, finished as the multitrack's own will be, sample for sample; the rooms, which hear the
     * drums, come last).
     */
    static Multitrack render(MaterialSpec spec, long seed, DoubleConsumer progress, Consumer<Stem> ready) {
        if (spec instanceof Song song) {
            return renderSong(song, seed, progress, ready);
        }
        Multitrack signal = renderSignal((SignalSpec) spec, seed);
        signal.stems().forEach(ready);
        return signal;
    }

    private static Multitrack renderSong(Song song, long seed, DoubleConsumer progress, Consumer<Stem> ready) {
        int frames = SynthMath.frames(song.durationS() + TAIL_S);
        Map<String, List<Note>> notes = Arranger.arrange(song, seed);
        List<Stem> stems = new ArrayList<>();
        for (Song.Track track : song.tracks()) {
            if (track.sound().model() == InstrumentModel.ROOM) {
                continue;
            }
            AudioBuffer audio = AudioBuffer.silence(track.sound().model().channels(), frames, SynthMath.SAMPLE_RATE_HZ);
            Instrument.create(track.sound(), Arranger.seedFor(seed, track.stem(), "sound"))
                    .render(notes.get(track.stem()), audio.channels());
            Stem stem = new Stem(track.stem(), track.role(), audio, track.gainDb(), track.pan());
            stems.add(stem);
            ready.accept(finished(stem.withAudio(audio.copy())));
            progress.accept(stems.size() / (double) song.tracks().size());
        }
        // Rooms hear the drums before the drum stems are normalised, at their send levels.
        List<Stem> rooms = new ArrayList<>();
        for (Song.Track track : song.tracks()) {
            if (track.sound().model() != InstrumentModel.ROOM) {
                continue;
            }
            float[] drums = new float[frames];
            for (Song.Track source : song.tracks()) {
                Double sendDb = track.sendsDb().get(source.stem());
                if (sendDb != null) {
                    float gain = (float) SynthMath.dbToGain(sendDb);
                    float[] dry = stems.stream().filter(s -> s.name().equals(source.stem())).findFirst()
                            .orElseThrow().audio().channel(0);
                    for (int i = 0; i < frames; i++) {
                        drums[i] += gain * dry[i];
                    }
                }
            }
            AudioBuffer audio = AudioBuffer.silence(2, frames, SynthMath.SAMPLE_RATE_HZ);
            new Room(track.sound()).render(drums, audio.channels());
            rooms.add(new Stem(track.stem(), track.role(), audio, track.gainDb(), track.pan()));
        }
        rooms.forEach(room -> ready.accept(finished(room.withAudio(room.audio().copy()))));
        List<Stem> ordered = new ArrayList<>();
        for (Song.Track track : song.tracks()) {
            Stem stem = (track.sound().model() == InstrumentModel.ROOM ? rooms : stems).stream()
                    .filter(s -> s.name().equals(track.stem())).findFirst().orElseThrow();
            ordered.add(finished(stem));
        }
        return new Multitrack(song.name(), ordered, RoughMix.mix(ordered));
    }

    /** The stem with its DC removed and its peak normalised, in place. */
    private static Stem finished(Stem stem) {
        Normalisation.removeDc(stem.audio());
        Normalisation.normalise(stem.audio());
        return stem;
    }

    private static Multitrack renderSignal(SignalSpec signal, long seed) {
        int frames = SynthMath.frames(signal.durationS());
        AudioBuffer audio = AudioBuffer.silence(signal.channels(), frames, SynthMath.SAMPLE_RATE_HZ);
        double targetRms = SynthMath.dbToGain(signal.rmsDbfs());
        for (int c = 0; c < signal.channels(); c++) {
            float[] channel = audio.channel(c);
            Noise noise = new Noise(Arranger.seedFor(seed, signal.name(), "channel" + c));
            double phase = 0;
            for (int i = 0; i < frames; i++) {
                double value = switch (signal.waveform()) {
                    case PINK_NOISE -> noise.pink();
                    case WHITE_NOISE -> noise.white();
                    case TONE -> SynthMath.sine(phase);
                    case SWEEP -> SynthMath.sine(phase);
                };
                double frequencyHz = signal.waveform() == SignalSpec.Waveform.SWEEP
                        ? 20 * SynthMath.exp2(LOG2_1000 * i / frames) : signal.frequencyHz();
                phase = SynthMath.wrap(phase + frequencyHz / SynthMath.SAMPLE_RATE_HZ);
                channel[i] = (float) value;
            }
            scaleToRms(channel, targetRms);
            fadeEnds(channel);
        }
        Stem stem = new Stem(signal.waveform().fileName, signal.roles().get(0), audio, 0, 0);
        return new Multitrack(signal.name(), List.of(stem), RoughMix.mix(List.of(stem)));
    }

    private static void scaleToRms(float[] channel, double targetRms) {
        double sum = 0;
        for (float sample : channel) {
            sum += sample * (double) sample;
        }
        double rms = StrictMath.sqrt(sum / channel.length);
        float gain = (float) (targetRms / rms);
        for (int i = 0; i < channel.length; i++) {
            channel[i] *= gain;
        }
    }

    /** 10 ms raised-cosine fades so a looped or started signal never clicks. */
    private static void fadeEnds(float[] channel) {
        int fade = Math.min(SynthMath.frames(0.01), channel.length / 2);
        for (int i = 0; i < fade; i++) {
            double half = SynthMath.sine(0.25 * i / fade);
            float gain = (float) (half * half);
            channel[i] *= gain;
            channel[channel.length - 1 - i] *= gain;
        }
    }
}
