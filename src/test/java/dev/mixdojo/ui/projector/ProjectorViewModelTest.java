package dev.mixdojo.ui.projector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mixdojo.exercise.Question;
import dev.mixdojo.ui.exam.WithExamSources;
import org.junit.jupiter.api.Test;

/** The projector's logic without the toolkit: work runs at once, seeds are fixed. */
class ProjectorViewModelTest extends WithExamSources {
    private ProjectorViewModel model() {
        ProjectorViewModel model = new ProjectorViewModel(audio, Runnable::run, Runnable::run, () -> sources, () -> 99L);
        model.load();
        return model;
    }

    @Test
    void everyLessonDrillIsOfferedAndTheFirstPlaysAtOnceWithTheAnswerHidden() {
        ProjectorViewModel model = model();
        assertThat(model.drills()).extracting(ProjectorViewModel.DrillChoice::title).containsExactly(
                "Hearing octave boosts — Which octave was boosted?", "Hearing octave boosts — How much was it boosted?",
                "Where is it panned? — Where is the vocal?");
        assertThat(model.chosenProperty().get()).isZero();
        assertThat(model.questionNumberProperty().get()).isEqualTo(1);
        assertThat(model.drill().questionProperty().get().drillId()).isEqualTo("octave");
        assertThat(model.revealedProperty().get()).isFalse();
        assertThat(model.answerProperty().get()).isEmpty();
    }

    @Test
    void revealShowsTheQuestionsOwnAnswerAndNextHidesItForANewQuestion() {
        ProjectorViewModel model = model();
        Question first = model.drill().questionProperty().get();
        model.reveal();
        assertThat(model.revealedProperty().get()).isTrue();
        assertThat(model.answerProperty().get()).isEqualTo(first.key().truthLabel()).isNotBlank();
        model.next();
        Question second = model.drill().questionProperty().get();
        assertThat(model.questionNumberProperty().get()).isEqualTo(2);
        assertThat(second.seed()).isNotEqualTo(first.seed());
        assertThat(model.revealedProperty().get()).isFalse();
        assertThat(model.answerProperty().get()).isEmpty();
    }

    @Test
    void choosingAnotherDrillStartsItsRoundFromQuestionOne() {
        ProjectorViewModel model = model();
        model.next();
        model.choose(2);
        assertThat(model.questionNumberProperty().get()).isEqualTo(1);
        assertThat(model.drill().questionProperty().get().drillId()).isEqualTo("position");
    }
}
