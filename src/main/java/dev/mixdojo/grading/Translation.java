package dev.mixdojo.grading;

import dev.mixdojo.analysis.KWeighting;
import dev.mixdojo.analysis.Levels;
import dev.mixdojo.analysis.spectrum.BandLevels;
import dev.mixdojo.analysis.spectrum.FrequencyBands;
import dev.mixdojo.analysis.spectrum.WelchAnalyzer;
import dev.mixdojo.audio.AudioBuffer;
import dev.mixdojo.base.BadInputException;
import dev.mixdojo.dsp.chain.ChainDescription;
import dev.mixdojo.dsp.chain.ChainRenderer;
import dev.mixdojo.exercise.PlaybackSystem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * What will be lost on each playback system: the mix made of its stems, played through the
 * translation drills' simulated systems at full strength and turned up or down to the studio mix's
 * K-weighted level (the drills match gated integrated loudness, which reads the same on music
 * without long silences), and then how far each octave band of the mix and each stem has moved. A stem that drops 10 dB against the rest is heard at about half its loudness (Stevens'
 * sone scale) and is in danger of being lost; one that moves by no more than the level JND keeps
 * its place. Levels are K-weighted (BS.1770) mean squares over the whole song, ungated: each stem is
 * compared with itself, so its silences cancel out of the change, and a stem a system all but
 * removes still reads a number instead of falling under the loudness gate.
 */
public final class Translation {
    /** A stem this far below its place (dB) is heard at about half its loudness: nearly lost. */
    public static final double NEARLY_LOST_DB = -10;

    private Translation() {
    }

    /**
     * How one stem moves against the mix on a system: its K-weighted level change after the system's
     * playback is matched to the studio mix's loudness.
     *
     * @param stem     the stem's name
     * @param changeDb its level change against the mix (dB; negative: it drops back; negative infinity: it
     *                 cancels out, as a part in opposite polarity on the two sides does in mono)
     */
    public record StemChange(String stem, double changeDb) {
        /** Whether the stem is lost or nearly lost: {@link #NEARLY_LOST_DB} or more below its place. */
        public boolean atRisk() {
            return changeDb <= NEARLY_LOST_DB;
        }

        /** What a listener notices: lost (it cancels out), nearly lost, drops back, keeps its place or comes forward. */
        public String word() {
            if (changeDb == Double.NEGATIVE_INFINITY) {
                return "lost";
            }
            if (atRisk()) {
                return "nearly lost";
            }
            if (Verdict.of(Math.abs(changeDb), Aspect.LEVEL.jnd()) == Verdict.WITHIN) {
                return "keeps its place";
            }
            return changeDb < 0 ? "drops back" : "comes forward";
        }
    }

    /**
     * One system's effect on the mix.
     *
     * @param system        the simulated system
     * @param matchGainDb   the gain that brings the system's playback to the studio mix's level (NaN when the
     *                      whole mix cancels out on the system)
     * @param bandChangesDb each octave band's level change after that gain (NaN where the mix has no energy)
     * @param stems         each stem's change, quietest first (silent stems are left out)
     */
    public record SystemChange(PlaybackSystem system, double matchGainDb, BandLevels bandChangesDb, List<StemChange> stems) {
        /** Copies the list. */
        public SystemChange {
            stems = List.copyOf(stems);
        }
    }

    /**
     * The check of one mix.
     *
     * @param stemCount the stems played, silent ones included
     * @param durationS the mix's length
     * @param systems   one change per system asked for, in the order asked
     * @param setAside  the files of the folder left out as not stems (a rough mix, the mix itself, a reference…)
     */
    public record Report(int stemCount, double durationS, List<SystemChange> systems, List<StemSet.SetAside> setAside) {
        /** Copies the lists. */
        public Report {
            systems = List.copyOf(systems);
            setAside = List.copyOf(setAside);
        }
    }

    /**
     * Plays the mix of {@code set}'s stems (summed at unity gain, as stems bounced from a mix sum to it; a
     * mono stem sits in the centre) on each of {@code systems}; the files set aside as not stems are left out
     * and named in the report. All stems must share one sample rate.
     */
    public static Report check(StemSet set, List<PlaybackSystem> systems) {
        List<StemAudio> stems = set.stems();
        if (stems.isEmpty()) {
            throw new BadInputException("There are no stems to play.");
        }
        int rateHz = stems.get(0).audio().sampleRateHz();
        List<AudioBuffer> stereoStems = new ArrayList<>();
        int frames = 0;
        for (StemAudio stem : stems) {
            if (stem.audio().sampleRateHz() != rateHz) {
                throw new BadInputException("Stem " + stem.name() + " runs at " + stem.audio().sampleRateHz() + " Hz but "
                        + stems.get(0).name() + " at " + rateHz + " Hz: bounce the stems at one rate.");
            }
            stereoStems.add(stereo(stem.audio()));
            frames = Math.max(frames, stem.audio().frames());
        }
        AudioBuffer mix = sum(stereoStems, frames, rateHz);
        FrequencyBands bands = FrequencyBands.octaves(rateHz * 0.45);
        List<ChainDescription> chains = systems.stream().map(system -> system.chainAt(1)).toList();
        // The mix (index 0, with its octave bands) and each stem, on the cores there are.
        List<Played> played = IntStream.rangeClosed(0, stems.size()).parallel()
                .mapToObj(i -> i == 0 ? Played.of(mix, chains, bands) : Played.of(stereoStems.get(i - 1), chains, null))
                .toList();
        Played mixPlayed = played.get(0);
        if (mixPlayed.powers()[0] == 0) {
            throw new BadInputException("The stems are silent: there is nothing to play.");
        }
        List<SystemChange> changes = new ArrayList<>();
        for (int k = 0; k < systems.size(); k++) {
            // A mix that cancels out entirely (one side in opposite polarity, folded to mono) cannot be
            // turned up to the studio level: everything in it is lost.
            boolean cancelled = mixPlayed.powers()[k + 1] == 0;
            double matchGainDb = cancelled ? Double.NaN : -mixPlayed.changeDb(k);
            List<Double> bandChanges = new ArrayList<>();
            for (int b = 0; b < bands.count(); b++) {
                double before = mixPlayed.bandPowers()[0][b];
                bandChanges.add(before > 0 ? Levels.powerToDb(mixPlayed.bandPowers()[k + 1][b] / before) + matchGainDb : Double.NaN);
            }
            List<StemChange> stemChanges = new ArrayList<>();
            for (int s = 0; s < stems.size(); s++) {
                Played stem = played.get(s + 1);
                if (stem.powers()[0] > 0) {
                    stemChanges.add(new StemChange(stems.get(s).name(),
                            cancelled ? Double.NEGATIVE_INFINITY : stem.changeDb(k) + matchGainDb));
                }
            }
            stemChanges.sort(Comparator.comparingDouble(StemChange::changeDb));
            changes.add(new SystemChange(systems.get(k), matchGainDb, new BandLevels(bands, bandChanges), stemChanges));
        }
        return new Report(stems.size(), frames / (double) rateHz, changes, set.setAside());
    }

    /**
     * One piece of audio as it is and through each system: K-weighted powers (index 0 as it is, then
     * one per system) and, when asked, the power in each band.
     */
    private record Played(double[] powers, double[][] bandPowers) {
        static Played of(AudioBuffer audio, List<ChainDescription> chains, FrequencyBands bands) {
            double[] powers = new double[chains.size() + 1];
            double[][] bandPowers = new double[chains.size() + 1][];
            for (int k = 0; k <= chains.size(); k++) {
                AudioBuffer version = k == 0 ? audio : ChainRenderer.render(chains.get(k - 1), audio);
                powers[k] = kWeightedPower(version);
                if (bands != null) {
                    bandPowers[k] = powersIn(version, bands);
                }
            }
            return new Played(powers, bandPowers);
        }

        /** The level change (dB) through system {@code k}. */
        double changeDb(int k) {
            return Levels.powerToDb(powers[k + 1] / powers[0]);
        }
    }

    /** The stem on two channels: a mono stem in the centre, both channels the same. */
    private static AudioBuffer stereo(AudioBuffer audio) {
        return audio.channelCount() == 2 ? audio : new AudioBuffer(new float[][] {audio.channel(0), audio.channel(0)}, audio.sampleRateHz());
    }

    private static AudioBuffer sum(List<AudioBuffer> stems, int frames, int rateHz) {
        float[][] out = new float[2][frames];
        for (AudioBuffer stem : stems) {
            for (int c = 0; c < 2; c++) {
                float[] in = stem.channel(c);
                for (int i = 0; i < in.length; i++) {
                    out[c][i] += in[i];
                }
            }
        }
        return new AudioBuffer(out, rateHz);
    }

    /** The K-weighted mean square summed over the channels (BS.1770's channel sum, ungated). */
    static double kWeightedPower(AudioBuffer audio) {
        int channels = audio.channelCount();
        KWeighting weighting = new KWeighting(channels, audio.sampleRateHz());
        int blockFrames = 8192;
        double[][] block = new double[channels][blockFrames];
        double sum = 0;
        for (int start = 0; start < audio.frames(); start += blockFrames) {
            int n = Math.min(blockFrames, audio.frames() - start);
            for (int c = 0; c < channels; c++) {
                float[] in = audio.channel(c);
                for (int i = 0; i < n; i++) {
                    block[c][i] = in[start + i];
                }
            }
            weighting.process(block, n);
            for (double[] channel : block) {
                for (int i = 0; i < n; i++) {
                    sum += channel[i] * channel[i];
                }
            }
        }
        return sum / Math.max(1, audio.frames());
    }

    /** Mean power in each band over both channels (Welch). */
    private static double[] powersIn(AudioBuffer audio, FrequencyBands bands) {
        WelchAnalyzer welch = new WelchAnalyzer(audio.sampleRateHz(), audio.channelCount());
        welch.accept(audio.channels(), audio.frames());
        return bands.sum(welch.spectra().totalPower(), welch.spectra().binHz());
    }
}
