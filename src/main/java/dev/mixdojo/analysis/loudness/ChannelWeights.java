package dev.mixdojo.analysis.loudness;

/**
 * The BS.1770-4 channel weights G_i for a channel count, assuming the usual order (ITU-R BS.775 /
 * SMPTE): mono; L R; L R C; L R Ls Rs; L R C Ls Rs; L R C LFE Ls Rs; L R C LFE Ls Rs Cs;
 * L R C LFE Ls Rs Lb Rb. Front channels weigh 1.0, surround and back channels 1.41 (+1.5 dB),
 * LFE 0 (excluded).
 */
final class ChannelWeights {
    /** BS.1770-4 Table 3: channels at |azimuth| ≥ 60° weigh 1.41. */
    static final double SURROUND = 1.41;

    private ChannelWeights() {
    }

    /** The weights for 1–8 channels in the order documented on this class. */
    static double[] forChannelCount(int channelCount) {
        double s = SURROUND;
        return switch (channelCount) {
            case 1 -> new double[] {1};
            case 2 -> new double[] {1, 1};
            case 3 -> new double[] {1, 1, 1};
            case 4 -> new double[] {1, 1, s, s};
            case 5 -> new double[] {1, 1, 1, s, s};
            case 6 -> new double[] {1, 1, 1, 0, s, s};
            case 7 -> new double[] {1, 1, 1, 0, s, s, s};
            case 8 -> new double[] {1, 1, 1, 0, s, s, s, s};
            default -> throw new IllegalArgumentException(
                    "loudness is defined here for 1 to 8 channels, got " + channelCount);
        };
    }
}
