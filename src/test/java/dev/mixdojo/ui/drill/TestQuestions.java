package dev.mixdojo.ui.drill;

import dev.mixdojo.audio.AudioBuffer;
import dev.mixdojo.base.Scale;
import dev.mixdojo.dsp.chain.ChainDescription;
import dev.mixdojo.exercise.Answer;
import dev.mixdojo.exercise.AnswerForm;
import dev.mixdojo.exercise.AnswerKey;
import dev.mixdojo.exercise.Grading;
import dev.mixdojo.exercise.NumericGrading.Sign;
import dev.mixdojo.exercise.NumericGrading;
import dev.mixdojo.exercise.Quantity;
import dev.mixdojo.exercise.Question;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Small questions for pane tests: two seconds of a tone, the processed version 6 dB louder. */
final class TestQuestions {
    private TestQuestions() {
    }

    /**
     * "Which octave band was boosted?" with 125 Hz … 8 kHz as options; the truth is 1 kHz (option 4).
     * An answer sounds like the tone at 0.1 of full scale.
     */
    static Question octaveBand() {
        List<AnswerForm.Option> options = List.of(125.0, 250.0, 500.0, 1000.0, 2000.0, 4000.0, 8000.0).stream()
                .map(f -> new AnswerForm.Option(Quantity.FREQUENCY.format(f), f)).toList();
        return question("Which octave band was boosted?", new AnswerForm.Choice(options), 1000, "1 kHz",
                new Grading.ByValue(new NumericGrading(Quantity.FREQUENCY, 0.5, 2, Sign.IGNORED)),
                answer -> Optional.of(tone(0.1)));
    }

    /** "Where is the high-pass filter's cutoff?" on a 20 Hz – 20 kHz log axis; the truth is 500 Hz. */
    static Question cutoff() {
        return question("Where is the high-pass filter's cutoff?", new AnswerForm.Value(Quantity.FREQUENCY, 20, 20000, Scale.LOGARITHMIC),
                500, "500 Hz", new Grading.ByValue(new NumericGrading(Quantity.FREQUENCY, 0.5, 2, Sign.IGNORED)),
                Question.Audition.NONE);
    }

    /** "Dial in the EQ": frequency (log axis) and gain; graded by the frequency's distance from 2 kHz in octaves. */
    static Question eqMatch() {
        NumericGrading byOctaves = new NumericGrading(Quantity.FREQUENCY, 0.5, 2, Sign.IGNORED);
        return question("Dial in the EQ that was applied.", new AnswerForm.Settings(List.of(
                        new AnswerForm.Setting("frequencyHz", Quantity.FREQUENCY, 20, 20000, Scale.LOGARITHMIC),
                        new AnswerForm.Setting("gainDb", Quantity.GAIN_DB, -15, 15, Scale.LINEAR))),
                2000, "2 kHz +6 dB",
                new Grading.ByMeasure(answer -> byOctaves.grade(2000, ((Answer.Dialed) answer).values().get("frequencyHz"))),
                Question.Audition.NONE);
    }

    /** "Draw the fader ride" over four seconds, −12 to +12 dB; graded by the value drawn at 1 s against +6 dB. */
    static Question ride() {
        NumericGrading byDb = new NumericGrading(Quantity.GAIN_DB, 1, 6, Sign.MATTERS);
        return question("Draw the fader ride you heard.", new AnswerForm.Curve(Quantity.GAIN_DB, 4, -12, 12), 6, "+6 dB at 1 s",
                new Grading.ByMeasure(answer -> byDb.grade(6, ((Answer.Drawn) answer).points().stream()
                        .filter(p -> p.timeS() == 1.0).findFirst().orElseThrow().value())),
                Question.Audition.NONE);
    }

    private static Question question(String prompt, AnswerForm form, double truth, String label, Grading grading,
            Question.Audition audition) {
        Map<String, AudioBuffer> audio = new LinkedHashMap<>();
        audio.put("original", tone(0.25));
        audio.put("processed", tone(0.5));
        return new Question("test-lesson", "d1", "test", "test.skill", 7, 6, prompt, form, audio,
                new AnswerKey(truth, label, new ChainDescription(List.of()), "mix", 0), grading, audition);
    }

    /** Two seconds of a 1 kHz tone at {@code amplitude} on both channels, at 48 kHz. */
    static AudioBuffer tone(double amplitude) {
        float[][] channels = new float[2][96_000];
        for (int i = 0; i < channels[0].length; i++) {
            channels[0][i] = (float) (amplitude * Math.sin(2 * Math.PI * 1000 * i / 48_000.0));
            channels[1][i] = channels[0][i];
        }
        return new AudioBuffer(channels, 48_000);
    }
}
