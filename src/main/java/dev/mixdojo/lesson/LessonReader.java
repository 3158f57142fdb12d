package dev.mixdojo.lesson;

import dev.mixdojo.base.BadInputException;
import dev.mixdojo.base.yaml.Location;
import dev.mixdojo.base.yaml.MapReader;
import dev.mixdojo.base.yaml.Problems;
import dev.mixdojo.base.yaml.YamlFiles;
import dev.mixdojo.base.yaml.YamlNode;
import dev.mixdojo.dsp.chain.ChainDescription;
import dev.mixdojo.dsp.chain.ChainReader;
import dev.mixdojo.progress.StaircaseSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
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
        List<MixChallenge> challenges = new ArrayList<>();
        for (MapReader challengeReader : r.mapList("challenges", "a mix challenge")) {
            challenge(challengeReader).ifPresent(challenges::add);
        }
        if (drillReaders.isEmpty() && challenges.isEmpty() && r.node("challenges").isEmpty()) {
            r.problems().add(r.location(), "the lesson needs at least one drill under 'drills' (or a mix challenge under 'challenges')");
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
        Set<String> stepIds = new HashSet<>(drillIds);
        for (MixChallenge c : challenges) {
            if (!stepIds.add(c.id())) {
                r.problems().add(c.location(), "the id '" + c.id() + "' is used twice in this lesson");
            }
        }
        return new Lesson(id, title, area, requires, teach, why, demos, drills, challenges, r.location(), requiresLocation);
    }

    private static Optional<Demo> demo(MapReader r) {
        String title = r.requiredText("title").orElse("");
        Optional<MaterialRef> material = material(r);
        List<Demo.Version> versions = new ArrayList<>();
        List<MapReader> written = r.mapList("versions", "a demo version");
        for (MapReader v : written) {
            String label = v.requiredText("label").orElse("");
            Optional<YamlNode> chain = v.node("chain");
            if (chain.isEmpty()) {
                v.problems().add(v.location(), "a demo version needs 'chain' (use [] for the unprocessed sound)");
            }
            v.finish();
            chain.flatMap(c -> chain(c, v.problems())).ifPresent(c -> versions.add(new Demo.Version(label, c)));
        }
        if (written.size() < 2) {
            r.problems().add(r.location(), "a demo needs at least two versions to compare");
        }
        r.finish();
        return material.map(m -> new Demo(title, m, versions));
    }

    /** A demo version's chain in the chain vocabulary; a problem points at the chain. */
    private static Optional<ChainDescription> chain(YamlNode node, Problems problems) {
        try {
            return Optional.of(ChainReader.read(node));
        } catch (BadInputException e) {
            problems.add(node.location(), e.getMessage());
            return Optional.empty();
        }
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

    /** A mix challenge: stems, a goal file next to the lesson (a session .yaml or a bounce .wav), what is scored. */
    private static Optional<MixChallenge> challenge(MapReader r) {
        String id = id(r, "a mix challenge");
        String title = r.requiredText("title").orElse("");
        String brief = r.requiredText("brief").orElse("");
        Optional<MaterialRef> material = material(r);
        material.filter(m -> !m.source().equals("song") || m.stem().isPresent()).ifPresent(m -> r.problems().add(
                r.node("material").orElseThrow().location(), "a mix challenge hands out a whole song's stems: song/NAME"));
        Optional<Path> goal = r.requiredText("goal").flatMap(text -> {
            Path file = r.location().file().toAbsolutePath().getParent().resolve(text).normalize();
            Location at = r.node("goal").orElseThrow().location();
            String lower = text.toLowerCase(Locale.ROOT);
            if (!(lower.endsWith(".yaml") || lower.endsWith(".yml") || lower.endsWith(".wav"))) {
                r.problems().add(at, "a mix challenge goal is a mix session (.yaml) or a reference bounce (.wav), got '" + text + "'");
                return Optional.empty();
            }
            if (!Files.isRegularFile(file)) {
                r.problems().add(at, "the goal '" + text + "' does not exist (it is read relative to the lesson's folder)");
                return Optional.empty();
            }
            return Optional.of(file);
        });
        List<String> scored = r.textList("scored");
        for (String aspect : scored) {
            if (!MixChallenge.ASPECTS.contains(aspect)) {
                r.problems().add(r.node("scored").orElseThrow().location(), "a mix challenge scores "
                        + String.join(", ", MixChallenge.ASPECTS) + "; '" + aspect + "' is none of them");
            }
        }
        if (r.node("scored").isPresent() && scored.isEmpty()) {
            r.problems().add(r.node("scored").orElseThrow().location(), "a mix challenge must score at least one aspect");
        }
        boolean compare = r.bool("compareWithTarget", true);
        int pass = r.integer("passScore", 0, 100, 80);
        double scoredUntilS = r.number("scoredUntilS", 1, 3600, Double.POSITIVE_INFINITY);
        String startWord = r.optionalText("start").orElse(MixChallenge.Start.LEVELS.word());
        MixChallenge.Start start = java.util.Arrays.stream(MixChallenge.Start.values()).filter(s -> s.word().equals(startWord))
                .findFirst().orElseGet(() -> {
                    r.problems().add(r.node("start").orElseThrow().location(), "a mix challenge starts from levels, inserts, sends, flat or rides, got '"
                            + startWord + "'");
                    return MixChallenge.Start.LEVELS;
                });
        r.finish();
        if (material.isEmpty() || goal.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new MixChallenge(id, title, brief, material.get(), goal.get(),
                scored.isEmpty() ? MixChallenge.ASPECTS : scored, compare, pass, start, scoredUntilS, r.location()));
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
            return Optional.of(logarithmic
                    ? StaircaseSettings.logarithmic(start.get(), easiest.get(), hardest.get(), step.get())
                    : StaircaseSettings.linear(start.get(), easiest.get(), hardest.get(), step.get()));
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
