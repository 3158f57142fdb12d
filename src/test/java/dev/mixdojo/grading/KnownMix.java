package dev.mixdojo.grading;

import dev.mixdojo.audio.AudioBuffer;
import dev.mixdojo.audio.AudioFiles;
import dev.mixdojo.audio.SampleEncoding;
import dev.mixdojo.dsp.ProcessorSettings;
import dev.mixdojo.dsp.automation.Param;
import dev.mixdojo.dsp.chain.ChainDescription;
import dev.mixdojo.dsp.chain.ChainRenderer;
import dev.mixdojo.dsp.eq.EqSettings;
import dev.mixdojo.dsp.spatial.GainSettings;
import dev.mixdojo.dsp.spatial.PanLaw;
import dev.mixdojo.dsp.spatial.PanSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Decorrelated noise stems and a mix of them rendered with known gains, pans and EQ by the dsp chain. */
public final class KnownMix {
    static final int RATE_HZ = 48_000;

    /**
     * How one stem goes into the mix.
     *
     * @param name     the stem's name
     * @param channels 1 (panned with the constant-power law) or 2 (gain only)
     * @param gainDb   fader gain in dB
     * @param pan      constant-power position −1…1 (mono stems only)
     * @param eq       EQ bands applied before the fader (may be empty)
     */
    public record Strip(String name, int channels, double gainDb, double pan, List<EqSettings> eq) {
    }

    private KnownMix() {
    }

    /** Five strips: a mono vocal with a 2 kHz bell and an 8 kHz shelf, three panned mono stems and one stereo stem. */
    public static List<Strip> fiveStrips() {
        return List.of(
                new Strip("Vocal", 1, 1.5, 0.0, List.of(
                        EqSettings.of(dev.mixdojo.dsp.eq.FilterType.PEAK, 2000, 6, 1.0, 12),
                        EqSettings.of(dev.mixdojo.dsp.eq.FilterType.HIGH_SHELF, 8000, -4, 0.7071, 12))),
                new Strip("Kick", 1, -2, 0.0, List.of()),
                new Strip("Guitar", 1, -6, -0.6, List.of()),
                new Strip("Bass", 1, -4, 0.3, List.of()),
                new Strip("Keys", 2, -3, 0.0, List.of()));
    }

    /** Seeded white noise at about −20 dBFS RMS on each channel; every stem and channel is independent. */
    public static List<StemAudio> stems(List<Strip> strips, double seconds, long seed) {
        int frames = (int) (seconds * RATE_HZ);
        List<StemAudio> stems = new ArrayList<>();
        Random random = new Random(seed);
        for (Strip strip : strips) {
            float[][] channels = new float[strip.channels()][frames];
            for (float[] channel : channels) {
                for (int i = 0; i < frames; i++) {
                    channel[i] = (float) (0.1 * random.nextGaussian());
                }
            }
            stems.add(new StemAudio(strip.name(), new AudioBuffer(channels, RATE_HZ)));
        }
        return stems;
    }

    /** The stereo mix, delayed by {@code delayFrames} (negative: advanced) as DAW latency would. */
    public static AudioBuffer mix(List<Strip> strips, List<StemAudio> stems, int delayFrames) {
        int frames = stems.get(0).audio().frames();
        float[][] mix = new float[2][frames];
        for (int s = 0; s < strips.size(); s++) {
            Strip strip = strips.get(s);
            List<ProcessorSettings> chain = new ArrayList<>(strip.eq());
            chain.add(new GainSettings(new Param.Fixed(strip.gainDb())));
            if (strip.channels() == 1) {
                chain.add(new PanSettings(new Param.Fixed(strip.pan()), PanLaw.CONSTANT_POWER));
            }
            AudioBuffer out = ChainRenderer.render(new ChainDescription(chain), stems.get(s).audio());
            for (int c = 0; c < 2; c++) {
                float[] x = out.channel(Math.min(c, out.channelCount() - 1));
                for (int i = 0; i < frames; i++) {
                    int at = i + delayFrames;
                    if (at >= 0 && at < frames) {
                        mix[c][at] += x[i];
                    }
                }
            }
        }
        return new AudioBuffer(mix, RATE_HZ);
    }

    /** A stems folder, a target and a mix bounced from it, as files. */
    public record Delivery(Path stemsFolder, Path target, Path mix) {
    }

    /** Writes the five stems (5 s, 24-bit), their target mix and a mix with the bass 3 dB up (latency 411 samples) into {@code root}. */
    public static Delivery writeBassThreeDecibelsUp(Path root) throws IOException {
        List<Strip> strips = fiveStrips();
        List<StemAudio> stems = stems(strips, 5, 3);
        Path stemsFolder = Files.createDirectory(root.resolve("stems"));
        for (StemAudio s : stems) {
            AudioFiles.write(stemsFolder.resolve(s.name() + ".wav"), s.audio(), SampleEncoding.PCM_24);
        }
        // Files are read in name order; the strips follow the stems, so the mix is built from the same list.
        Path target = root.resolve("target.wav");
        AudioFiles.write(target, mix(strips, stems, 0), SampleEncoding.PCM_24);
        List<Strip> moved = new ArrayList<>();
        for (Strip s : strips) {
            moved.add(s.name().equals("Bass") ? new Strip(s.name(), s.channels(), s.gainDb() + 3, s.pan(), s.eq()) : s);
        }
        Path mix = root.resolve("mix.wav");
        AudioFiles.write(mix, mix(moved, stems, 411), SampleEncoding.PCM_24);
        return new Delivery(stemsFolder, target, mix);
    }
}
