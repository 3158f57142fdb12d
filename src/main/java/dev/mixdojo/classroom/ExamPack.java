package dev.mixdojo.classroom;

import static dev.mixdojo.classroom.ResultsJson.number;
import static dev.mixdojo.classroom.ResultsJson.text;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mixdojo.base.BadInputException;
import dev.mixdojo.base.Scale;
import dev.mixdojo.exercise.AnswerForm;
import dev.mixdojo.exercise.Quantity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipFile;

/**
 * The student's side of an exam: each question rendered to its two versions of audio, with its prompt and answer
 * form, and nothing the answers follow from — no lesson chains, no seeds, no results key, and a choice's options
 * as labels only. Made on the teacher's computer from the assignment file, which keeps the key and the seeds.
 * A zip like the assignment pack, checked the same way:
 * {@code exam.json}, {@code audio/qN-a.wav} and {@code audio/qN-b.wav}, the homework mix's {@code material/…} if
 * any, and {@code manifest.json}. See docs/classroom.md, "Student exam packs".
 */
public final class ExamPack {
    /** The entry holding the exam's questions. */
    public static final String EXAM_ENTRY = "exam.json";
    static final String AUDIO_FOLDER = "audio/";
    static final String FORMAT = "mixdojo-exam";
    /** The exam format this code writes and reads. */
    public static final int VERSION = 1;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ExamPack() {
    }

    /**
     * One question as the exam pack carries it.
     *
     * @param number the question's number in the plan, from 1
     * @param prompt what is asked
     * @param form   how it is answered (a choice's options with labels only)
     * @param audioA the pack entry of version A (the original)
     * @param audioB the pack entry of version B (the processed version)
     */
    public record Question(int number, String prompt, AnswerForm form, String audioA, String audioB) {
    }

    /**
     * What {@code exam.json} holds.
     *
     * @param id               the assignment's id
     * @param title            its title
     * @param passMarkPercent  its pass mark
     * @param due              its due time, if any
     * @param assignmentSha256 SHA-256 of the teacher's assignment file the exam was made from
     * @param questions        the questions, numbered 1… in plan order
     * @param mixChallenge     the homework mix, carried as the assignment carries it
     */
    public record Exam(String id, String title, double passMarkPercent, Optional<OffsetDateTime> due,
            String assignmentSha256, List<Question> questions, Optional<AssignmentMixChallenge> mixChallenge) {
        public Exam {
            questions = List.copyOf(questions);
            for (int i = 0; i < questions.size(); i++) {
                if (questions.get(i).number() != i + 1) {
                    throw new IllegalArgumentException("the questions must be numbered 1 to " + questions.size());
                }
            }
        }
    }

    /**
     * A student exam pack that passed every check.
     *
     * @param file    where it is
     * @param sha256  the SHA-256 of the whole file
     * @param exam    what it holds
     * @param entries its manifest's entries
     */
    public record Opened(Path file, String sha256, Exam exam, List<PackEntry> entries) {
        public Opened {
            entries = List.copyOf(entries);
        }
    }

    /** Whether a file is a student exam pack (by its entries alone; {@link #open} checks it). */
    public static boolean isExamPack(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            return zip.getEntry(EXAM_ENTRY) != null;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Checks that {@code teacher} is an exam; a practice assignment is one sentence (it is handed out as it is). */
    public static void requireExam(OpenedPack teacher) {
        if (teacher.assignment().mode() != AssignmentMode.EXAM) {
            throw new BadInputException(teacher.file(), "a practice assignment: hand it out as it is. A student pack is"
                    + " for exams, whose answers stay with you.");
        }
    }

    /**
     * Writes the student pack of an exam: the teacher's assignment (an exam) and its questions as students hear
     * them, in plan order, with their audio files. The homework mix's material travels as in the assignment.
     */
    public static void write(Path out, OpenedPack teacher, List<StudentQuestion> questions) {
        requireExam(teacher);
        Assignment a = teacher.assignment();
        if (questions.size() != a.questionPlan().size()) {
            throw new IllegalArgumentException("the exam has " + a.questionPlan().size() + " questions, not "
                    + questions.size());
        }
        List<Question> listed = new ArrayList<>();
        List<AssignmentPack.PackFile> files = new ArrayList<>();
        for (StudentQuestion q : questions) {
            String audioA = AUDIO_FOLDER + "q" + q.number() + "-a.wav";
            String audioB = AUDIO_FOLDER + "q" + q.number() + "-b.wav";
            listed.add(new Question(q.number(), q.prompt(), withoutValues(q.form()), audioA, audioB));
            files.add(new AssignmentPack.PackFile(audioA, q.versionA()));
            files.add(new AssignmentPack.PackFile(audioB, q.versionB()));
        }
        Exam exam = new Exam(a.id(), a.title(), a.passMarkPercent(), a.due(), teacher.sha256(), listed,
                a.mixChallenge());
        byte[] head = examJson(exam);
        List<String> material = a.mixChallenge().map(c -> c.allEntries(teacher.entryNames())).orElse(List.of());
        if (material.isEmpty()) {
            AssignmentPack.writeZip(out, EXAM_ENTRY, head, files);
            return;
        }
        teacher.withMaterial(material, folder -> {
            List<AssignmentPack.PackFile> all = new ArrayList<>(files);
            material.forEach(name -> all.add(new AssignmentPack.PackFile(name, OpenedPack.unpackedAt(folder, name))));
            AssignmentPack.writeZip(out, EXAM_ENTRY, head, all);
            return null;
        });
    }

    /** Opens and checks a student exam pack as an assignment pack is checked; every failure is one sentence. */
    public static Opened open(Path file) {
        AssignmentPack.Checked checked = AssignmentPack.check(file);
        if (!checked.headEntry().equals(EXAM_ENTRY)) {
            throw new BadInputException(file, "an assignment file, not a student exam pack.");
        }
        Exam exam;
        try {
            exam = readExam(JSON.readTree(checked.head()));
        } catch (IOException | IllegalArgumentException | DateTimeParseException e) {
            throw AssignmentPack.damaged(file, EXAM_ENTRY + " is not a valid exam (" + e.getMessage() + ")");
        }
        List<String> names = checked.entries().stream().map(PackEntry::name).toList();
        for (Question q : exam.questions()) {
            for (String audio : List.of(q.audioA(), q.audioB())) {
                if (!audio.startsWith(AUDIO_FOLDER) || !names.contains(audio)) {
                    throw AssignmentPack.damaged(file, "the audio of question " + q.number() + " is not in the pack");
                }
            }
        }
        exam.mixChallenge().flatMap(c -> c.missingFrom(names)).ifPresent(problem -> {
            throw AssignmentPack.damaged(file, problem);
        });
        return new Opened(file, checked.sha256(), exam, checked.entries());
    }

    /**
     * Unpacks question {@code q}'s two versions from the student pack into {@code folder} (created), checking every
     * byte again; returns the files, A (the original) then B.
     */
    public static List<Path> unpackAudio(Opened pack, Question q, Path folder) {
        Path root = folder.toAbsolutePath().normalize();
        List<PackEntry> wanted = new ArrayList<>();
        for (String name : List.of(q.audioA(), q.audioB())) {
            wanted.add(pack.entries().stream().filter(e -> e.name().equals(name)).findFirst()
                    .orElseThrow(() -> AssignmentPack.damaged(pack.file(), "the audio of question " + q.number()
                            + " is not in the pack")));
        }
        AssignmentPack.unpack(pack.file(), wanted, root, entry -> unpackedAt(root, entry));
        return wanted.stream().map(entry -> unpackedAt(root, entry)).toList();
    }

    private static Path unpackedAt(Path root, PackEntry entry) {
        return root.resolve(entry.name().substring(AUDIO_FOLDER.length()));
    }

    /** The form with a choice's option values dropped (they belong to the key's side); other forms as they are. */
    private static AnswerForm withoutValues(AnswerForm form) {
        if (form instanceof AnswerForm.Choice choice) {
            return new AnswerForm.Choice(choice.options().stream().map(o -> new AnswerForm.Option(o.label(), Double.NaN))
                    .toList());
        }
        return form;
    }

    private static byte[] examJson(Exam exam) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.put("id", exam.id());
        root.put("title", exam.title());
        root.put("passPercent", exam.passMarkPercent());
        exam.due().ifPresentOrElse(d -> root.put("due", d.toString()), () -> root.putNull("due"));
        root.put("assignmentSha256", exam.assignmentSha256());
        ArrayNode questions = root.putArray("questions");
        for (Question q : exam.questions()) {
            ObjectNode node = questions.addObject();
            node.put("number", q.number());
            node.put("prompt", q.prompt());
            node.set("form", form(q.form()));
            node.put("a", q.audioA());
            node.put("b", q.audioB());
        }
        exam.mixChallenge().ifPresentOrElse(c -> root.putObject("mixChallenge").put("stems", c.stemsFolder())
                .put("target", c.targetEntry()), () -> root.putNull("mixChallenge"));
        try {
            return JSON.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a choice question's form into {@code node} as packs and the live class's pages carry it: its kind and its options' labels in order. */
    public static void putChoice(ObjectNode node, AnswerForm.Choice choice) {
        node.put("kind", "choice");
        ArrayNode options = node.putArray("options");
        choice.options().forEach(o -> options.add(o.label()));
    }

    private static JsonNode form(AnswerForm form) {
        ObjectNode node = JSON.createObjectNode();
        if (form instanceof AnswerForm.Choice choice) {
            putChoice(node, choice);
        } else if (form instanceof AnswerForm.Value value) {
            node.put("kind", "value");
            node.put("quantity", value.quantity().name());
            node.put("min", value.min()).put("max", value.max()).put("logarithmic", value.logarithmic());
        } else if (form instanceof AnswerForm.Settings settings) {
            node.put("kind", "settings");
            ArrayNode dials = node.putArray("settings");
            for (AnswerForm.Setting s : settings.settings()) {
                dials.addObject().put("name", s.name()).put("quantity", s.quantity().name()).put("min", s.min())
                        .put("max", s.max()).put("logarithmic", s.logarithmic());
            }
        } else if (form instanceof AnswerForm.Curve curve) {
            node.put("kind", "curve");
            node.put("quantity", curve.quantity().name());
            node.put("durationS", curve.durationS()).put("min", curve.min()).put("max", curve.max());
        }
        return node;
    }

    private static Exam readExam(JsonNode root) {
        if (root == null || !FORMAT.equals(root.path("format").asText())) {
            throw new IllegalArgumentException("it is not a MixDojo exam");
        }
        if (root.path("version").asInt(-1) != VERSION) {
            throw new IllegalArgumentException("it is exam format " + root.path("version").asText()
                    + "; this MixDojo reads " + VERSION);
        }
        String id = text(root, "id");
        if (!Assignment.ID.matcher(id).matches()) {
            throw new IllegalArgumentException("its id '" + id + "' is not lower-case words joined by hyphens");
        }
        double pass = number(root, "passPercent");
        if (!(pass >= 0 && pass <= 100)) {
            throw new IllegalArgumentException("its pass mark is not 0–100 %");
        }
        Optional<OffsetDateTime> due = root.path("due").isNull() ? Optional.empty()
                : Optional.of(OffsetDateTime.parse(text(root, "due")));
        String sha = text(root, "assignmentSha256");
        if (!sha.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("its assignment SHA-256 is not 64 hex digits");
        }
        List<Question> questions = new ArrayList<>();
        for (JsonNode q : root.path("questions")) {
            questions.add(new Question(q.path("number").asInt(0), text(q, "prompt"), readForm(q.path("form")),
                    text(q, "a"), text(q, "b")));
        }
        if (questions.isEmpty()) {
            throw new IllegalArgumentException("it has no questions");
        }
        Optional<AssignmentMixChallenge> challenge = root.path("mixChallenge").isObject()
                ? Optional.of(new AssignmentMixChallenge(text(root.path("mixChallenge"), "stems"), text(root.path("mixChallenge"),
                        "target")))
                : Optional.empty();
        return new Exam(id, text(root, "title"), pass, due, sha, questions, challenge);
    }

    private static AnswerForm readForm(JsonNode node) {
        switch (node.path("kind").asText("")) {
            case "choice" -> {
                List<AnswerForm.Option> options = new ArrayList<>();
                for (JsonNode label : node.path("options")) {
                    if (!label.isTextual()) {
                        throw new IllegalArgumentException("a choice's options are labels");
                    }
                    options.add(new AnswerForm.Option(label.asText(), Double.NaN));
                }
                return new AnswerForm.Choice(options);
            }
            case "value" -> {
                return new AnswerForm.Value(quantity(node), range(node, "min"), range(node, "max"),
                        Scale.logarithmicIf(node.path("logarithmic").asBoolean()));
            }
            case "settings" -> {
                List<AnswerForm.Setting> settings = new ArrayList<>();
                for (JsonNode s : node.path("settings")) {
                    settings.add(new AnswerForm.Setting(text(s, "name"), quantity(s), range(s, "min"), range(s, "max"),
                            Scale.logarithmicIf(s.path("logarithmic").asBoolean())));
                }
                return new AnswerForm.Settings(settings);
            }
            case "curve" -> {
                return new AnswerForm.Curve(quantity(node), range(node, "durationS"), range(node, "min"), range(node, "max"));
            }
            default -> throw new IllegalArgumentException("a question's form is choice, value, settings or curve");
        }
    }

    private static Quantity quantity(JsonNode node) {
        try {
            return Quantity.valueOf(text(node, "quantity"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown quantity '" + node.path("quantity").asText() + "'");
        }
    }

    private static double range(JsonNode node, String name) {
        double value = number(node, name);
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("'" + name + "' is not a finite number");
        }
        return value;
    }
}
