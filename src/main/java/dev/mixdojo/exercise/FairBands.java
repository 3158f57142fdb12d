package dev.mixdojo.exercise;

import dev.mixdojo.base.BadInputException;
import dev.mixdojo.material.BandEnergy;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * The bands a question may ask about: octave and third-octave centres as engineers name them, and
 * only those the excerpt carries energy in (RESEARCH.md: a fair question never asks about a band the
 * material has no energy in).
 */
final class FairBands {
    /** A band counts as carrying the material when its energy is at most this far below the total (dB). */
    static final double FAIR_BAND_DB = -30;

    /** ISO 266 nominal third-octave centres (Hz); every third one, from 31.5 Hz, is an octave centre. */
    static final List<Double> THIRD_OCTAVE_CENTRES_HZ = List.of(31.5, 40.0, 50.0, 63.0, 80.0, 100.0, 125.0, 160.0,
            200.0, 250.0, 315.0, 400.0, 500.0, 630.0, 800.0, 1000.0, 1250.0, 1600.0, 2000.0, 2500.0, 3150.0, 4000.0,
            5000.0, 6300.0, 8000.0, 10000.0, 12500.0, 16000.0);

    private FairBands() {
    }

    /** Octave (or third-octave) band centres from lowHz to highHz, as engineers name them. */
    static List<Double> bandCentres(boolean third, double lowHz, double highHz) {
        List<Double> centres = IntStream.range(0, THIRD_OCTAVE_CENTRES_HZ.size())
                .filter(i -> third || i % 3 == 0)
                .mapToObj(THIRD_OCTAVE_CENTRES_HZ::get)
                .filter(f -> f >= lowHz * 0.99 && f <= highHz * 1.01)
                .toList();
        if (centres.size() < 2) {
            throw new IllegalArgumentException("lowHz to highHz must span at least two bands");
        }
        return centres;
    }

    /**
     * A band the excerpt carries energy in, chosen at random (more often the learner's weak bands,
     * when the excerpt carries {@link TargetWeights}); refuses the question when there is none.
     */
    static double fairBand(List<Double> centres, ChangeKind.Excerpt excerpt, SplittableRandom random) {
        List<Double> fair = centres.stream().filter(f -> carries(excerpt.bandEnergyDb(), f)).toList();
        if (fair.isEmpty()) {
            throw noEnergy(centres);
        }
        return excerpt.weights().pick(fair, Quantity.FREQUENCY::format, random);
    }

    /** The refusal of a question whose material has no energy in any of the bands it could ask about. */
    static BadInputException noEnergy(List<Double> centres) {
        return new BadInputException("the material has no energy in the bands this drill asks about ("
                + Quantity.FREQUENCY.format(centres.get(0)) + " to " + Quantity.FREQUENCY.format(centres.get(centres.size() - 1))
                + "); choose other material or other bands");
    }

    /** Whether the excerpt has energy at this frequency's octave (always, when not known yet). */
    static boolean carries(List<Double> bandEnergyDb, double frequencyHz) {
        if (bandEnergyDb.isEmpty()) {
            return true;
        }
        int nearest = 0;
        for (int i = 1; i < BandEnergy.CENTRES_HZ.size(); i++) {
            if (Math.abs(Math.log(BandEnergy.CENTRES_HZ.get(i) / frequencyHz))
                    < Math.abs(Math.log(BandEnergy.CENTRES_HZ.get(nearest) / frequencyHz))) {
                nearest = i;
            }
        }
        return bandEnergyDb.get(nearest) >= FAIR_BAND_DB;
    }
}
