package dev.mixdojo.analysis.dynamics;

import java.util.List;

/**
 * How often each short-term loudness occurred: {@code counts.get(i)} values (10 ms grid) fell in
 * [lowestLufs + i·binLu, lowestLufs + (i+1)·binLu); values below the lowest bin (silence) are not
 * counted. Immutable.
 *
 * @param lowestLufs lower edge of the first bin in LUFS
 * @param binLu bin width in LU
 * @param counts number of values per bin
 */
public record LoudnessHistogram(double lowestLufs, double binLu, List<Integer> counts) {
    /** Copies the counts and checks the bin width. */
    public LoudnessHistogram {
        counts = List.copyOf(counts);
        if (!(binLu > 0)) {
            throw new IllegalArgumentException("histogram bins must be wider than 0 LU");
        }
    }

    /** The most frequent short-term loudness (bin centre) in LUFS, or NaN when empty. */
    public double modeLufs() {
        int best = -1;
        for (int i = 0; i < counts.size(); i++) {
            if (counts.get(i) > 0 && (best < 0 || counts.get(i) > counts.get(best))) {
                best = i;
            }
        }
        return best < 0 ? Double.NaN : lowestLufs + (best + 0.5) * binLu;
    }
}
