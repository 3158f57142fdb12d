package dev.mixdojo.classroom;

import dev.mixdojo.base.BadInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A class's results side by side: one row per results file (score, pass/fail, time, flags) and,
 * over the students counted, the share that got each question and each skill right — which
 * says what to teach again.
 *
 * @param title              the assignment's title, or the folder's name without an assignment
 * @param signaturesChecked  whether signatures were checked (only with the assignment pack)
 * @param students           one row per results file, by name
 * @param questions          every question, in plan order
 * @param skills             every skill, by name
 * @param warnings           one sentence per file that could not be read
 */
public record Gradebook(String title, boolean signaturesChecked, List<StudentRow> students,
        List<QuestionShare> questions, List<SkillShare> skills, List<String> warnings) {

    /** Results files larger than this are not results (a long exam is a few hundred kilobytes). */
    static final long MAX_RESULTS_BYTES = 16L << 20;

    private static final Pattern STUDENT = Pattern.compile("\"student\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    public Gradebook {
        students = List.copyOf(students);
        questions = List.copyOf(questions);
        skills = List.copyOf(skills);
        warnings = List.copyOf(warnings);
    }

    /** How many students the class summary counts. */
    public int classSize() {
        return (int) students.stream().filter(StudentRow::counted).count();
    }

    /**
     * Reads every {@code *.json} file in {@code folder} (not its subfolders). With the assignment
     * pack, signatures, the pack's hash, the due time and the pass mark come from it; without,
     * from the files themselves, and signatures cannot be checked.
     */
    public static Gradebook read(Path folder, Optional<OpenedPack> pack) {
        if (!Files.isDirectory(folder)) {
            throw new BadInputException(folder, "is not a folder of results files.");
        }
        List<String> warnings = new ArrayList<>();
        List<Entry> entries = new ArrayList<>();
        for (Path file : resultsFiles(folder)) {
            read(file, pack, warnings).ifPresent(entries::add);
        }
        if (pack.isEmpty()) {
            Set<String> ids = new TreeSet<>();
            entries.stream().flatMap(e -> e.results().stream()).forEach(r -> ids.add(r.assignmentId()));
            if (ids.size() > 1) {
                warnings.add("The folder holds results of more than one assignment (" + String.join(", ", ids)
                        + "); pass --assignment FILE to grade one of them.");
            }
        }
        markDuplicates(entries);
        markCounted(entries);
        List<StudentRow> rows = entries.stream().map(Entry::row)
                .sorted(Comparator.comparing((StudentRow r) -> r.student().toLowerCase(Locale.ROOT))
                        .thenComparing(StudentRow::file))
                .toList();
        List<QuestionShare> questions = questionShares(entries, pack);
        String title = pack.map(p -> p.assignment().title())
                .orElse(String.valueOf(folder.toAbsolutePath().normalize().getFileName()));
        return new Gradebook(title, pack.isPresent(), rows, questions, skillShares(questions), warnings);
    }

    /** One file as read: its results (absent when only the name could be salvaged) and what we know about it. */
    private static final class Entry {
        final String fileName;
        final String fileSha256;
        final Optional<Results> results;
        final String student;
        final double scorePercent;
        final boolean passed;
        final Duration timeSpent;
        final EnumSet<GradebookFlag> flags = EnumSet.noneOf(GradebookFlag.class);
        final List<String> notes = new ArrayList<>();
        final List<String> checks = new ArrayList<>();
        boolean counted;

        Entry(String fileName, String fileSha256, Optional<Results> results, String student, double scorePercent,
                boolean passed, Duration timeSpent) {
            this.fileName = fileName;
            this.fileSha256 = fileSha256;
            this.results = results;
            this.student = student;
            this.scorePercent = scorePercent;
            this.passed = passed;
            this.timeSpent = timeSpent;
        }

        Optional<Results> results() {
            return results;
        }

        void flag(GradebookFlag flag, String note) {
            flags.add(flag);
            notes.add(note);
        }

        StudentRow row() {
            return new StudentRow(student, fileName, scorePercent, passed, timeSpent, flags, notes, counted, checks);
        }
    }

    private static List<Path> resultsFiles(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> {
                String name = f.getFileName().toString();
                return !name.startsWith(".") && name.toLowerCase(Locale.ROOT).endsWith(".json") && Files.isRegularFile(f);
            }).sorted().toList();
        } catch (IOException e) {
            throw new BadInputException(folder, "cannot be listed (" + e.getMessage() + ").", e);
        }
    }

    private static Optional<Entry> read(Path file, Optional<OpenedPack> pack, List<String> warnings) {
        String name = file.getFileName().toString();
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_RESULTS_BYTES) {
                warnings.add(file + ": is too large to be a results file; it was not counted.");
                return Optional.empty();
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            warnings.add(file + ": cannot be read (" + e.getMessage() + "); it was not counted.");
            return Optional.empty();
        }
        Results results;
        try {
            results = ResultsJson.parse(bytes);
        } catch (ResultsJson.NewerFormatException e) {
            warnings.add(file + ": " + e.getMessage() + "; update MixDojo to count it.");
            return Optional.empty();
        } catch (IllegalArgumentException | DateTimeException e) {
            warnings.add(file + ": is not a readable MixDojo results file (" + e.getMessage() + "); it was not counted.");
            return salvage(name, bytes);
        }
        Entry entry = new Entry(name, Digests.sha256Hex(bytes), Optional.of(results), results.student(),
                results.scorePercent(),
                results.scorePercent() >= pack.map(p -> p.assignment().passMarkPercent()).orElse(results.passMarkPercent()),
                Duration.between(results.startedAt(), results.finishedAt()));
        tamperChecks(entry, bytes, results, pack);
        if (Assignment.isLate(pack.map(p -> p.assignment().due()).orElse(results.due()), results.finishedAt())) {
            entry.flag(GradebookFlag.LATE, "finished after the due time");
        }
        return Optional.of(entry);
    }

    /**
     * A results file too damaged to read still names its student when the name comes before the
     * damage (it does: the name is the third field); the teacher then sees whose file it was.
     */
    private static Optional<Entry> salvage(String fileName, byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (!text.contains("\"" + ResultsJson.FORMAT + "\"")) {
            return Optional.empty();
        }
        Matcher m = STUDENT.matcher(text);
        if (!m.find()) {
            return Optional.empty();
        }
        String student = m.group(1).replace("\\\"", "\"").replace("\\\\", "\\");
        Entry entry = new Entry(fileName, Digests.sha256Hex(bytes), Optional.empty(), student, 0, false, Duration.ZERO);
        entry.flag(GradebookFlag.TAMPERED, "the file was edited or damaged so that it can no longer be read");
        entry.checks.add("text: unreadable, only the student's name could be read");
        return Optional.of(entry);
    }

    private static void tamperChecks(Entry entry, byte[] bytes, Results results, Optional<OpenedPack> pack) {
        boolean canonical = ResultsJson.write(results, true).equals(new String(bytes, StandardCharsets.UTF_8));
        if (!canonical) {
            entry.flag(GradebookFlag.TAMPERED, "the file is not byte for byte as MixDojo wrote it");
        }
        entry.checks.add(canonical ? "text: byte for byte as MixDojo writes it" : "text: edited after MixDojo wrote it");
        if (results.finishedAt().isBefore(results.startedAt())) {
            entry.flag(GradebookFlag.TAMPERED, "it finished before it started");
        }
        if (results.signature().isEmpty()) {
            entry.flag(GradebookFlag.TAMPERED, "it has no signature");
        }
        if (pack.isEmpty()) {
            if (results.passed() != results.scorePercent() >= results.passMarkPercent()) {
                entry.flag(GradebookFlag.TAMPERED, "its pass/fail does not match its score");
            }
            entry.flag(GradebookFlag.UNVERIFIED, "its signature, pack and answers could not be checked without the"
                    + " assignment file (--assignment), so an edited score would look right");
            entry.checks.add("signature: not checked (no assignment file)");
            entry.checks.add("pack: not compared (no assignment file)");
            entry.checks.add("answers and score: not checked against the plan (no assignment file)");
            return;
        }
        Assignment assignment = pack.get().assignment();
        if (!results.assignmentId().equals(assignment.id())) {
            entry.flag(GradebookFlag.TAMPERED, "it is for the assignment '" + results.assignmentId() + "'");
            entry.checks.add("pack: for another assignment ('" + results.assignmentId() + "')");
        } else if (!results.assignmentSha256().equals(pack.get().sha256())) {
            entry.flag(GradebookFlag.TAMPERED, "it was made from a different assignment pack");
            entry.checks.add("pack: made from a different pack file");
        } else {
            entry.checks.add("pack: made from this pack file (SHA-256 " + pack.get().sha256().substring(0, 12) + "…)");
        }
        boolean signed = !results.signature().isEmpty()
                && Digests.sameDigest(ResultsWriter.signature(results, assignment.resultsKey()), results.signature());
        if (!results.signature().isEmpty() && !signed) {
            entry.flag(GradebookFlag.TAMPERED, "its signature does not match");
        }
        entry.checks.add(results.signature().isEmpty() ? "signature: missing"
                : signed ? "signature: valid for this pack's key (anyone holding the pack can sign)"
                : "signature: wrong for this pack's key");
        List<PlannedQuestion> plan = assignment.questionPlan();
        boolean inPlan = results.answers().stream().map(AnsweredQuestion::question)
                .allMatch(q -> q.number() <= plan.size() && plan.get(q.number() - 1).equals(q));
        boolean addsUp = inPlan && Results.scorePercentOf(results.answers(), plan.size()) == results.scorePercent();
        if (!addsUp) {
            entry.flag(GradebookFlag.TAMPERED, "its answers or score do not match the assignment");
        }
        entry.checks.add(addsUp ? "answers: the plan's questions, and the score adds up"
                : "answers: not the plan's, or the score does not add up");
    }

    private static void markDuplicates(List<Entry> entries) {
        Map<String, List<Entry>> byName = new LinkedHashMap<>();
        Map<String, List<Entry>> byBytes = new LinkedHashMap<>();
        for (Entry e : entries) {
            byName.computeIfAbsent(ResultsWriter.nameKey(e.student), k -> new ArrayList<>()).add(e);
            byBytes.computeIfAbsent(e.fileSha256, k -> new ArrayList<>()).add(e);
        }
        for (List<Entry> same : byBytes.values()) {
            for (Entry e : same) {
                same.stream().filter(o -> o != e).findFirst().ifPresent(o ->
                        e.flag(GradebookFlag.DUPLICATE, "the same file as " + o.fileName));
            }
        }
        for (List<Entry> same : byName.values()) {
            for (Entry e : same) {
                same.stream().filter(o -> o != e && !o.fileSha256.equals(e.fileSha256)).findFirst().ifPresent(o ->
                        e.flag(GradebookFlag.DUPLICATE, "the same student name as " + o.fileName));
            }
        }
    }

    /** Counts untampered files, and of a student's several files only the one finished last. */
    private static void markCounted(List<Entry> entries) {
        Map<String, Entry> latest = new HashMap<>();
        for (Entry e : entries) {
            if (e.flags.contains(GradebookFlag.TAMPERED) || e.results.isEmpty()) {
                continue;
            }
            latest.merge(ResultsWriter.nameKey(e.student), e, (a, b) ->
                    b.results.get().finishedAt().isBefore(a.results.get().finishedAt()) ? a : b);
        }
        latest.values().forEach(e -> e.counted = true);
    }

    private static List<QuestionShare> questionShares(List<Entry> entries, Optional<OpenedPack> pack) {
        List<Results> counted = entries.stream().filter(e -> e.counted).map(e -> e.results.orElseThrow()).toList();
        Set<PlannedQuestion> questions = new TreeSet<>(Comparator.comparingInt(PlannedQuestion::number)
                .thenComparing(PlannedQuestion::lessonId).thenComparing(PlannedQuestion::drillId)
                .thenComparingInt(PlannedQuestion::questionIndex).thenComparingLong(PlannedQuestion::questionSeed)
                .thenComparing(PlannedQuestion::area).thenComparing(PlannedQuestion::kind));
        pack.ifPresentOrElse(p -> questions.addAll(p.assignment().questionPlan()),
                () -> counted.forEach(r -> r.answers().forEach(a -> questions.add(a.question()))));
        Map<PlannedQuestion, Integer> right = new HashMap<>();
        for (Results r : counted) {
            for (AnsweredQuestion a : Results.firstAnswers(r.answers())) {
                if (a.grade().correct()) {
                    right.merge(a.question(), 1, Integer::sum);
                }
            }
        }
        return questions.stream().map(q -> new QuestionShare(q, right.getOrDefault(q, 0), counted.size())).toList();
    }

    private static List<SkillShare> skillShares(List<QuestionShare> questions) {
        Map<String, int[]> bySkill = new java.util.TreeMap<>();
        for (QuestionShare q : questions) {
            int[] sums = bySkill.computeIfAbsent(q.question().skill(), k -> new int[2]);
            sums[0] += q.right();
            sums[1] += q.classSize();
        }
        return bySkill.entrySet().stream().map(e -> new SkillShare(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
    }
}
