package dev.mixdojo.exercise;

import dev.mixdojo.base.BadInputException;
import dev.mixdojo.base.yaml.Problems;
import dev.mixdojo.base.yaml.YamlNode;
import dev.mixdojo.dsp.chain.ChainReader;
import dev.mixdojo.lesson.DrillSpec;
import dev.mixdojo.lesson.LessonLibrary;
import dev.mixdojo.lesson.MaterialRef;
import dev.mixdojo.material.BandEnergy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Every question kind MixDojo can ask, by the name lesson files use. The thresholds behind the
 * defaults are in RESEARCH.md: boosts are easier than cuts, octave bands before third-octave
 * bands, and a fair question never asks about a band the material has no energy in.
 */
public final class QuestionKinds {
    /** A band counts as carrying the material when its energy is at most this far below the total (dB). */
    static final double FAIR_BAND_DB = -30;

    private final Map<String, QuestionKind> byName = new LinkedHashMap<>();

    /** The built-in kinds. */
    public QuestionKinds() {
        for (QuestionKind kind : Stream.of(EqKinds.all(), PanKinds.all(), CompressionKinds.all(), LevelKinds.all(),
                EffectKinds.all(), AutomationKinds.all(), TranslationKinds.all())
                .flatMap(List::stream).toList()) {
            byName.put(kind.name(), kind);
        }
    }

    /** The kind with this name. */
    public Optional<QuestionKind> kind(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** All kinds in a stable order. */
    public List<QuestionKind> all() {
        return List.copyOf(byName.values());
    }

    /** The checks a lesson library runs on drills: the kind exists and accepts its options; the material exists. */
    public LessonLibrary.DrillChecks checks(ExerciseAudio audio) {
        return checks(audio::exists);
    }

    /**
     * The same checks except that any material counts as existing: enough to show the curriculum
     * and progress, where a missing song only matters once its drill runs (and checking it may
     * render songs).
     */
    public LessonLibrary.DrillChecks checksWithoutMaterial() {
        return checks(material -> true);
    }

    private LessonLibrary.DrillChecks checks(Predicate<MaterialRef> materialExists) {
        return new LessonLibrary.DrillChecks() {
            @Override
            public void check(DrillSpec drill, Problems problems) {
                Optional<QuestionKind> kind = kind(drill.kind());
                if (kind.isEmpty()) {
                    problems.add(drill.location(), "unknown drill kind '" + drill.kind() + "'; known kinds: "
                            + String.join(", ", byName.keySet()));
                    return;
                }
                kind.get().checkOptions(drill, problems);
            }

            @Override
            public boolean materialExists(MaterialRef material) {
                return materialExists.test(material);
            }

            @Override
            public void checkChain(YamlNode chain, Problems problems) {
                try {
                    ChainReader.read(chain);
                } catch (BadInputException e) {
                    problems.add(chain.location(), e.getMessage());
                }
            }
        };
    }

    // ---- shared by the kinds ----

    /** ISO 266 nominal third-octave centres (Hz); every third one, from 31.5 Hz, is an octave centre. */
    static final List<Double> THIRD_OCTAVE_CENTRES_HZ = List.of(31.5, 40.0, 50.0, 63.0, 80.0, 100.0, 125.0, 160.0,
            200.0, 250.0, 315.0, 400.0, 500.0, 630.0, 800.0, 1000.0, 1250.0, 1600.0, 2000.0, 2500.0, 3150.0, 4000.0,
            5000.0, 6300.0, 8000.0, 10000.0, 12500.0, 16000.0);

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

    static double round2(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
