package dev.mixdojo.lesson;

import dev.mixdojo.base.BadInputException;
import dev.mixdojo.base.yaml.Location;
import dev.mixdojo.base.yaml.MapReader;
import dev.mixdojo.base.yaml.Problems;
import dev.mixdojo.base.yaml.YamlFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The lessons of a folder and their curriculum ({@code curriculum.yaml}: units of lesson ids in
 * teaching order). Loading checks every file and the links between them — duplicate ids,
 * unknown or circular prerequisites, lessons missing from the curriculum or listed before what
 * they require, material that does not exist, drills their kind cannot run — and reports every
 * problem at once.
 */
public final class LessonLibrary {
    /** The curriculum's file name inside a lesson folder. */
    public static final String CURRICULUM_FILE = "curriculum.yaml";

    private final Map<String, Lesson> byId;
    private final List<Unit> units;

    /** A unit of the curriculum: a title and its lessons in order. */
    public record Unit(String title, List<Lesson> lessons) {
        public Unit {
            lessons = List.copyOf(lessons);
        }
    }

    /** Checks that depend on the layers that run drills: known kinds and their options, existing material. */
    public interface DrillChecks {
        /** Records problems with the drill's kind and options (e.g. an unknown kind). */
        void check(DrillSpec drill, Problems problems);

        /** Whether the material exists. */
        boolean materialExists(MaterialRef material);
    }

    /** Checks nothing beyond the files themselves: for reading the lessons when their material need not be looked up. */
    public static final DrillChecks STRUCTURE_ONLY = new DrillChecks() {
        @Override
        public void check(DrillSpec drill, Problems problems) {
        }

        @Override
        public boolean materialExists(MaterialRef material) {
            return true;
        }
    };

    private LessonLibrary(Map<String, Lesson> byId, List<Unit> units) {
        this.byId = byId;
        this.units = units;
    }

    /** Reads and checks a lesson folder; problems (all of them) are recorded, never thrown. */
    public static Optional<LessonLibrary> load(Path folder, DrillChecks checks, Problems problems) {
        if (!Files.isDirectory(folder)) {
            throw new BadInputException(folder, "is not a folder of lessons.");
        }
        int before = problems.all().size();
        Map<String, Lesson> byId = new LinkedHashMap<>();
        for (Path file : lessonFiles(folder)) {
            LessonReader.read(file, problems).ifPresent(lesson -> {
                Lesson earlier = byId.putIfAbsent(lesson.id(), lesson);
                if (earlier != null) {
                    problems.add(lesson.location(), "the lesson id '" + lesson.id() + "' is also used by " + earlier.file());
                }
            });
        }
        for (Lesson lesson : byId.values()) {
            for (String required : lesson.requires()) {
                if (!byId.containsKey(required)) {
                    problems.add(lesson.requiresLocation(), "requires the unknown lesson '" + required + "'");
                }
            }
            for (DrillSpec drill : lesson.drills()) {
                checks.check(drill, problems);
                if (!checks.materialExists(drill.material())) {
                    problems.add(drill.location(), "the material '" + drill.material() + "' does not exist");
                }
            }
            for (MixChallenge challenge : lesson.challenges()) {
                if (!checks.materialExists(challenge.material())) {
                    problems.add(challenge.location(), "the material '" + challenge.material() + "' does not exist");
                }
            }
            for (Demo demo : lesson.demos()) {
                if (!checks.materialExists(demo.material())) {
                    problems.add(lesson.location(), "the demo '" + demo.title() + "' uses material '" + demo.material()
                            + "', which does not exist");
                }
            }
        }
        findCycles(byId, problems);
        List<Unit> units = curriculum(folder.resolve(CURRICULUM_FILE), byId, problems);
        return problems.all().size() == before ? Optional.of(new LessonLibrary(byId, units)) : Optional.empty();
    }

    /** Every lesson in curriculum order. */
    public List<Lesson> lessons() {
        return units.stream().flatMap(u -> u.lessons().stream()).toList();
    }

    /** The curriculum's units. */
    public List<Unit> units() {
        return units;
    }

    /** The lesson with this id. */
    public Optional<Lesson> lesson(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    private static List<Path> lessonFiles(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".yaml"))
                    .filter(f -> !f.getFileName().toString().equals(CURRICULUM_FILE))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new BadInputException(folder, "cannot be listed (" + e.getMessage() + ").", e);
        }
    }

    private static void findCycles(Map<String, Lesson> byId, Problems problems) {
        Set<String> done = new HashSet<>();
        for (String start : byId.keySet()) {
            visit(start, byId, new ArrayList<>(), done, problems);
        }
    }

    private static void visit(String id, Map<String, Lesson> byId, List<String> path, Set<String> done,
            Problems problems) {
        if (done.contains(id) || !byId.containsKey(id)) {
            return;
        }
        int at = path.indexOf(id);
        if (at >= 0) {
            List<String> cycle = new ArrayList<>(path.subList(at, path.size()));
            cycle.add(id);
            problems.add(byId.get(id).requiresLocation(), "prerequisites go round in a circle: " + String.join(" → ", cycle));
            return;
        }
        path.add(id);
        for (String required : byId.get(id).requires()) {
            visit(required, byId, path, done, problems);
        }
        path.remove(path.size() - 1);
        done.add(id);
    }

    private static List<Unit> curriculum(Path file, Map<String, Lesson> byId, Problems problems) {
        if (!Files.exists(file)) {
            problems.add(new Location(file, 1, 1), "the curriculum file is missing: it lists the lessons in teaching order");
            return List.of();
        }
        List<Unit> units = new ArrayList<>();
        Map<String, Integer> position = new HashMap<>();
        YamlFiles.read(file, problems).flatMap(root -> MapReader.of(root, problems, "the curriculum")).ifPresent(r -> {
            for (MapReader unit : r.mapList("units", "a unit")) {
                String title = unit.requiredText("title").orElse("");
                List<Lesson> lessons = new ArrayList<>();
                for (String id : unit.textList("lessons")) {
                    Lesson lesson = byId.get(id);
                    if (lesson == null) {
                        problems.add(unit.location(), "the curriculum lists the unknown lesson '" + id + "'");
                    } else if (position.putIfAbsent(id, position.size()) != null) {
                        problems.add(unit.location(), "the curriculum lists '" + id + "' twice");
                    } else {
                        lessons.add(lesson);
                    }
                }
                unit.finish();
                units.add(new Unit(title, lessons));
            }
            r.finish();
        });
        for (Lesson lesson : byId.values()) {
            Integer here = position.get(lesson.id());
            if (here == null) {
                problems.add(lesson.location(), "the lesson '" + lesson.id() + "' is not in " + CURRICULUM_FILE);
                continue;
            }
            for (String required : lesson.requires()) {
                Integer there = position.get(required);
                if (there != null && there > here) {
                    problems.add(lesson.requiresLocation(), "requires '" + required
                            + "', which the curriculum teaches later");
                }
            }
        }
        return units;
    }
}
