package dev.mixdojo.grading;

import dev.mixdojo.analysis.loudness.LoudnessMeter;
import dev.mixdojo.audio.AudioBuffer;
import dev.mixdojo.base.DaemonThreads;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Scores a learner's mix against a target bounced from the same stems: both are reverse-engineered together by
 * {@link StemEstimator} over the span they share, {@link Diagnosis} explains their difference with the fewest moves
 * a mix engineer would make, and each move is an item judged against the just-noticeable differences of
 * RESEARCH.md and put on {@link ScoreScale}. Stateless and thread-safe.
 */
public final class MixScorer {
    /** An ILD this large (dB) already puts the image fully to one side (Breebaart &amp; Faller: ~15–20 dB). */
    public static final double FULL_SIDE_ILD_DB = 20;
    /** How far (dB) below its mid a mix's side may fall before the mix counts as mono. */
    static final double WIDTH_RANGE_DB = 20;

    private MixScorer() {
    }

    /** Scores {@code mix} against {@code target}; both are mixes of {@code stems} at the stems' sample rate. */
    public static MixScore score(List<StemAudio> stems, AudioBuffer mix, AudioBuffer target) {
        return score(stems, mix, target, List.of());
    }

    /**
     * Scores {@code mix} against {@code target}, also judging the reverb send of each stem in
     * {@code reverbReturns}: each is named after its stem and is that stem as the target sends it (its inserts
     * and pan, fader and send at 0 dB) through the target's reverb bus. The fit weighs these "wet" copies too,
     * and a stem's wet gain over its dry gain is its send level.
     */
    public static MixScore score(List<StemAudio> stems, AudioBuffer mix, AudioBuffer target, List<StemAudio> reverbReturns) {
        return score(stems, mix, target, CompletableFuture.supplyAsync(() -> integratedLufs(target), DaemonThreads.sideTasks()),
                reverbReturns);
    }

    /**
     * A target analysed once, to score many mixes of the same stems against it (a class's homework); scoring
     * against it gives the same numbers as {@link #score(List, AudioBuffer, AudioBuffer)}.
     *
     * @param audio        the target mix
     * @param loudnessLufs the target's integrated loudness, in LUFS
     */
    public record Target(AudioBuffer audio, double loudnessLufs) {
    }

    /** Measures {@code target}, a mix of {@code stems}, once for {@link #score(List, AudioBuffer, Target)}. */
    public static Target target(List<StemAudio> stems, AudioBuffer target) {
        return new Target(target, integratedLufs(target));
    }

    /** Scores {@code mix} against a target prepared by {@link #target}; thread-safe, so many mixes can share one target. */
    public static MixScore score(List<StemAudio> stems, AudioBuffer mix, Target target) {
        return score(stems, mix, target.audio(), CompletableFuture.completedFuture(target.loudnessLufs()), List.of());
    }

    /** The score; the loudness of the target ({@code targetLufs}) and of the mix are measured on helper threads meanwhile. */
    private static MixScore score(List<StemAudio> stems, AudioBuffer mix, AudioBuffer targetAudio,
            CompletableFuture<Double> targetLufs, List<StemAudio> reverbReturns) {
        CompletableFuture<Double> mixLufs = CompletableFuture.supplyAsync(() -> integratedLufs(mix), DaemonThreads.sideTasks());
        List<StemAudio> regressors = new ArrayList<>(stems);
        reverbReturns.forEach(r -> regressors.add(new StemAudio(r.name() + " (reverb)", r.audio())));
        boolean mixMono = isMono(mix);
        boolean targetMono = isMono(targetAudio);
        boolean mono = mixMono || targetMono;
        // One estimation of both: the stems' spectra are shared and the two are compared over the same span. When
        // either is mono, both are compared folded to mono, where its pans are gone.
        List<MixEstimate> estimates = StemEstimator.estimateAll(mono ? folded(regressors) : regressors,
                mono ? List.of(folded(mix), folded(targetAudio)) : List.of(mix, targetAudio));
        int n = stems.size();
        MixEstimate mixEstimate = estimates.get(0).firstStems(n).withMono(mixMono);
        MixEstimate targetEstimate = estimates.get(1).firstStems(n).withMono(targetMono);
        MixScore.Loudness loudness = new MixScore.Loudness(DaemonThreads.join(mixLufs), DaemonThreads.join(targetLufs));
        Diagnosis diagnosis = Diagnosis.of(stems, mixEstimate, targetEstimate);
        List<ScoreItem> items = new ArrayList<>();
        for (Move move : diagnosis.moves()) {
            items.add(ScoreItem.of(move.stem(), move.aspect(), move.error(), move.uncertainty(), move.advice(), move.fix()));
        }
        if (diagnosis.fit().trust() != FitQuality.Trust.WITHHELD) {
            for (int r = 0; r < reverbReturns.size(); r++) {
                String stem = reverbReturns.get(r).name();
                int i = indexOf(stems, stem);
                double mixWet = estimates.get(0).stems().get(n + r).gainDb() - mixEstimate.stems().get(i).gainDb();
                double targetWet = estimates.get(1).stems().get(n + r).gainDb() - targetEstimate.stems().get(i).gainDb();
                reverbItem(stem, mixWet, targetWet).ifPresent(items::add);
            }
            if (mixMono && !targetMono) {
                items.add(stereoItem(StemEstimator.estimate(stems, targetAudio), sideToMidDb(targetAudio)));
            }
        }
        double difference = loudness.differenceLu();
        if (Double.isFinite(difference)) {
            items.add(ScoreItem.reported("mix", Aspect.LOUDNESS, difference, String.format(Locale.ROOT,
                    "The whole mix is %.1f LU %s than the target (not scored: the balance between stems is).",
                    Math.abs(difference), difference > 0 ? "louder" : "quieter")));
        }
        return MixScore.of(mixEstimate, targetEstimate, loudness, diagnosis, items);
    }

    private static int indexOf(List<StemAudio> stems, String name) {
        for (int i = 0; i < stems.size(); i++) {
            if (stems.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no stem " + name);
    }

    /**
     * The reverb send as the wet copy's gain over the dry stem's gain (both fitted), mix against target, in dB;
     * reported above half its JND.
     */
    static Optional<ScoreItem> reverbItem(String stem, double mixWetDb, double targetWetDb) {
        // No reverb at all reads as −∞; 40 dB below the target is already "none" to the ear.
        double error = Math.max(-40, Math.min(40, mixWetDb - targetWetDb));
        if (Double.isNaN(error)) {
            error = -40;
        }
        if (Math.abs(error) < Aspect.REVERB.reportThreshold()) {
            return Optional.empty();
        }
        String advice = String.format(Locale.ROOT, "%s has %.1f dB %s reverb than in the target: turn its reverb send %s "
                + "about %.1f dB.", stem, Math.abs(error), error > 0 ? "more" : "less", error > 0 ? "down" : "up",
                Math.abs(error));
        return Optional.of(ScoreItem.of(stem, Aspect.REVERB, error, 0, advice, Optional.empty()));
    }

    /**
     * A mono bounce of a stereo target: one item for the whole mix. Its error is the target's width lost, as the
     * side-to-mid energy ratio (a mono mix has no side; the drop is counted to {@value #WIDTH_RANGE_DB} dB), judged with
     * a 2 dB JND (a ratio of two levels, each with the 1 dB level JND); it costs that, or what every stem's lost
     * position costs (each target position against the centre, as an ILD), whichever is more. The pans themselves are
     * not judged on a mono mix.
     */
    static ScoreItem stereoItem(MixEstimate stereoTarget, double targetSideToMidDb) {
        List<Double> excesses = new ArrayList<>();
        for (StemEstimate t : stereoTarget.stems()) {
            excesses.add(ScoreScale.excess(Diagnosis.ild(t.pan()), Aspect.PAN.jnd()));
        }
        double lostDb = Double.isFinite(targetSideToMidDb) ? Math.min(WIDTH_RANGE_DB, Math.max(0, targetSideToMidDb + WIDTH_RANGE_DB))
                : 0;
        String advice = String.format(Locale.ROOT, "Your mix is mono: both channels carry the same signal, so every part "
                + "sits in the centre and the target's width (side %.1f dB below mid) is gone. Bounce it in stereo.",
                -targetSideToMidDb);
        ScoreItem item = ScoreItem.of("mix", Aspect.STEREO, -lostDb, 0, advice, Optional.empty());
        return item.withDistance(Math.max(item.distance(), ScoreScale.distance(excesses)));
    }

    /** Side over mid energy, S = (L − R)/2 and M = (L + R)/2, in dB. */
    static double sideToMidDb(AudioBuffer audio) {
        if (audio.channelCount() < 2) {
            return Double.NEGATIVE_INFINITY;
        }
        float[] l = audio.channel(0);
        float[] r = audio.channel(1);
        double side = 0;
        double mid = 0;
        for (int i = 0; i < l.length; i++) {
            side += (l[i] - r[i]) * (l[i] - r[i]);
            mid += (l[i] + r[i]) * (l[i] + r[i]);
        }
        return 10 * Math.log10(side / mid);
    }

    /** Whether both channels carry the same signal (or there is one): L − R at least 60 dB below L + R. */
    static boolean isMono(AudioBuffer audio) {
        if (audio.channelCount() < 2) {
            return true;
        }
        float[] l = audio.channel(0);
        float[] r = audio.channel(1);
        double sum = 0;
        double difference = 0;
        for (int i = 0; i < l.length; i++) {
            sum += (l[i] + r[i]) * (l[i] + r[i]);
            difference += (l[i] - r[i]) * (l[i] - r[i]);
        }
        return sum > 0 && difference <= 1e-6 * sum;
    }

    /** The audio on one channel, (L + R)/2. */
    static AudioBuffer folded(AudioBuffer audio) {
        if (audio.channelCount() == 1) {
            return audio;
        }
        float[] l = audio.channel(0);
        float[] r = audio.channel(1);
        float[] m = new float[l.length];
        for (int i = 0; i < m.length; i++) {
            m[i] = (l[i] + r[i]) / 2;
        }
        return new AudioBuffer(new float[][] {m}, audio.sampleRateHz());
    }

    private static List<StemAudio> folded(List<StemAudio> stems) {
        return stems.stream().map(s -> new StemAudio(s.name(), folded(s.audio()))).toList();
    }

    /** The integrated loudness (BS.1770, gated) of a mix, in LUFS; no true peak. */
    private static double integratedLufs(AudioBuffer audio) {
        LoudnessMeter meter = new LoudnessMeter(audio.sampleRateHz(), audio.channelCount(), false);
        int block = 8192;
        float[][] chunk = new float[audio.channelCount()][block];
        for (int start = 0; start < audio.frames(); start += block) {
            int frames = Math.min(block, audio.frames() - start);
            for (int c = 0; c < audio.channelCount(); c++) {
                System.arraycopy(audio.channel(c), start, chunk[c], 0, frames);
            }
            meter.accept(chunk, frames);
        }
        return meter.result().integratedLufs();
    }
}
