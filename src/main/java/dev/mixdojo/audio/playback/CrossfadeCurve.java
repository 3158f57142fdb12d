package dev.mixdojo.audio.playback;

/** How a fade's position (0…1, linear in time) maps to a gain (0…1). */
enum CrossfadeCurve {
    /**
     * Gain equals position: the two gains always sum to 1, so two correlated signals (an original
     * and its processed version, the A/B case) keep their amplitude through the fade.
     */
    LINEAR {
        @Override
        double gain(double position) {
            return position;
        }
    },
    /**
     * Gain is sin(position·π/2): the squared gains sum to 1, so two uncorrelated signals keep
     * their power, but correlated ones bulge by up to +3 dB at the midpoint.
     */
    EQUAL_POWER {
        @Override
        double gain(double position) {
            return Math.sin(position * (Math.PI / 2));
        }
    };

    /** The gain (0…1) at a fade position (0…1); allocation-free, for the audio thread. */
    abstract double gain(double position);
}
