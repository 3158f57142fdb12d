package dev.mixdojo.exercise;

import dev.mixdojo.audio.AudioBuffer;
import org.junit.jupiter.api.Test;

/**
 * Proves that translation questions carry their change: a solver that uses only the rendered audio
 * and the analysis package (never the answer key) names the playback system of at least 48 of 50
 * seeded questions at the easiest level.
 */
class TranslationMachineListenerTest extends WithMaterial {
    @Test
    void whichSystemAMixPlaysOn() {
        Drills.assertSolved(audio, TranslationKinds.whichSystem(), "song/pop-sunrise", "{excerptS: 4}", 1, question -> {
            Listener listener = new Listener(question);
            // The lows against the mids, and the side (L − R) against the mid (L + R) next to the original's.
            double lowsDb = listener.differenceDb(40, 100) - listener.differenceDb(500, 2000);
            double widthDb = sideOverMidDb(question.audio().get("processed")) - sideOverMidDb(question.audio().get("original"));
            String system;
            if (lowsDb < -15) {
                system = "Phone";
            } else if (widthDb < -15) {
                system = "Club";
            } else if (widthDb > 1) {
                system = "Earbuds";
            } else {
                system = "Car";
            }
            return new Answer.Chosen(system);
        });
    }

    private static double sideOverMidDb(AudioBuffer stereo) {
        double side = 0;
        double mid = 0;
        float[] left = stereo.channel(0);
        float[] right = stereo.channel(1);
        for (int i = 0; i < left.length; i++) {
            side += Math.pow(left[i] - right[i], 2);
            mid += Math.pow(left[i] + right[i], 2);
        }
        return 10 * Math.log10((side + 1e-20) / mid);
    }
}
