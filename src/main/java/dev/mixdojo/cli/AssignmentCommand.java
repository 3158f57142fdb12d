package dev.mixdojo.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mixdojo.base.BadInputException;
import dev.mixdojo.base.yaml.Problems;
import dev.mixdojo.classroom.Assignment;
import dev.mixdojo.classroom.AssignmentDrill;
import dev.mixdojo.classroom.AssignmentDrills;
import dev.mixdojo.classroom.AssignmentMode;
import dev.mixdojo.classroom.AssignmentPack;
import dev.mixdojo.classroom.AssignmentQuestions;
import dev.mixdojo.classroom.ExamAnswers;
import dev.mixdojo.classroom.ExamPack;
import dev.mixdojo.classroom.AssignmentMixChallenge;
import dev.mixdojo.classroom.OpenedPack;
import dev.mixdojo.classroom.PackEntry;
import dev.mixdojo.classroom.PlannedQuestion;
import dev.mixdojo.classroom.Results;
import dev.mixdojo.classroom.ResultsWriter;
import dev.mixdojo.classroom.StudentQuestion;
import dev.mixdojo.classroom.live.LiveQuestions;
import dev.mixdojo.exercise.AnswerForm;
import dev.mixdojo.exercise.ExerciseAudio;
import dev.mixdojo.exercise.QuestionKinds;
import dev.mixdojo.lesson.Lesson;
import dev.mixdojo.lesson.LessonLibrary;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mixdojo assignment create|student-pack|open}: makes an assignment pack from lessons, makes an exam's student
 * pack from it, and checks and shows either.
 */
@Command(name = "assignment", mixinStandardHelpOptions = true,
        description = "Make an assignment file for a class or an exam's student pack, or open one and show its questions.",
        subcommands = {AssignmentCommand.Create.class, AssignmentCommand.StudentPack.class, AssignmentCommand.Grade.class,
                AssignmentCommand.Open.class})
final class AssignmentCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code mixdojo assignment create}. */
    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Make an assignment file (one zip) from lessons and drills.")
    static final class Create implements Runnable {
        @Spec
        CommandSpec spec;

        @Mixin
        UserFolderOptions folders;

        @Option(names = "--lesson", paramLabel = "ID", description = "A lesson whose drills are all asked (repeatable).")
        List<String> lessons = new ArrayList<>();

        @Option(names = "--drill", paramLabel = "LESSON:DRILL", description = "One drill to ask (repeatable).")
        List<String> drills = new ArrayList<>();

        @Option(names = "--questions", paramLabel = "N", required = true, description = "Questions from each drill (1-100).")
        int questions;

        @Option(names = "--seed", paramLabel = "S", required = true,
                description = "Seed that fixes every question: the same for every student.")
        long seed;

        @Option(names = "--mode", paramLabel = "practice|exam", required = true,
                description = "practice (hints, retries, meters) or exam (fixed rounds, no retries, no meters).")
        String mode;

        @Option(names = "--pass", paramLabel = "PERCENT", required = true, description = "Pass mark, 0-100 %.")
        double passPercent;

        @Option(names = "--due", paramLabel = "DATE",
                description = "Due date: 2026-12-01 (end of that day), 2026-12-01T17:00, or with an offset; local time.")
        String due;

        @Option(names = "--id", paramLabel = "ID", description = "Assignment id (default: from the --out file name).")
        String id;

        @Option(names = "--title", paramLabel = "TEXT", description = "Title students see (default: the lessons' titles).")
        String title;

        @Option(names = "--material", paramLabel = "DIR",
                description = "A folder of material to carry in the assignment (repeatable).")
        List<Path> material = new ArrayList<>();

        @Option(names = "--mix-stems", paramLabel = "DIR",
                description = "Stems of a homework mix (WAV or AIFF files in DIR); needs --mix-target.")
        Path mixStems;

        @Option(names = "--mix-target", paramLabel = "FILE",
                description = "The reference mix the homework mixes are scored against; needs --mix-stems.")
        Path mixTarget;

        @Option(names = "--out", paramLabel = "FILE", required = true, description = "The assignment file to write.")
        Path out;

        @Override
        public void run() {
            AssignmentMode assignmentMode = AssignmentMode.ofKey(mode.toLowerCase(Locale.ROOT)).orElseThrow(() ->
                    new BadInputException("--mode must be practice or exam, got '" + mode + "'."));
            if (questions < 1 || questions > Assignment.MAX_QUESTIONS_PER_DRILL) {
                throw new BadInputException("--questions must be between 1 and " + Assignment.MAX_QUESTIONS_PER_DRILL
                        + ", got " + questions + ".");
            }
            if (!(passPercent >= 0 && passPercent <= 100)) {
                throw new BadInputException("--pass must be a percentage between 0 and 100, got " + passPercent + ".");
            }
            Optional<OffsetDateTime> dueTime = Optional.ofNullable(due).map(text -> Assignment.parseDue(text,
                    ZoneId.systemDefault()).orElseThrow(() -> new BadInputException("--due '" + text + "' should be a"
                    + " date like 2026-12-01 or a date-time like 2026-12-01T17:00 or 2026-12-01T17:00+01:00.")));
            String assignmentId = id != null ? id : idFromFileName(out);
            if (!assignmentId.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
                throw new BadInputException("--id '" + assignmentId + "' should be lower-case words joined by hyphens.");
            }
            Problems problems = new Problems();
            LessonLibrary library = LessonsCommand.load(folders.lessons(), folders, problems).orElse(null);
            problems.throwIfAny();
            List<AssignmentDrill> picked = AssignmentDrills.pick(library, lessons, drills);
            String assignmentTitle = title != null && !title.isBlank() ? title.strip() : defaultTitle(library, picked);
            Assignment assignment = Assignment.create(assignmentId, assignmentTitle, picked, questions, seed,
                    assignmentMode, passPercent, dueTime, new SecureRandom());
            List<AssignmentPack.MaterialFile> files = new ArrayList<>();
            material.forEach(folder -> files.addAll(AssignmentPack.materialFolder(folder)));
            if ((mixStems == null) != (mixTarget == null)) {
                throw new BadInputException("A mix challenge needs both --mix-stems and --mix-target.");
            }
            if (mixStems != null) {
                AssignmentMixChallenge challenge = AssignmentPack.mixChallenge(mixStems, mixTarget, files);
                assignment = assignment.withMixChallenge(challenge);
            }
            AssignmentPack.write(out, assignment, files);
            OpenedPack pack = AssignmentPack.open(out);
            PrintWriter w = spec.commandLine().getOut();
            w.printf(Locale.ROOT, "Wrote %s: \"%s\", %d questions from %d drills, %s, pass mark %s %%%s.%n", out,
                    assignment.title(), assignment.questionPlan().size(), picked.size(), assignmentMode.key(),
                    number(passPercent), dueTime.map(d -> ", due " + d).orElse(""));
            w.println("SHA-256 " + pack.sha256());
        }

        private static String idFromFileName(Path file) {
            String name = String.valueOf(file.getFileName());
            int dot = name.indexOf('.');
            String slug = (dot > 0 ? name.substring(0, dot) : name).toLowerCase(Locale.ROOT)
                    .replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
            return slug.isEmpty() ? "assignment" : slug;
        }

        private static String defaultTitle(LessonLibrary library, List<AssignmentDrill> picked) {
            return String.join(" + ", picked.stream().map(AssignmentDrill::lessonId).distinct()
                    .map(id -> library.lesson(id).map(Lesson::title).orElse(id)).toList());
        }
    }

    /** {@code mixdojo assignment student-pack}. */
    @Command(name = "student-pack", mixinStandardHelpOptions = true,
            description = {"Make the student pack of an exam: each question's two versions as audio, its prompt and"
                    + " its answer form, and no lessons, seeds, chains or results key.",
                "Keep the assignment file: it holds the answers. Students take the pack on the app's Assignment screen"
                    + " and hand in an answers file, which you grade with 'assignment grade'."})
    static final class StudentPack implements Runnable {
        @Spec
        CommandSpec spec;

        @Mixin
        UserFolderOptions folders;

        @Parameters(paramLabel = "FILE", description = "The exam's assignment file (yours).")
        Path assignment;

        @Option(names = "--out", paramLabel = "FILE", required = true, description = "The student pack to write.")
        Path out;

        @Override
        public void run() {
            OpenedPack pack = AssignmentPack.open(assignment);
            ExamPack.requireExam(pack);
            if (out.toAbsolutePath().normalize().equals(assignment.toAbsolutePath().normalize())) {
                throw new BadInputException("--out " + out + " is the assignment file itself; write the student pack"
                        + " to another file.");
            }
            LessonLibrary lessons = LessonsCommand.loadOrFail(folders.lessons(), folders);
            try (LiveQuestions questions = ClassroomCommand.questions(pack, lessons, folders)) {
                List<StudentQuestion> made = new ArrayList<>();
                for (int number = 1; number <= questions.size(); number++) {
                    made.add(made(questions.question(number)));
                }
                ExamPack.write(out, pack, made);
            }
            ExamPack.Opened written = ExamPack.open(out);
            PrintWriter w = spec.commandLine().getOut();
            w.printf(Locale.ROOT, "Wrote %s: the student pack of \"%s\", %d questions as audio and prompts only.%n",
                    out, pack.assignment().title(), written.exam().questions().size());
            w.println("SHA-256 " + written.sha256());
            w.println("Keep " + assignment + ": it holds the answers.");
        }

        private static StudentQuestion made(CompletableFuture<StudentQuestion> question) {
            try {
                return question.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException cause) {
                    throw cause;
                }
                throw e;
            }
        }
    }

    /** {@code mixdojo assignment grade}. */
    @Command(name = "grade", mixinStandardHelpOptions = true,
            header = "Grade students' answers files against your exam's assignment file.",
            description = {"Each answers file (what a student saved after taking the student pack) is graded here:"
                    + " the questions are made again from your assignment file, each answer graded with its key, and the"
                    + " results written signed into the results folder, where 'gradebook' reads them.",
                "An answers file carries answers only: editing it cannot make a wrong answer right."})
    static final class Grade implements Runnable {
        @Spec
        CommandSpec spec;

        @Mixin
        UserFolderOptions folders;

        @Parameters(paramLabel = "ANSWERS", arity = "1..*", description = "The students' answers files.")
        List<Path> answers;

        @Option(names = "--pack", required = true, paramLabel = "FILE",
                description = "Your exam's assignment file (the one the student pack was made from).")
        Path pack;

        @Option(names = "--results", paramLabel = "DIR",
                description = "Where the results files go (default: the results folder in your data folder).")
        Path results;

        @Override
        public void run() {
            OpenedPack teacher = AssignmentPack.open(pack);
            ExamPack.requireExam(teacher);
            List<ExamAnswers.Sheet> sheets = new ArrayList<>();
            for (Path file : answers) {
                sheets.add(ExamAnswers.read(file));
            }
            LessonLibrary lessons = LessonsCommand.loadOrFail(folders.lessons(), folders);
            AssignmentQuestions questions = new AssignmentQuestions(teacher.assignment(), lessons, new QuestionKinds(),
                    new ExerciseAudio(folders.materialLibrary()));
            Path folder = results != null ? results : folders.directories().data().resolve("results");
            List<Results> graded = new ArrayList<>();
            for (int i = 0; i < answers.size(); i++) {
                graded.add(ExamAnswers.grade(answers.get(i), sheets.get(i), teacher, questions));
            }
            try {
                Files.createDirectories(folder);
            } catch (IOException e) {
                throw new BadInputException(folder, "cannot be created for the results (" + e.getMessage() + ").", e);
            }
            PrintWriter w = spec.commandLine().getOut();
            for (int i = 0; i < graded.size(); i++) {
                Results r = graded.get(i);
                Path written = ResultsWriter.writeInto(folder, r);
                w.printf(Locale.ROOT, "%s: %s, %d of %d questions answered, %s %% (%s) -> %s%n", answers.get(i),
                        r.student(), r.answers().size(), teacher.assignment().questionPlan().size(),
                        number(r.scorePercent()), r.passed() ? "passed" : "not passed", written);
            }
            w.println("Read them with: mixdojo gradebook " + folder + " --assignment " + pack);
        }
    }

    /** {@code mixdojo assignment open}. */
    @Command(name = "open", mixinStandardHelpOptions = true,
            description = "Check an assignment file and show its questions (the same for every student).")
    static final class Open implements Runnable {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "The assignment file.")
        Path file;

        @Option(names = "--json", description = "Print JSON instead of text.")
        boolean json;

        @Override
        public void run() {
            PrintWriter w = spec.commandLine().getOut();
            if (ExamPack.isExamPack(file)) {
                ExamPack.Opened exam = ExamPack.open(file);
                w.print(json ? json(exam) : text(exam));
                return;
            }
            OpenedPack pack = AssignmentPack.open(file);
            w.print(json ? json(pack) : text(pack));
        }

        private static String text(ExamPack.Opened pack) {
            ExamPack.Exam e = pack.exam();
            StringBuilder out = new StringBuilder();
            out.append("Student exam pack: ").append(e.title()).append(" (").append(e.id()).append(")\n");
            out.append("Answers: not in this file (the teacher's assignment file keeps them)\n");
            out.append("Pass mark: ").append(number(e.passMarkPercent())).append(" %\n");
            out.append("Due: ").append(e.due().map(OffsetDateTime::toString).orElse("no due date")).append('\n');
            out.append("Made from the assignment with SHA-256: ").append(e.assignmentSha256()).append('\n');
            out.append("SHA-256: ").append(pack.sha256()).append('\n');
            e.mixChallenge().ifPresent(c -> out.append("Mix challenge: stems in ").append(c.stemsFolder())
                    .append(", target ").append(c.targetEntry()).append('\n'));
            out.append("Questions: ").append(e.questions().size()).append('\n');
            out.append(String.format(Locale.ROOT, "%4s  %-9s %s%n", "#", "Answer", "Prompt"));
            for (ExamPack.Question q : e.questions()) {
                out.append(String.format(Locale.ROOT, "%4d  %-9s %s%n", q.number(), formName(q.form()), q.prompt()));
            }
            return out.toString();
        }

        private static String json(ExamPack.Opened pack) {
            ExamPack.Exam e = pack.exam();
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            ObjectNode root = mapper.createObjectNode();
            root.put("id", e.id()).put("title", e.title()).put("studentPack", true)
                    .put("passPercent", e.passMarkPercent()).put("assignmentSha256", e.assignmentSha256())
                    .put("sha256", pack.sha256());
            e.due().ifPresentOrElse(d -> root.put("due", d.toString()), () -> root.putNull("due"));
            e.mixChallenge().ifPresentOrElse(c -> root.putObject("mixChallenge").put("stems", c.stemsFolder())
                    .put("target", c.targetEntry()), () -> root.putNull("mixChallenge"));
            ArrayNode questions = root.putArray("questions");
            for (ExamPack.Question q : e.questions()) {
                questions.addObject().put("number", q.number()).put("prompt", q.prompt()).put("answer", formName(q.form()))
                        .put("a", q.audioA()).put("b", q.audioB());
            }
            try {
                return mapper.writeValueAsString(root) + "\n";
            } catch (JsonProcessingException ex) {
                throw new UncheckedIOException(ex);
            }
        }

        private static String formName(AnswerForm form) {
            if (form instanceof AnswerForm.Choice choice) {
                return "choice of " + choice.options().size();
            }
            return form instanceof AnswerForm.Value ? "value" : form instanceof AnswerForm.Settings ? "settings" : "curve";
        }

        private static String text(OpenedPack pack) {
            Assignment a = pack.assignment();
            StringBuilder out = new StringBuilder();
            out.append("Assignment: ").append(a.title()).append(" (").append(a.id()).append(")\n");
            out.append("Mode: ").append(a.mode().key()).append(" (").append(modeWords(a.mode())).append(")\n");
            out.append("Pass mark: ").append(number(a.passMarkPercent())).append(" %\n");
            out.append("Due: ").append(a.due().map(OffsetDateTime::toString).orElse("no due date")).append('\n');
            out.append("Material: ").append(pack.material().size()).append(" files\n");
            out.append("SHA-256: ").append(pack.sha256()).append('\n');
            a.mixChallenge().ifPresent(c -> out.append("Mix challenge: ")
                    .append(c.stemEntries(pack.entryNames()).size())
                    .append(" stems in ").append(c.stemsFolder()).append(", target ").append(c.targetEntry()).append('\n'));
            List<PlannedQuestion> plan = a.questionPlan();
            out.append("Questions: ").append(plan.size()).append('\n');
            out.append(String.format(Locale.ROOT, "%4s  %-24s %-20s %3s  %s%n", "#", "Lesson", "Drill", "Q", "Seed"));
            for (PlannedQuestion q : plan) {
                out.append(String.format(Locale.ROOT, "%4d  %-24s %-20s %3d  %d%n", q.number(), q.lessonId(), q.drillId(),
                        q.questionIndex(), q.questionSeed()));
            }
            return out.toString();
        }

        private static String json(OpenedPack pack) {
            Assignment a = pack.assignment();
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            ObjectNode root = mapper.createObjectNode();
            root.put("id", a.id()).put("title", a.title()).put("mode", a.mode().key())
                    .put("passPercent", a.passMarkPercent()).put("seed", a.seed())
                    .put("questionsPerDrill", a.questionsPerDrill()).put("sha256", pack.sha256());
            a.due().ifPresentOrElse(d -> root.put("due", d.toString()), () -> root.putNull("due"));
            ObjectNode flags = root.putObject("modeFlags");
            flags.put("hintsShown", a.mode().hintsShown()).put("retriesAllowed", a.mode().retriesAllowed())
                    .put("metersAndSpectrumShown", a.mode().metersAndSpectrumShown())
                    .put("fixedRounds", a.mode().fixedRounds());
            ArrayNode material = root.putArray("material");
            for (PackEntry e : pack.material()) {
                material.addObject().put("name", e.name()).put("size", e.sizeBytes()).put("sha256", e.sha256());
            }
            a.mixChallenge().ifPresentOrElse(c -> root.putObject("mixChallenge").put("stems", c.stemsFolder())
                    .put("target", c.targetEntry()), () -> root.putNull("mixChallenge"));
            ArrayNode questions = root.putArray("questions");
            for (PlannedQuestion q : a.questionPlan()) {
                questions.addObject().put("number", q.number()).put("lesson", q.lessonId()).put("drill", q.drillId())
                        .put("area", q.area()).put("kind", q.kind()).put("questionInDrill", q.questionIndex())
                        .put("seed", q.questionSeed());
            }
            try {
                return mapper.writeValueAsString(root) + "\n";
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static String modeWords(AssignmentMode mode) {
            List<String> words = new ArrayList<>();
            words.add(mode.fixedRounds() ? "fixed rounds" : "open rounds");
            words.add(mode.retriesAllowed() ? "retries" : "no retries");
            words.add(mode.hintsShown() ? "hints" : "no hints");
            words.add(mode.metersAndSpectrumShown() ? "meters and spectrum" : "no meters or spectrum");
            return String.join(", ", words);
        }
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
