package dev.mixdojo.lesson;

import dev.mixdojo.base.yaml.Location;
import dev.mixdojo.base.yaml.MapReader;
import dev.mixdojo.base.yaml.Problems;
import dev.mixdojo.base.yaml.YamlFiles;
import dev.mixdojo.base.yaml.YamlNode;
import dev.mixdojo.progress.StaircaseSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads one lesson file into a {@link Lesson}, recording every problem in it (unknown keys,
 * missing or ill-typed values, values out of range, duplicate drill ids) with its place.
 */
final class LessonReader {
    static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final int MAX_QUESTIONS = 100;

    private LessonReader() {
    }

    /** The lesson, or empty when the file has problems (all of them are in {@code problems}). */
    static Optional<Lesson> read(Path file, Problems problems) {
        int before = problems.all().size();
        Optional<Lesson> lesson = YamlFiles.read(file, problems)
                .flatMap(root -> MapReader.of(root, problems, "the lesson"))
                .map(LessonReader::lesson);
        return problems.all().size() == before ? lesson : Optional.empty();
    }

    private static Lesson lesson(MapReader r) {
        String id = id(r, "the lesson");
        String title = r.requiredText("title").orElse("");
        Area area = r.oneOf("area", Area.keys()).flatMap(Area::ofKey).orElse(Area.EQ);
        if (r.node("area").isEmpty()) {
            r.problems().add(r.location(), "the lesson needs 'area' (one of " + String.join(", ", Area.keys()) + ")");
        }
        List<String> requires = r.textList("requires");
        String teach = r.requiredText("teach").orElse("");
        String why = r.requiredText("why").orElse("");
        List<Demo> demos = r.mapList("demos", "a demo").stream().map(LessonReader::demo).flatMap(Optional::stream).toList();
        List<MapReader> drillReaders = r.mapList("drills", "a drill");
        if (drillReaders.isEmpty()) {
            r.problems().add(r.location(), "the lesson needs at least one drill under 'drills'");
        }
        List<DrillSpec> drills = new ArrayList<>();
        Set<String> drillIds = new HashSet<>();
        for (MapReader drillReader : drillReaders) {
            drill(drillReader).ifPresent(drill -> {
                if (!drillIds.add(drill.id())) {
                    r.problems().add(drillReader.location(), "the drill id '" + drill.id() + "' is used twice in this lesson");
                }
                drills.add(drill);
            });
        }
        r.finish();
        Location requiresLocation = r.node("requires").map(YamlNode::location).orElse(r.location());
        return new Lesson(id, title, area, requires, teach, why, demos, drills, r.location(), requiresLocation);
    }

    private static Optional<Demo> demo(MapReader r) {
        String title = r.requiredText("title").orElse("");
        Optional<MaterialRef> material = material(r);
        List<Demo.Version> versions = new ArrayList<>();
        for (MapReader v : r.mapList("versions", "a demo version")) {
            String label = v.requiredText("label").orElse("");
            Optional<YamlNode> chain = v.node("chain");
            if (chain.isEmpty()) {
                v.problems().add(v.location(), "a demo version needs 'chain' (use [] for the unprocessed sound)");
            }
            v.finish();
            chain.ifPresent(c -> versions.add(new Demo.Version(label, c)));
        }
        if (versions.size() < 2) {
            r.problems().add(r.location(), "a demo needs at least two versions to compare");
        }
        r.finish();
        return material.map(m -> new Demo(title, m, versions));
    }

    private static Optional<DrillSpec> drill(MapReader r) {
        String id = id(r, "a drill");
        String kind = r.requiredText("kind").orElse("");
        String title = r.requiredText("title").orElse("");
        Optional<MaterialRef> material = material(r);
        int questions = r.integer("questions", 1, MAX_QUESTIONS, 10);
        YamlNode options = r.node("options").orElse(new YamlNode.MapNode(r.location(), List.of()));
        Optional<StaircaseSettings> difficulty = r.node("difficulty").flatMap(n -> MapReader.of(n, r.problems(), "difficulty"))
                .flatMap(LessonReader::difficulty);
        if (r.node("difficulty").isEmpty()) {
            r.problems().add(r.location(), "a drill needs 'difficulty' (start, easiest, hardest, step)");
        }
        r.finish();
        if (material.isEmpty() || difficulty.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new DrillSpec(id, kind, title, material.get(), questions, options, difficulty.get(),
                r.location()));
    }

    private static Optional<StaircaseSettings> difficulty(MapReader r) {
        Optional<Double> start = r.requiredNumber("start", -1e6, 1e6);
        Optional<Double> easiest = r.requiredNumber("easiest", -1e6, 1e6);
        Optional<Double> hardest = r.requiredNumber("hardest", -1e6, 1e6);
        Optional<Double> step = r.requiredNumber("step", 1e-9, 1e6);
        boolean logarithmic = r.oneOf("scale", List.of("linear", "log")).map("log"::equals).orElse(false);
        r.finish();
        if (start.isEmpty() || easiest.isEmpty() || hardest.isEmpty() || step.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(StaircaseSettings.threeDownOneUp(start.get(), easiest.get(), hardest.get(), step.get(),
                    logarithmic));
        } catch (IllegalArgumentException e) {
            r.problems().add(r.location(), "difficulty: " + e.getMessage());
            return Optional.empty();
        }
    }

    private static Optional<MaterialRef> material(MapReader r) {
        return r.requiredText("material").flatMap(text -> {
            Optional<MaterialRef> ref = MaterialRef.parse(text);
            if (ref.isEmpty()) {
                Location at = r.node("material").orElseThrow().location();
                r.problems().add(at, "material '" + text + "' should be noise/pink, noise/white, song/NAME or song/NAME/STEM");
            }
            return ref;
        });
    }

    private static String id(MapReader r, String what) {
        Optional<String> id = r.requiredText("id");
        id.filter(text -> !ID.matcher(text).matches()).ifPresent(text -> r.problems().add(
                r.node("id").orElseThrow().location(),
                what + " id '" + text + "' should be lower-case words joined by hyphens"));
        return id.orElse("");
    }
}
