package dev.mixdojo.ui.exam;

import dev.mixdojo.base.UserDirectories;
import dev.mixdojo.classroom.Assignment;
import dev.mixdojo.classroom.AssignmentDrill;
import dev.mixdojo.classroom.AssignmentMode;
import dev.mixdojo.classroom.AssignmentPack;
import dev.mixdojo.classroom.AssignmentQuestions;
import dev.mixdojo.classroom.ClassroomFixtures;
import dev.mixdojo.classroom.AssignmentMixChallenge;
import dev.mixdojo.classroom.OpenedPack;
import dev.mixdojo.classroom.PlannedQuestion;
import dev.mixdojo.exercise.Answer;
import dev.mixdojo.exercise.AnswerForm;
import dev.mixdojo.exercise.Question;
import dev.mixdojo.grading.KnownMix;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A two-question exam on the test lessons' octave drill, and the score an answer pattern should earn. */
public final class ExamFixtures {
    private ExamFixtures() {
    }

    /** The test lessons of ClassroomFixtures over material folders under {@code root}. */
    public static DrillSources sources(Path root) {
        return DrillSources.load(ClassroomFixtures.lessonFolder(root.resolve("lessons")),
                new UserDirectories(root.resolve("data"), root.resolve("cache")));
    }

    static OpenedPack pack(Path file, AssignmentMode mode) {
        AssignmentPack.write(file, quiz(mode), List.of());
        return AssignmentPack.open(file);
    }

    /** The quiz with a homework mix: the known stems and target, written beside {@code file}. */
    static OpenedPack packWithHomeworkMix(Path file, KnownMix.Delivery delivery) {
        List<AssignmentPack.MaterialFile> material = new ArrayList<>();
        AssignmentMixChallenge challenge = AssignmentPack.mixChallenge(delivery.stemsFolder(), delivery.target(), material);
        AssignmentPack.write(file, quiz(AssignmentMode.PRACTICE).withMixChallenge(challenge), material);
        return AssignmentPack.open(file);
    }

    private static Assignment quiz(AssignmentMode mode) {
        return Assignment.create("eq-quiz", "EQ quiz", List.of(new AssignmentDrill("eq-octaves", "octave",
                "eq", "eq-band")), 2, 42, mode, 50, Optional.empty(), new SecureRandom());
    }

    /**
     * The score (percent, two decimals) of answering option {@code option} (1 = first) to every question,
     * from questions made afresh from the pack and graded directly, not through any screen.
     */
    static double scoreOfAlwaysChoosing(OpenedPack pack, DrillSources sources, int option) {
        AssignmentQuestions questions = new AssignmentQuestions(pack.assignment(), sources.lessons(), sources.kinds(),
                sources.audio());
        double total = 0;
        List<PlannedQuestion> plan = pack.assignment().questionPlan();
        for (PlannedQuestion planned : plan) {
            Question q = questions.question(planned);
            String label = ((AnswerForm.Choice) q.form()).options().get(option - 1).label();
            total += q.grade(new Answer.Chosen(label)).score();
        }
        return Math.round(10_000 * total / plan.size()) / 100.0;
    }
}
