package dev.mixdojo.material;

import dev.mixdojo.audio.AudioBuffer;
import java.util.List;
import java.util.Locale;

/**
 * What MixDojo keeps about a song a learner imported (one file, a full mix) so that drills can use
 * it: its tempo and the stretch of it that drills play (a whole number of bars, chosen at import
 * as the loudest dense section and moved by the learner). Immutable.
 *
 * @param tempo          the song's tempo and bar lines
 * @param excerptStartS  where the drills' stretch starts, in seconds (on a bar line)
 * @param excerptLengthS how long it is, in seconds
 */
public record OwnSong(SongTempo tempo, double excerptStartS, double excerptLengthS) {
    /** The drills' stretch is at least this long when the song is, in seconds (drills take up to 30 s). */
    static final double SHORTEST_EXCERPT_S = 20;

    /** Checks the stretch. */
    public OwnSong {
        if (!(excerptStartS >= 0) || !(excerptLengthS > 0)) {
            throw new IllegalArgumentException("impossible excerpt: " + excerptStartS + " s for " + excerptLengthS + " s");
        }
    }

    /**
     * Finds the tempo and bar lines of {@code mix} and chooses the stretch drills play: a whole
     * number of bars, four at a time, lasting at least 20 s (or the whole song), starting on a
     * bar line ({@link Downbeats}), the loudest of the stretches whose onsets are at least as dense
     * as the song's median stretch.
     */
    public static OwnSong of(AudioBuffer mix) {
        Beats beats = BeatTracker.track(mix);
        SongTempo tempo = new SongTempo(beats.tempoBpm(), beats.doubt(), SongTempo.Choice.FOUND, Downbeats.firstS(mix, beats));
        // A bar as felt: the stretch starts on one whether or not the learner halves a tempo tracked at double.
        double barS = Downbeats.trackedBeatsPerBar(beats) * beats.beatS();
        int barsPerStretch = SongTempo.BEATS_PER_BAR * (int) Math.ceil(SHORTEST_EXCERPT_S / (SongTempo.BEATS_PER_BAR * barS));
        double lengthS = Math.min(barsPerStretch * barS, mix.durationS() - tempo.downbeatS());
        int candidates = (int) Math.floor((mix.durationS() - tempo.downbeatS() - lengthS) / barS) + 1;
        if (candidates <= 1) {
            return new OwnSong(tempo, tempo.downbeatS(), lengthS);
        }
        double[] meanSquare = new double[candidates];
        int[] onsets = new int[candidates];
        for (int i = 0; i < candidates; i++) {
            double startS = tempo.downbeatS() + i * barS;
            meanSquare[i] = meanSquare(mix, startS, lengthS);
            onsets[i] = count(beats.onsetsS(), startS, startS + lengthS);
        }
        int[] sorted = onsets.clone();
        java.util.Arrays.sort(sorted);
        double medianOnsets = sorted[sorted.length / 2];
        int best = -1;
        for (int i = 0; i < candidates; i++) {
            if (onsets[i] >= medianOnsets && (best < 0 || meanSquare[i] > meanSquare[best])) {
                best = i;
            }
        }
        return new OwnSong(tempo, tempo.downbeatS() + best * barS, lengthS);
    }

    /** The drills' stretch in words, e.g. "20.8 s from 0:41.5 (8 bars)". */
    public String describeExcerpt() {
        return String.format(Locale.ROOT, "%.1f s from %d:%04.1f (%d bars)", excerptLengthS,
                (int) (excerptStartS / 60), excerptStartS % 60, Math.round(excerptLengthS / tempo.barS()));
    }

    /** This song with the learner's tempo choice. */
    public OwnSong choosing(SongTempo.Choice choice) {
        return new OwnSong(tempo.choosing(choice), excerptStartS, excerptLengthS);
    }

    /** This song with the drills' stretch moved to the bar line nearest {@code startS}, within a song of {@code songS} seconds. */
    public OwnSong movedTo(double startS, double songS) {
        double latest = Math.max(0, songS - excerptLengthS);
        double bar = tempo.nearestBarS(Math.max(0, Math.min(latest, startS)));
        while (bar > latest + 1e-9 && bar - tempo.barS() >= 0) {
            bar -= tempo.barS();
        }
        return new OwnSong(tempo, bar, excerptLengthS);
    }

    private static double meanSquare(AudioBuffer mix, double startS, double lengthS) {
        int from = (int) Math.round(startS * mix.sampleRateHz());
        int to = Math.min(mix.frames(), from + (int) Math.round(lengthS * mix.sampleRateHz()));
        double sum = 0;
        for (float[] channel : mix.channels()) {
            for (int i = from; i < to; i++) {
                sum += (double) channel[i] * channel[i];
            }
        }
        return sum / Math.max(1, (long) (to - from) * mix.channelCount());
    }

    private static int count(List<Double> timesS, double fromS, double toS) {
        int n = 0;
        for (double t : timesS) {
            if (t >= fromS && t < toS) {
                n++;
            }
        }
        return n;
    }
}
