package dev.mixdojo.analysis.report;

import dev.mixdojo.analysis.loudness.GatingBlocks;
import dev.mixdojo.analysis.loudness.LoudnessResult;
import dev.mixdojo.analysis.spectrum.BandLevels;
import dev.mixdojo.analysis.spectrum.FrequencyBands;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * What several programmes measure as a whole (an album, or a class's bounces): the album's
 * integrated loudness and loudness range, from every track's gating blocks gated as one programme
 * (EBU R128 album loudness, as libebur128's {@code ebur128_loudness_global_multiple}); its highest
 * true peak; the quietest and loudest track; the spread of PLR; and, when spectra were measured,
 * the tonal balance. Immutable.
 *
 * @param trackCount the programmes measured together
 * @param integratedLufs album integrated loudness in LUFS (negative infinity when all is silence)
 * @param loudnessRangeLu album loudness range in LU (NaN without blocks above the gates)
 * @param truePeakDbtp the highest true peak of any track, in dBTP
 * @param integratedLufsSpread the quietest and the loudest track by integrated loudness
 * @param plrDbSpread the lowest and highest peak-to-loudness ratio, in dB
 * @param tonalBalance the tracks' tonal balance, when every track's spectrum was measured
 */
public record AlbumAnalysis(
        int trackCount,
        double integratedLufs,
        double loudnessRangeLu,
        double truePeakDbtp,
        Spread integratedLufsSpread,
        Spread plrDbSpread,
        Optional<TonalSpread> tonalBalance) {

    /**
     * The lowest and the highest value of one figure over the tracks, with their files; values that
     * do not exist (the PLR of silence) are left out, and both ends are NaN when none exists.
     */
    public record Spread(double lowest, String lowestFile, double highest, String highestFile) {
        /** Highest minus lowest. */
        public double range() {
            return highest - lowest;
        }
    }

    /**
     * Tonal balance over the tracks on third-octave bands, each track's spectrum at its own
     * loudness (as in a track's report): the mean level per band and how far apart the tracks are
     * in it (highest minus lowest); NaN in a band where a track has no energy.
     *
     * @param meanDb mean level per band in dB re each track's loudness
     * @param rangeDb highest minus lowest track per band, in dB
     */
    public record TonalSpread(BandLevels meanDb, BandLevels rangeDb) {
        /** Bands from this centre frequency up count towards a track's deviation (below, few masters have much energy). */
        public static final double DEVIATION_LOWEST_HZ = 31.5;
        /** Bands up to this centre frequency count towards a track's deviation. */
        public static final double DEVIATION_HIGHEST_HZ = 16000;

        /** Bands this far (dB) or further below the album's strongest band hold nothing audible and do not count. */
        public static final double DEVIATION_RANGE_DB = 60;

        /**
         * How far a track's tonal balance lies from the album's, in dB: the RMS over the bands from
         * {@value #DEVIATION_LOWEST_HZ} Hz to 16 kHz, and within {@value #DEVIATION_RANGE_DB} dB of the
         * album's strongest band, of the track's level minus the album's mean (NaN when no band counts).
         */
        public double deviationDb(BandLevels track) {
            double strongest = meanDb.levelsDb().stream().filter(Double::isFinite).mapToDouble(v -> v).max().orElse(Double.NaN);
            double sum = 0;
            int count = 0;
            for (int b = 0; b < Math.min(track.bands().count(), meanDb.bands().count()); b++) {
                double f = meanDb.bands().centreHz(b);
                double difference = track.levelDb(b) - meanDb.levelDb(b);
                if (f >= DEVIATION_LOWEST_HZ - 0.5 && f <= DEVIATION_HIGHEST_HZ + 0.5 && Double.isFinite(difference)
                        && meanDb.levelDb(b) > strongest - DEVIATION_RANGE_DB) {
                    sum += difference * difference;
                    count++;
                }
            }
            return count == 0 ? Double.NaN : Math.sqrt(sum / count);
        }
    }

    /**
     * The album measures of the given analyses; empty unless there are two or more and each has a
     * loudness section.
     */
    public static Optional<AlbumAnalysis> of(List<ProgrammeAnalysis> tracks) {
        if (tracks.size() < 2 || tracks.stream().anyMatch(t -> t.loudness().isEmpty())) {
            return Optional.empty();
        }
        List<LoudnessResult> loudness = tracks.stream().map(t -> t.loudness().orElseThrow()).toList();
        GatingBlocks album = GatingBlocks.concatenated(loudness.stream().map(LoudnessResult::gatingBlocks).toList());
        double truePeak = loudness.stream().mapToDouble(LoudnessResult::truePeakDbtp).max().orElseThrow();
        return Optional.of(new AlbumAnalysis(tracks.size(), album.integratedLufs(), album.loudnessRangeLu(), truePeak,
                spread(tracks, t -> t.loudness().orElseThrow().integratedLufs()),
                spread(tracks, t -> t.loudness().orElseThrow().plrDb()),
                tonalSpread(tracks)));
    }

    private static Spread spread(List<ProgrammeAnalysis> tracks, ToDoubleFunction<ProgrammeAnalysis> figure) {
        ProgrammeAnalysis lowest = null;
        ProgrammeAnalysis highest = null;
        for (ProgrammeAnalysis t : tracks) {
            double v = figure.applyAsDouble(t);
            if (Double.isNaN(v)) {
                continue;
            }
            if (lowest == null || v < figure.applyAsDouble(lowest)) {
                lowest = t;
            }
            if (highest == null || v > figure.applyAsDouble(highest)) {
                highest = t;
            }
        }
        return lowest == null ? new Spread(Double.NaN, "", Double.NaN, "")
                : new Spread(figure.applyAsDouble(lowest), lowest.file(), figure.applyAsDouble(highest), highest.file());
    }

    private static Optional<TonalSpread> tonalSpread(List<ProgrammeAnalysis> tracks) {
        if (tracks.stream().anyMatch(t -> t.spectrum().isEmpty())) {
            return Optional.empty();
        }
        List<BandLevels> levels = tracks.stream().map(t -> t.spectrum().orElseThrow().thirdOctave()).toList();
        // Tracks at different sample rates share the bands below the lowest Nyquist frequency.
        BandLevels fewest = levels.stream().min((a, b) -> Integer.compare(a.bands().count(), b.bands().count())).orElseThrow();
        FrequencyBands bands = fewest.bands();
        List<Double> mean = new ArrayList<>();
        List<Double> range = new ArrayList<>();
        for (int b = 0; b < bands.count(); b++) {
            double sum = 0;
            double low = Double.POSITIVE_INFINITY;
            double high = Double.NEGATIVE_INFINITY;
            for (BandLevels track : levels) {
                double v = track.levelDb(b);
                sum += v;
                low = Math.min(low, v);
                high = Math.max(high, v);
            }
            boolean allFinite = Double.isFinite(sum) && Double.isFinite(low) && Double.isFinite(high);
            mean.add(allFinite ? sum / levels.size() : Double.NaN);
            range.add(allFinite ? high - low : Double.NaN);
        }
        return Optional.of(new TonalSpread(new BandLevels(bands, mean), new BandLevels(bands, range)));
    }
}
