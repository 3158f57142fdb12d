package dev.mixdojo.ui.mixer;

import dev.mixdojo.audio.AudioBuffer;
import dev.mixdojo.base.Warnings;
import dev.mixdojo.exercise.PracticePlan;
import dev.mixdojo.lesson.MixChallenge;
import dev.mixdojo.material.MaterialLibrary;
import dev.mixdojo.mix.ChallengeSetup;
import dev.mixdojo.ui.LearnerRecords;
import dev.mixdojo.ui.Steps;
import dev.mixdojo.ui.Teaching;
import java.lang.ref.SoftReference;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.DoubleConsumer;

/**
 * Opens mix challenges for the Mixer from the built-in songs and the user's imports (rendered into
 * the user's cache the first time), and opens ahead, in the background, the challenge of an
 * unlocked lesson, so that the Mixer plays it at once. The challenge opened last stays in memory
 * (softly: the collector may drop it) for when the learner comes back to it; its song stays in
 * {@link Teaching}'s memory of renders, shared with the drills. Thread-safe.
 */
public final class ChallengeStems implements MixerViewModel.ChallengeOpener {
    private final Teaching teaching;
    private MixChallenge aheadFor;
    private CompletableFuture<MixerViewModel.Opened> ahead;
    private MixChallenge lastFor;
    private SoftReference<MixerViewModel.Opened> last = new SoftReference<>(null);

    /** Challenges whose material is {@code teaching}'s. */
    public ChallengeStems(Teaching teaching) {
        this.teaching = teaching;
    }

    @Override
    public MixerViewModel.Opened open(MixChallenge challenge, Steps steps) {
        return open(challenge, steps, (stem, audio) -> { });
    }

    /** Opens the challenge, each stem going to {@code early} as soon as it is there (while the song renders, once rendered). */
    @Override
    public MixerViewModel.Opened open(MixChallenge challenge, Steps steps, BiConsumer<String, AudioBuffer> early) {
        CompletableFuture<MixerViewModel.Opened> ready;
        synchronized (this) {
            MixerViewModel.Opened again = challenge.equals(lastFor) ? last.get() : null;
            if (again != null) {
                return again; // immutable: its stems and target are only read
            }
            ready = challenge.equals(aheadFor) ? ahead : null;
            if (ready != null) {
                ahead = null; // kept as the last one opened from here on, softly
            }
        }
        MixerViewModel.Opened opened = ready != null && ready.isDone() && !ready.isCompletedExceptionally() ? ready.join()
                : load(challenge, steps, early);
        synchronized (this) {
            lastFor = challenge;
            last = new SoftReference<>(opened);
        }
        return opened;
    }

    /**
     * Starts opening, on {@code executor}, the challenge of the first lesson with one that
     * {@code records} say is unlocked, unless it was opened ahead already.
     */
    public synchronized void prepareAhead(LearnerRecords records, Executor executor) {
        Optional<MixChallenge> unlocked = records.plan().lessons().stream()
                .filter(PracticePlan.LessonProgress::unlocked)
                .flatMap(p -> p.lesson().challenges().stream()).findFirst();
        unlocked.ifPresent(challenge -> prepare(challenge, executor));
    }

    /**
     * Starts opening {@code challenge} on {@code executor} (the challenge of the lesson the learner is reading), unless
     * it was opened ahead already or is the one opened last and still in memory.
     */
    public synchronized void prepare(MixChallenge challenge, Executor executor) {
        if (!challenge.equals(aheadFor) && !(challenge.equals(lastFor) && last.get() != null)) {
            aheadFor = challenge;
            ahead = CompletableFuture.supplyAsync(() -> load(challenge, Steps.NONE, (stem, audio) -> { }), executor);
        }
    }

    /**
     * Loads the stems (rendering the song the first time), each to {@code early} as soon as it is there (while the song
     * renders, once rendered; from the cache, all at once), then renders the goal and the start.
     */
    private MixerViewModel.Opened load(MixChallenge challenge, Steps steps, BiConsumer<String, AudioBuffer> early) {
        MaterialLibrary library = teaching.materials();
        String song = challenge.material().name();
        steps.reached(0.02, "Loading the stems of " + song);
        // The first time the song renders, track by track; the render is kept and read again below.
        DoubleConsumer rendering = library.rendered(song) ? share -> { } : share -> steps.reached(0.02 + 0.58 * share,
                String.format(Locale.ROOT, "Rendering the stems of %s (once, then cached): %d %%", song, Math.round(100 * share)));
        library.load(song, Optional.empty(), new Warnings(), rendering, stem -> early.accept(stem.name(), stem.audio()));
        steps.reached(0.6, "Loading the stems and rendering the target mix");
        ChallengeSetup setup = ChallengeSetup.load(challenge, library, new Warnings());
        steps.reached(0.85, "Rendering your mix");
        return MixerViewModel.Opened.of(setup);
    }
}
