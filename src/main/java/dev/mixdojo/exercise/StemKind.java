package dev.mixdojo.exercise;

import dev.mixdojo.audio.AudioBuffer;
import dev.mixdojo.base.BadInputException;
import dev.mixdojo.base.yaml.MapReader;
import dev.mixdojo.base.yaml.Problems;
import dev.mixdojo.dsp.chain.ChainDescription;
import dev.mixdojo.dsp.spatial.BalanceSettings;
import dev.mixdojo.dsp.spatial.GainSettings;
import dev.mixdojo.dsp.spatial.PanSettings;
import dev.mixdojo.exercise.AbRenderer.Loudness;
import dev.mixdojo.lesson.DrillSpec;
import dev.mixdojo.material.Role;
import dev.mixdojo.material.RoughMix;
import dev.mixdojo.material.Stem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Balance questions on a song's stems (level and pan drills): both versions are sums of the same
 * excerpt of every stem at its default balance ({@link RoughMix#sum}), except that in the
 * processed version one stem's balance — its gain or its pan — is changed. The learner names the
 * stem, or the size of the change. Only stems audible in the excerpt ({@link #AUDIBLE_DB}) are
 * asked about or offered; an excerpt with fewer than two is refused. The versions are
 * loudness-matched unless the plan says level is the question.
 */
final class StemKind extends NamedKind {
    /**
     * A stem is audible in an excerpt when its energy at its balance is at most this far below the
     * energy of all stems together (dB): a 6 dB change to a stem 20 dB down still moves the mix by
     * about 0.1 dB, small but there; much further down the question would be about a change no one
     * could hear in the mix.
     */
    static final double AUDIBLE_DB = -20;

    /** One stem's new balance: which stem, how its gain and pan change, and the change as a chain. */
    record Change(String stem, UnaryOperator<Stem> rebalance, ChainDescription chain) {
    }

    /** What one question hides: the change to one stem, and its truth as a value and as the label a learner would pick. */
    record Hidden(Change change, double truth, String truthLabel) {
        /** The plan that asks about it: loudness-matched; answers not heard. */
        Plan asking(String prompt, AnswerForm form, Grading grading) {
            return new Plan(this, new Asked(prompt, form, grading), Loudness.MATCHED, answer -> Optional.empty());
        }
    }

    /**
     * One question's plan: what it hides, how it asks, whether the versions are loudness-matched, and
     * the change an answer names, to hear it against the truth (empty when it names none).
     */
    record Plan(Hidden hidden, Asked asked, Loudness loudness, Function<Answer, Optional<Change>> answerChange) {
        /** This plan, with the versions' loudness {@code newLoudness}. */
        Plan withLoudness(Loudness newLoudness) {
            return new Plan(hidden, asked, newLoudness, answerChange);
        }

        /** This plan, with answers heard through the change {@code changeForAnswer} names (empty: not heard). */
        Plan hearingAnswers(Function<Answer, Optional<Change>> changeForAnswer) {
            return new Plan(hidden, asked, loudness, changeForAnswer);
        }
    }

    /** Decides a question from the drill's options, the level, the random source and the excerpt's audible stems. */
    interface Planner {
        /** The plan for this level, drawn from {@code random}, among the {@code audible} stems. */
        Plan plan(MapReader options, double level, SplittableRandom random, List<Stem> audible, TargetWeights weights);
    }

    private final Planner planner;

    StemKind(String name, String skill, String difficulty, Planner planner) {
        super(name, skill, difficulty);
        this.planner = planner;
    }

    @Override
    public void checkOptions(DrillSpec drill, Problems problems) {
        if (!drill.material().source().equals("song") || drill.material().stem().isPresent()) {
            problems.add(drill.location(), name() + ": the material must be a whole song (song/NAME), since the drill changes one of its stems");
        }
        MapReader.of(drill.options(), problems, "the options of " + name()).ifPresent(options -> {
            ChangeKind.excerptS(options);
            ChangeKind.roveRangeDb(options);
            // Two silent stand-ins: the plan is only checked, at the levels the staircase can reach.
            List<Stem> standIns = List.of(standIn("first"), standIn("second"));
            try {
                for (double level : List.of(drill.difficulty().easiestLevel(), drill.difficulty().startLevel(),
                        drill.difficulty().hardestLevel())) {
                    planner.plan(options, level, new SplittableRandom(0), standIns, TargetWeights.NONE);
                }
            } catch (IllegalArgumentException e) {
                problems.add(drill.location(), name() + ": " + e.getMessage());
            }
            options.finish();
        });
    }

    private static Stem standIn(String stemName) {
        return new Stem(stemName, Role.OTHER, AudioBuffer.silence(1, 1, 48_000), 0, 0);
    }

    @Override
    public Question generate(String lessonId, DrillSpec drill, double level, long seed, ExerciseAudio audio) {
        return generate(lessonId, drill, level, seed, audio, TargetWeights.NONE);
    }

    @Override
    public Question generate(String lessonId, DrillSpec drill, double level, long seed, ExerciseAudio audio,
            TargetWeights weights) {
        MapReader options = ChangeKind.readOptions(drill.options(), name());
        SplittableRandom random = new SplittableRandom(seed);
        double excerptS = ChangeKind.excerptS(options);
        double roveRangeDb = ChangeKind.roveRangeDb(options);
        List<Stem> stems = audio.stemExcerpts(drill.material(), excerptS, random);
        List<Stem> audible = audible(stems);
        if (audible.size() < 2) {
            throw new BadInputException("fewer than two stems are audible in this excerpt of '" + drill.material()
                    + "'; choose a fuller song or a longer excerpt");
        }
        Plan plan = planner.plan(options, level, random, audible, weights);
        AudioBuffer original = RoughMix.sum(stems);
        Change change = plan.hidden().change();
        AudioBuffer processed = RoughMix.sum(rebalanced(stems, change));
        double roveDb = ChangeKind.roveDb(roveRangeDb, random);
        AbRenderer.AbPair pair = AbRenderer.render(original, processed, plan.loudness(), roveDb);
        AnswerKey key = new AnswerKey(plan.hidden().truth(), plan.hidden().truthLabel(), change.chain(), change.stem(),
                pair.matchGainDb());
        Question.Audition audition = answer -> plan.answerChange().apply(answer).map(answerChange -> AbRenderer.render(
                original, RoughMix.sum(rebalanced(stems, answerChange)), plan.loudness(), roveDb).processed());
        return new Question(lessonId, drill.id(), name(), skill(), seed, level, plan.asked().prompt(), plan.asked().form(),
                Map.of("original", pair.original(), "processed", pair.processed()), key, plan.asked().grading(), audition);
    }

    /** The stems with one stem's balance changed. */
    static List<Stem> rebalanced(List<Stem> stems, Change change) {
        List<Stem> result = new ArrayList<>();
        for (Stem stem : stems) {
            result.add(stem.name().equals(change.stem()) ? change.rebalance().apply(stem) : stem);
        }
        return result;
    }

    /** The stems whose energy at their balance is within {@link #AUDIBLE_DB} of all the stems' together, in stem order. */
    static List<Stem> audible(List<Stem> stems) {
        double[] energy = stems.stream().mapToDouble(StemKind::energyAtBalance).toArray();
        double total = java.util.Arrays.stream(energy).sum();
        List<Stem> audible = new ArrayList<>();
        for (int i = 0; i < stems.size(); i++) {
            if (total > 0 && energy[i] >= total * Math.pow(10, AUDIBLE_DB / 10)) {
                audible.add(stems.get(i));
            }
        }
        return audible;
    }

    private static double energyAtBalance(Stem stem) {
        double sum = 0;
        for (float[] channel : stem.audio().channels()) {
            for (float x : channel) {
                sum += (double) x * x;
            }
        }
        return sum * Math.pow(10, stem.gainDb() / 10);
    }

    /** The choice among the audible stems, by name; each option's value is the stem's place in the list. */
    static AnswerForm.Choice stemChoice(List<Stem> audible) {
        List<AnswerForm.Option> options = new ArrayList<>();
        for (int i = 0; i < audible.size(); i++) {
            options.add(new AnswerForm.Option(audible.get(i).name(), i));
        }
        return new AnswerForm.Choice(options);
    }

    /** The chosen stem, for an answer that names one of {@code audible}. */
    static Optional<Stem> chosen(Answer answer, List<Stem> audible) {
        return answer instanceof Answer.Chosen chosen
                ? audible.stream().filter(s -> s.name().equals(chosen.label())).findFirst() : Optional.empty();
    }

    /** The stem's gain changed by {@code gainDb}. */
    static Change gainChange(String stem, double gainDb) {
        return new Change(stem, s -> new Stem(s.name(), s.role(), s.audio(), s.gainDb() + gainDb, s.pan()),
                ChainDescription.of(GainSettings.of(gainDb)));
    }

    /** The stem moved to {@code position} (−1 left … 1 right): a pan for a mono stem, a balance for a stereo one. */
    static Change panChange(Stem stem, double position) {
        return new Change(stem.name(), s -> new Stem(s.name(), s.role(), s.audio(), s.gainDb(), position),
                ChainDescription.of(stem.audio().channelCount() == 1 ? PanSettings.constantPower(position)
                        : BalanceSettings.of(position)));
    }
}
