package dev.mixdojo.exercise;

import dev.mixdojo.base.yaml.Problems;
import dev.mixdojo.lesson.DrillSpec;
import dev.mixdojo.lesson.LessonLibrary;
import dev.mixdojo.lesson.MaterialRef;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The registry of every question kind MixDojo can ask, by the name lesson files use, and the checks a
 * lesson library runs on drills with them.
 */
public final class QuestionKinds {
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
        };
    }
}
