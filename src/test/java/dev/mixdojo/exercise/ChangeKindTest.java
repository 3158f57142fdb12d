package dev.mixdojo.exercise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mixdojo.audio.AudioBuffer;
import dev.mixdojo.base.BadInputException;
import dev.mixdojo.base.yaml.Problem;
import dev.mixdojo.base.yaml.Problems;
import dev.mixdojo.dsp.chain.ChainRenderer;
import dev.mixdojo.dsp.dynamics.ThresholdSearch;
import dev.mixdojo.lesson.DrillSpec;
import dev.mixdojo.progress.StaircaseSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChangeKindTest extends WithMaterial {
    private static final StaircaseSettings GAIN = StaircaseSettings.linear(9, 12, 1, 1);

    @Test
    void matchedVersionsDifferByAtMostATenthOfALoudnessUnitAndPeakBelowMinusOneDbtp() {
        DrillSpec drill = Drills.drill("eq-band", "noise/pink", "{excerptS: 4, roveDb: 2}", GAIN);
        for (long seed = 1; seed <= 5; seed++) {
            Question question = EqKinds.eqBand().generate("l", drill, 12, seed, audio);
            var original = AbRenderer.measure(question.audio().get("original"), true);
            var processed = AbRenderer.measure(question.audio().get("processed"), true);
            assertThat(Math.abs(original.integratedLufs() - processed.integratedLufs())).isLessThanOrEqualTo(0.1);
            assertThat(original.truePeakDbtp()).isLessThanOrEqualTo(AbRenderer.TRUE_PEAK_CEILING_DBTP + 1e-6);
            assertThat(processed.truePeakDbtp()).isLessThanOrEqualTo(AbRenderer.TRUE_PEAK_CEILING_DBTP + 1e-6);
            // A 12 dB boost makes the processed version louder, so the matching gain is a cut.
            assertThat(question.key().matchGainDb()).isNegative();
        }
    }

    @Test
    void theRightAnswerSoundsExactlyLikeTheProcessedVersionAndAWrongOneDoesNot() {
        DrillSpec drill = Drills.drill("eq-band", "noise/pink", "{excerptS: 3, roveDb: 1}", GAIN);
        Question question = EqKinds.eqBand().generate("l", drill, 12, 7, audio);
        String truth = question.key().truthLabel();
        String wrong = ((AnswerForm.Choice) question.form()).options().stream().map(AnswerForm.Option::label)
                .filter(label -> !label.equals(truth)).findFirst().orElseThrow();
        AudioBuffer processed = question.audio().get("processed");
        AudioBuffer right = question.answerAudio(new Answer.Chosen(truth)).orElseThrow();
        for (int c = 0; c < processed.channelCount(); c++) {
            assertThat(right.channel(c)).containsExactly(processed.channel(c));
        }
        assertThat(question.answerAudio(new Answer.Chosen(wrong)).orElseThrow().channel(0))
                .isNotEqualTo(processed.channel(0));
    }

    @Test
    void aCompressedVersionIsTheAnswerKeysChainRenderedAgainBitForBit() {
        // The threshold search's own render, or the one it made beside its check, is played; it must be what the
        // answer key's chain makes.
        for (String kind : List.of("compression-amount", "compression-ratio", "compression-attack-ms", "compression-attack",
                "compression-release")) {
            DrillSpec drill = Drills.drill(kind, "song/funk-elevator/drums", "{excerptS: 3}",
                    StaircaseSettings.linear(3, 3, 1, 1));
            QuestionKind questionKind = new QuestionKinds().kind(kind).orElseThrow();
            Question question = questionKind.generate("l", drill, 3, 11, audio);
            AudioBuffer excerpt = audio.excerpt(drill.material(), 3, new java.util.SplittableRandom(11)); // as generate draws it
            AbRenderer.AbPair again = AbRenderer.render(excerpt, ChainRenderer.render(question.key().chain(), excerpt),
                    AbRenderer.Loudness.MATCHED, 0);
            assertThat(again.matchGainDb()).as(kind).isEqualTo(question.key().matchGainDb());
            for (int c = 0; c < again.processed().channelCount(); c++) {
                assertThat(question.audio().get("processed").channel(c)).as(kind).containsExactly(again.processed().channel(c));
            }
        }
    }

    @Test
    void aKindThatCannotRenderAnswersSaysSo() {
        DrillSpec drill = Drills.drill("compression-detect", "song/funk-elevator/snare", "{excerptS: 3}",
                StaircaseSettings.linear(6, 6, 1, 1));
        Question question = CompressionKinds.compressionDetect().generate("l", drill, 6, 3, audio);
        assertThat(question.answerAudio(new Answer.Chosen("Yes"))).isEmpty();
    }

    @Test
    void theSameSeedRendersTheSameQuestionBitForBit() {
        DrillSpec drill = Drills.drill("eq-band", "noise/pink", "{bands: third, direction: either, excerptS: 3}", GAIN);
        Question a = EqKinds.eqBand().generate("l", drill, 6, 42, audio);
        Question b = EqKinds.eqBand().generate("l", drill, 6, 42, Drills.audio(cache));
        assertThat(b.key().truth()).isEqualTo(a.key().truth());
        assertThat(b.prompt()).isEqualTo(a.prompt());
        for (String version : List.of("original", "processed")) {
            AudioBuffer x = a.audio().get(version);
            AudioBuffer y = b.audio().get(version);
            for (int c = 0; c < x.channelCount(); c++) {
                assertThat(y.channel(c)).containsExactly(x.channel(c));
            }
        }
        Question other = EqKinds.eqBand().generate("l", drill, 6, 43, audio);
        assertThat(other.audio().get("processed").channel(0)).isNotEqualTo(a.audio().get("processed").channel(0));
    }

    @Test
    void aQuestionAboutABandTheMaterialDoesNotCarryIsRefused() {
        // The 1 kHz test tone has no energy two octaves away from 1 kHz.
        DrillSpec drill = Drills.drill("eq-band", "noise/pink", "{lowHz: 8000, highHz: 16000, excerptS: 3}", GAIN);
        DrillSpec onTone = new DrillSpec(drill.id(), drill.kind(), drill.title(),
                dev.mixdojo.lesson.MaterialRef.parse("song/tone-1k").orElseThrow(), 10, drill.options(), GAIN,
                drill.location());
        assertThatThrownBy(() -> EqKinds.eqBand().generate("l", onTone, 12, 1, audio))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("no energy in the bands this drill asks about");
    }

    @Test
    void badOptionsAreReportedWithTheirPlaces() {
        DrillSpec drill = Drills.drill("eq-band", "noise/pink", "{bands: quarter, q: 40, colour: red}", GAIN);
        Problems problems = new Problems();
        EqKinds.eqBand().checkOptions(drill, problems);
        assertThat(problems.all()).extracting(Problem::toString).containsExactly(
                "test-lesson.yaml:1:9: the options of eq-band bands must be one of octave, third, got 'quarter'",
                "test-lesson.yaml:1:21: the options of eq-band q must be between 0.5 and 10, got 40",
                "test-lesson.yaml:1:25: unknown key 'colour' in the options of eq-band");
    }

    @Test
    void feedbackSaysTheErrorInTheSkillsUnits() {
        DrillSpec drill = Drills.drill("eq-band", "noise/pink", "{excerptS: 2}", GAIN);
        Question question = EqKinds.eqBand().generate("l", drill, 12, 7, audio);
        double truth = question.key().truth();
        AnswerForm.Option octaveUp = ((AnswerForm.Choice) question.form()).options().stream()
                .filter(o -> Math.abs(o.value() / truth - 2) < 0.05).findFirst()
                .orElseGet(() -> ((AnswerForm.Choice) question.form()).options().get(0));
        Grade grade = question.grade(new Answer.Chosen(octaveUp.label()));
        assertThat(grade.feedback()).startsWith("You said " + octaveUp.label() + "; it was " + question.key().truthLabel());
        assertThat(grade.unit()).isEqualTo("oct");
    }

    @Test
    void eachNewKindReportsOptionsItCannotUse() {
        StaircaseSettings ratio = StaircaseSettings.logarithmic(2, 2, 1.1, 1.1);
        assertThat(problems(CompressionKinds.compressionAmount(), "{smallestDb: 10, largestDb: 4, ratio: 50}", GAIN))
                .containsExactly("test-lesson.yaml:1:1: compression-amount: smallestDb must not exceed largestDb",
                        "test-lesson.yaml:1:39: the options of compression-amount ratio must be between 1.5 and 20, got 50");
        assertThat(problems(CompressionKinds.compressionAttack(), "{middleAttackMs: 0.5}",
                StaircaseSettings.logarithmic(30, 30, 2, 2)))
                .containsExactly("test-lesson.yaml:1:1: compression-attack: the attack times must stay between 0.1 and 300 ms; "
                        + "lower the easiest level or move middleAttackMs");
        assertThat(problems(EffectKinds.reverbDecay(), "{shortestS: 4, choices: 6}", ratio))
                .containsExactly("test-lesson.yaml:1:1: reverb-decay: the longest decay would exceed 20 s; "
                        + "lower shortestS, choices or the easiest level");
        assertThat(problems(EffectKinds.delayTime(), "{shortestMs: 2000, choices: 6, mix: 2}", StaircaseSettings.linear(500, 500, 10, 10)))
                .containsExactly("test-lesson.yaml:1:1: delay-time: the longest delay would exceed 4000 ms; "
                                + "lower shortestMs, choices or the easiest level",
                        "test-lesson.yaml:1:37: the options of delay-time mix must be between 0.1 and 0.9, got 2");
        assertThat(problems(EffectKinds.saturationHarmonics(), "{}", StaircaseSettings.linear(60, 60, 3, 3)))
                .containsExactly("test-lesson.yaml:1:1: saturation-harmonics: the drive must be between 0 and 48 dB");
        assertThat(problems(CompressionKinds.compressionDetect(), "{attackMs: 5, releaseMs: 80, ratio: 3}", GAIN)).isEmpty();
    }

    @Test
    void theShapeTimeAndBalanceKindsReportOptionsTheyCannotUse() {
        StaircaseSettings ratio = StaircaseSettings.logarithmic(8, 8, 1.6, 1.3);
        assertThat(problems(EqKinds.eqQ(), "{middleQ: 8}", ratio))
                .containsExactly("test-lesson.yaml:1:1: eq-q: the Qs must stay between 0.2 and 16; lower the easiest level or move middleQ");
        assertThat(problems(EqKinds.eqTwoBands(), "{lowHz: 1000, highHz: 2000}", GAIN))
                .containsExactly("test-lesson.yaml:1:1: eq-two-bands: lowHz to highHz must hold two bands minApartOctaves apart");
        assertThat(problems(EqKinds.eqMatch(), "{widestQ: 5, narrowestQ: 1}", StaircaseSettings.linear(2, 2, 0.5, 0.25)))
                .containsExactly("test-lesson.yaml:1:1: eq-match: smallestDb must not exceed largestDb, nor widestQ narrowestQ");
        assertThat(problems(PanKinds.panWidth(), "{narrowest: 1, widest: 1}", StaircaseSettings.linear(25, 25, 10, 2.5)))
                .containsExactly("test-lesson.yaml:1:1: pan-width: narrowest to widest must hold a width other than 100 %");
        assertThat(problems(CompressionKinds.compressionReleaseMs(), "{fastestMs: 500, slowestMs: 100}", GAIN))
                .containsExactly("test-lesson.yaml:1:1: compression-release-ms: fastestMs must be below slowestMs");
        assertThat(problems(CompressionKinds.compressionRatio(), "{lowestRatio: 10, choices: 4}", StaircaseSettings.logarithmic(5, 5, 1.5, 1.3)))
                .containsExactly("test-lesson.yaml:1:1: compression-ratio: the highest ratio would exceed 50:1; "
                        + "lower lowestRatio, choices or the easiest level");
        // Balance kinds need a whole song; the stem reference is the problem.
        Problems problems = new Problems();
        LevelKinds.levelAmount().checkOptions(Drills.drill("level-amount", "noise/pink", "{largestDb: 0.5, smallestDb: 2}", GAIN), problems);
        assertThat(problems.all()).extracting(Problem::toString).containsExactly(
                "test-lesson.yaml:1:1: level-amount: the material must be a whole song (song/NAME), since the drill changes one of its stems",
                "test-lesson.yaml:1:1: level-amount: smallestDb must not exceed largestDb");
    }

    @Test
    void aCompressionMatchGradesTheGainReductionTracesNotTheNumbers() {
        DrillSpec drill = Drills.drill("compression-match", "song/funk-elevator/snare", "{excerptS: 2}",
                StaircaseSettings.linear(1, 1, 0.5, 0.25));
        Question question = CompressionKinds.compressionMatch().generate("l", drill, 1, 11, audio);
        var truth = (dev.mixdojo.dsp.dynamics.DynamicsSettings) question.key().chain().steps().get(0);
        String said = question.key().truthLabel();
        double belowPeakDb = Double.parseDouble(said.substring(said.indexOf(", ") + 2, said.indexOf(" dB")));
        java.util.Map<String, Double> exact = java.util.Map.of("belowPeakDb", belowPeakDb, "ratio", truth.ratio().initial(),
                "attackMs", truth.attackMs().initial(), "releaseMs", truth.releaseMs().initial());
        Grade right = question.grade(new Answer.Dialed(exact));
        // Only the label's rounding of the threshold to 0.1 dB separates the two.
        assertThat(right.error()).isLessThan(0.1);
        assertThat(right.correct()).isTrue();
        java.util.Map<String, Double> gentler = new java.util.HashMap<>(exact);
        gentler.put("belowPeakDb", belowPeakDb / 2);
        Grade wrong = question.grade(new Answer.Dialed(gentler));
        assertThat(wrong.error()).isGreaterThan(1);
        assertThat(wrong.correct()).isFalse();
        assertThat(wrong.feedback()).contains("below the peak").contains("attack");
        // Hearing the exact answer is hearing the processed version.
        assertThat(question.answerAudio(new Answer.Dialed(exact)).orElseThrow().frames())
                .isEqualTo(question.audio().get("processed").frames());
    }

    @Test
    void aReverbDecayQuestionOffersDecaysALevelApartAndCreditsOnlyTheRightOne() {
        DrillSpec drill = Drills.drill("reverb-decay", "noise/pink", "{excerptS: 2}", GAIN);
        Question question = EffectKinds.reverbDecay().generate("l", drill, 2, 3, audio);
        List<AnswerForm.Option> options = ((AnswerForm.Choice) question.form()).options();
        assertThat(options).extracting(AnswerForm.Option::label).containsExactly("0.5 s", "1 s", "2 s", "4 s");
        for (AnswerForm.Option option : options) {
            Grade grade = question.grade(new Answer.Chosen(option.label()));
            assertThat(grade.correct()).isEqualTo(option.label().equals(question.key().truthLabel()));
            assertThat(grade.unit()).isEqualTo("oct");
        }
    }

    @Test
    void aCompressionAmountQuestionsTruthIsTheGainReductionOfItsOwnChain() {
        DrillSpec drill = Drills.drill("compression-amount", "song/funk-elevator/snare", "{excerptS: 2, smallestDb: 6, largestDb: 6}", GAIN);
        Question question = CompressionKinds.compressionAmount().generate("l", drill, 2, 5, audio);
        assertThat(question.key().truth()).isCloseTo(6, org.assertj.core.data.Offset.offset(ThresholdSearch.TOLERANCE_DB));
        assertThat(question.key().chain().steps()).singleElement()
                .satisfies(step -> assertThat(step.kind()).isEqualTo("compressor"));
    }

    private static List<String> problems(QuestionKind kind, String options, StaircaseSettings difficulty) {
        Problems problems = new Problems();
        kind.checkOptions(Drills.drill(kind.name(), "noise/pink", options, difficulty), problems);
        return problems.all().stream().map(Problem::toString).toList();
    }
}
