package dev.mixdojo.exercise;

import dev.mixdojo.audio.AudioBuffer;
import dev.mixdojo.base.DaemonThreads;
import dev.mixdojo.base.Lazily;
import dev.mixdojo.base.yaml.MapReader;
import dev.mixdojo.base.yaml.Problems;
import dev.mixdojo.base.yaml.YamlNode;
import dev.mixdojo.dsp.chain.ChainDescription;
import dev.mixdojo.dsp.chain.ChainRenderer;
import dev.mixdojo.exercise.AbRenderer.Loudness;
import dev.mixdojo.lesson.DrillSpec;
import dev.mixdojo.material.BandEnergy;
import dev.mixdojo.material.SongTempo;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.function.DoubleFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The common shape of most question kinds: an excerpt of the drill's material, a hidden chain
 * applied to it, and the learner compares original and processed (loudness-matched unless level
 * is the question) and names what changed. Each kind is a {@link Planner} that decides, from the
 * drill's options, the level and the question's random source, what to hide.
 */
final class ChangeKind extends NamedKind {
    /** Seconds of material in a question unless the drill's options say otherwise. */
    static final double DEFAULT_EXCERPT_S = 8;

    /**
     * What one question hides: the chain that makes the processed version from the excerpt, and its
     * truth as a value in the skill's unit and as the label a learner would pick.
     */
    record Hidden(ChainDescription chain, double truth, String truthLabel) {
        /** The plan that asks about it: loudness-matched against the excerpt as it is; answers not heard. */
        Plan asking(String prompt, AnswerForm form, Grading grading) {
            return new Plan(this, new Asked(prompt, form, grading), Optional.empty(), Loudness.MATCHED, answer -> Optional.empty());
        }
    }

    /**
     * One question's plan: what it hides, how it asks, the original it compares with (the excerpt as it
     * is, or the excerpt through {@code reference}: a centred mono source for a pan question), whether
     * the versions are loudness-matched, and the chain an answer names, to hear it (empty when none).
     */
    record Plan(Hidden hidden, Asked asked, Optional<ChainDescription> reference, Loudness loudness,
            Function<Answer, Optional<ChainDescription>> answerChain) {

        /** This plan, with the excerpt through {@code referenceChain} as the original. */
        Plan comparedWith(ChainDescription referenceChain) {
            return new Plan(hidden, asked, Optional.of(referenceChain), loudness, answerChain);
        }

        /** This plan, with the versions' loudness {@code newLoudness}. */
        Plan withLoudness(Loudness newLoudness) {
            return new Plan(hidden, asked, reference, newLoudness, answerChain);
        }

        /** This plan, with answers heard through the chain {@code chainForAnswer} names (empty: not heard). */
        Plan hearingAnswers(Function<Answer, Optional<ChainDescription>> chainForAnswer) {
            return new Plan(hidden, asked, reference, loudness, chainForAnswer);
        }

        /** This plan, with answers heard through the chain that the answered value would make (same shape as the truth's). */
        Plan hearingAnswersAs(DoubleFunction<ChainDescription> chainForValue) {
            return hearingAnswers(answer -> Optional.of(chainForValue.apply(asked.form().valueOf(answer))));
        }

        /** This plan, with dialled answers ({@link Answer.Dialed}) heard through the chain their settings make. */
        Plan hearingDialsAs(Function<Map<String, Double>, ChainDescription> chainForSettings) {
            return hearingAnswers(answer -> answer instanceof Answer.Dialed dialed
                    ? Optional.of(chainForSettings.apply(dialed.values())) : Optional.empty());
        }
    }

    /**
     * The excerpt a question is made from, for plans that depend on it; every part is empty when
     * options are only being checked.
     *
     * @param audio      the excerpt
     * @param bandEnergy its energy per octave band ({@link BandEnergy#CENTRES_HZ}) in dB relative to its total,
     *                   computed when first asked for
     * @param weights    the learner's weak targets
     * @param tempo      the song's tempo and bar lines, seen from its start (empty for material without one)
     * @param startS     where in its material the excerpt starts, in seconds
     * @param renders    the renders a plan made on its way, which the question plays rather than render again
     */
    record Excerpt(Optional<AudioBuffer> audio, Supplier<List<Double>> bandEnergy, TargetWeights weights, Optional<SongTempo> tempo,
            double startS, Renders renders) {
        /** No excerpt: the plan is only being checked. */
        static final Excerpt NONE = new Excerpt(Optional.empty(), List::of, TargetWeights.NONE, Optional.empty(), 0, Renders.closed());

        /** The song's tempo in quarter notes per minute (empty for material without one). */
        OptionalDouble tempoBpm() {
            return tempo.map(t -> OptionalDouble.of(t.bpm())).orElse(OptionalDouble.empty());
        }

        /** The song's beats within the excerpt, in seconds from its start (empty without a tempo or an excerpt). */
        List<Double> beatsS() {
            return audio.isEmpty() || tempo.isEmpty() ? List.of()
                    : tempo.get().beatsS(startS, startS + audio.get().durationS()).stream().map(t -> t - startS).toList();
        }

        /** The excerpt's energy per octave band in dB relative to its total (see above). */
        List<Double> bandEnergyDb() {
            return bandEnergy.get();
        }

        /** Keeps a render the plan made of the excerpt through {@code chain}: the question plays it rather than render again. */
        void rendered(ChainDescription chain, AudioBuffer processed) {
            renders.keep(chain, processed);
        }
    }

    /**
     * Renders of the excerpt a plan made on its way, by chain, until the question takes its processed
     * version; after that none are kept (an audition may plan again, and a question lives long).
     */
    static final class Renders {
        private Map<ChainDescription, AudioBuffer> byChain = new HashMap<>();

        /** Renders that keep nothing: for planning without audio (checking options), shared by every check. */
        static Renders closed() {
            Renders renders = new Renders();
            renders.byChain = null;
            return renders;
        }

        /** Keeps the excerpt through {@code chain}, unless the keeping has ended. */
        void keep(ChainDescription chain, AudioBuffer processed) {
            if (byChain != null) {
                byChain.put(chain, processed);
            }
        }

        /** The render through this chain, if the plan made one; ends the keeping. */
        Optional<AudioBuffer> take(ChainDescription chain) {
            Map<ChainDescription, AudioBuffer> kept = byChain;
            byChain = null;
            return Optional.ofNullable(kept == null ? null : kept.get(chain));
        }
    }

    /** Decides a question; reads the drill's options through {@code options} (which reports problems). */
    interface Planner {
        /** The plan for this level, drawn from {@code random}, on {@code excerpt} (or {@link Excerpt#NONE} when checking). */
        Plan plan(MapReader options, double level, SplittableRandom random, Excerpt excerpt);
    }

    private final Planner planner;

    ChangeKind(String name, String skill, String difficulty, Planner planner) {
        super(name, skill, difficulty);
        this.planner = planner;
    }

    @Override
    public void checkOptions(DrillSpec drill, Problems problems) {
        MapReader.of(drill.options(), problems, "the options of " + name()).ifPresent(options -> {
            excerptS(options);
            roveRangeDb(options);
            try {
                // Every level the staircase can reach must make a valid question; the extremes and the start stand for them.
                planner.plan(options, drill.difficulty().easiestLevel(), new SplittableRandom(0), Excerpt.NONE);
                planner.plan(options, drill.difficulty().startLevel(), new SplittableRandom(0), Excerpt.NONE);
                planner.plan(options, drill.difficulty().hardestLevel(), new SplittableRandom(0), Excerpt.NONE);
            } catch (IllegalArgumentException e) {
                problems.add(drill.location(), name() + ": " + e.getMessage());
            }
            options.finish();
        });
    }

    @Override
    public Question generate(String lessonId, DrillSpec drill, double level, long seed, ExerciseAudio audio) {
        return generate(lessonId, drill, level, seed, audio, TargetWeights.NONE);
    }

    @Override
    public Question generate(String lessonId, DrillSpec drill, double level, long seed, ExerciseAudio audio,
            TargetWeights weights) {
        MapReader options = readOptions(drill.options(), name());
        SplittableRandom random = new SplittableRandom(seed);
        double excerptS = excerptS(options);
        double roveRangeDb = roveRangeDb(options);
        ExerciseAudio.Cut cut = audio.cut(drill.material(), excerptS, random);
        AudioBuffer excerpt = cut.audio();
        Renders renders = new Renders();
        // Band energies cost a spectrum of the whole excerpt; only the kinds that choose a band ask for them.
        Plan plan = planner.plan(options, level, random,
                new Excerpt(Optional.of(excerpt), Lazily.once(() -> BandEnergy.octaveBandsDb(excerpt)), weights,
                        audio.tempo(drill.material()), cut.startS(), renders));
        ChainDescription chain = plan.hidden().chain();
        // A reference (the reverb without predelay, a centred source) renders beside the processed version.
        CompletableFuture<AudioBuffer> reference = plan.reference()
                .map(referenceChain -> CompletableFuture.supplyAsync(() -> ChainRenderer.render(referenceChain, excerpt),
                        DaemonThreads.sideTasks()))
                .orElse(CompletableFuture.completedFuture(excerpt));
        AudioBuffer processed = renders.take(chain).orElseGet(() -> ChainRenderer.render(chain, excerpt));
        AudioBuffer source = DaemonThreads.join(reference);
        if (source.channelCount() == 1 && processed.channelCount() == 2) {
            source = toStereo(source);
        }
        double roveDb = roveDb(roveRangeDb, random);
        AudioBuffer original = source;
        AbRenderer.AbPair pair = AbRenderer.render(original, processed, plan.loudness(), roveDb);
        AnswerKey key = new AnswerKey(plan.hidden().truth(), plan.hidden().truthLabel(), chain,
                drill.material().stem().orElse("mix"), pair.matchGainDb());
        Question.Audition audition = answer -> plan.answerChain().apply(answer).map(answerChain -> AbRenderer.render(
                original, ChainRenderer.render(answerChain, excerpt), plan.loudness(), roveDb)
                .processed());
        return new Question(lessonId, drill.id(), name(), skill(), seed, level, plan.asked().prompt(), plan.asked().form(),
                Map.of("original", pair.original(), "processed", pair.processed()), key, plan.asked().grading(), audition);
    }

    /** Seconds of material per question: the drill's {@code excerptS} (every kind takes it). */
    static double excerptS(MapReader options) {
        return options.number("excerptS", 2, 30, DEFAULT_EXCERPT_S);
    }

    /** The range (dB) of the level rove: the drill's {@code roveDb} (every kind takes it). */
    static double roveRangeDb(MapReader options) {
        return options.number("roveDb", 0, 3, 0);
    }

    /** The question's level rove (dB), drawn within ±{@code rangeDb}; draws nothing when there is no rove. */
    static double roveDb(double rangeDb, SplittableRandom random) {
        return rangeDb == 0 ? 0 : (random.nextDouble() * 2 - 1) * rangeDb;
    }

    /** Options already checked by {@link QuestionKind#checkOptions}; a problem now is a fault of ours. */
    static MapReader readOptions(YamlNode node, String name) {
        Problems problems = new Problems();
        return MapReader.of(node, problems, "the options of " + name)
                .orElseThrow(() -> new IllegalStateException("options were not checked: " + problems.all()));
    }

    /** A mono buffer as two identical channels (a reference beside a panned, stereo version). */
    static AudioBuffer toStereo(AudioBuffer mono) {
        return new AudioBuffer(new float[][] {mono.channel(0), mono.channel(0).clone()}, mono.sampleRateHz());
    }
}
