package dev.mixdojo.grading;

import dev.mixdojo.analysis.loudness.LoudnessMeter;
import dev.mixdojo.audio.AudioBuffer;
import dev.mixdojo.base.DaemonThreads;
import dev.mixdojo.dsp.automation.Param;
import dev.mixdojo.dsp.spatial.GainSettings;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
        return score(stems, mix, target, List.of(), Map.of());
    }

    /**
     * Scores {@code mix} against {@code target}, also judging the reverb and delay sends of the stems in {@code wet}:
     * each is a stem as the target sends it through one of its buses. The fit weighs these "wet" copies too, and a
     * stem's wet gain over its dry gain is its send level plus the bus's return fader (see {@link #sendItems}).
     * {@code groups} names the target's group buses and their stems, whose shared level error is the group's fader
     * (see {@link #groupItems}).
     */
    public static MixScore score(List<StemAudio> stems, AudioBuffer mix, AudioBuffer target, List<WetCopy> wet,
            Map<String, List<String>> groups) {
        return score(stems, mix, target, CompletableFuture.supplyAsync(() -> integratedLufs(target), DaemonThreads.sideTasks()),
                wet, groups);
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
        return score(stems, mix, target.audio(), CompletableFuture.completedFuture(target.loudnessLufs()), List.of(), Map.of());
    }

    /** The score; the loudness of the target ({@code targetLufs}) and of the mix are measured on helper threads meanwhile. */
    private static MixScore score(List<StemAudio> stems, AudioBuffer mix, AudioBuffer targetAudio,
            CompletableFuture<Double> targetLufs, List<WetCopy> wet, Map<String, List<String>> groups) {
        CompletableFuture<Double> mixLufs = CompletableFuture.supplyAsync(() -> integratedLufs(mix), DaemonThreads.sideTasks());
        List<StemAudio> regressors = new ArrayList<>(stems);
        wet.forEach(w -> regressors.add(new StemAudio(w.stem() + " (" + w.aspect().word() + ")", w.audio())));
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
        groups.forEach((group, members) -> groupItems(group, members, items));
        if (diagnosis.fit().trust() != FitQuality.Trust.WITHHELD) {
            for (Aspect bus : List.of(Aspect.REVERB, Aspect.DELAY)) {
                List<String> sent = new ArrayList<>();
                List<Double> errors = new ArrayList<>();
                for (int r = 0; r < wet.size(); r++) {
                    if (wet.get(r).aspect() == bus) {
                        String stem = wet.get(r).stem();
                        int i = indexOf(stems, stem);
                        double mixWet = estimates.get(0).stems().get(n + r).gainDb() - mixEstimate.stems().get(i).gainDb();
                        double targetWet = estimates.get(1).stems().get(n + r).gainDb() - targetEstimate.stems().get(i).gainDb();
                        sent.add(stem);
                        errors.add(sendError(mixWet, targetWet));
                    }
                }
                items.addAll(sendItems(bus, sent, errors));
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
     * The error shared by {@code errors} when taking it as one move leaves fewer items to report (above {@code
     * thresholdDb}) than the errors alone: their median, else 0. Only the errors {@code shared} are moved by it.
     */
    private static double commonMove(List<Double> errors, List<Boolean> shared, double thresholdDb) {
        List<Double> moved = new ArrayList<>();
        for (int i = 0; i < errors.size(); i++) {
            if (shared.get(i)) {
                moved.add(errors.get(i));
            }
        }
        if (moved.size() < 2) {
            return 0;
        }
        Collections.sort(moved);
        double median = (moved.get((moved.size() - 1) / 2) + moved.get(moved.size() / 2)) / 2;
        long alone = errors.stream().filter(e -> Math.abs(e) >= thresholdDb).count();
        long withMove = 1;
        for (int i = 0; i < errors.size(); i++) {
            withMove += Math.abs(errors.get(i) - (shared.get(i) ? median : 0)) >= thresholdDb ? 1 : 0;
        }
        return Math.abs(median) >= thresholdDb && withMove < alone ? median : 0;
    }

    /**
     * A group bus's fader: its members' level errors (0 for a member without a level item) share the group's fader
     * move. When that move ({@link #commonMove}) explains them with fewer items, the members' level items give way
     * to one item on the group ({@code subject} its name) and what each member keeps beside it.
     */
    static void groupItems(String group, List<String> members, List<ScoreItem> items) {
        List<Double> errors = new ArrayList<>();
        List<Optional<ScoreItem>> own = new ArrayList<>();
        for (String member : members) {
            Optional<ScoreItem> level = items.stream()
                    .filter(i -> i.subject().equals(member) && i.aspect().equals(Aspect.LEVEL.word())).findFirst();
            own.add(level);
            errors.add(level.map(ScoreItem::error).orElse(0.0));
        }
        double common = commonMove(errors, Collections.nCopies(errors.size(), true), Aspect.LEVEL.reportThreshold());
        if (common == 0) {
            return;
        }
        own.forEach(level -> level.ifPresent(items::remove));
        double fixDb = Math.round(-common * 10) / 10.0;
        items.add(ScoreItem.of(group, Aspect.LEVEL, common, 0, Diagnosis.levelAdvice("The " + group + " bus", common, fixDb),
                Optional.empty()));
        for (int m = 0; m < members.size(); m++) {
            double rest = errors.get(m) - common;
            if (Math.abs(rest) >= Aspect.LEVEL.reportThreshold()) {
                double restFix = Math.round(-rest * 10) / 10.0;
                double uncertainty = own.get(m).map(ScoreItem::uncertainty).orElse(0.0);
                items.add(ScoreItem.of(members.get(m), Aspect.LEVEL, rest, uncertainty, Diagnosis.levelAdvice(members.get(m), rest,
                        restFix), Optional.of(new GainSettings(Param.of(restFix)))));
            }
        }
    }

    /**
     * A send's error: the wet copy's gain over the dry stem's gain (both fitted), mix minus target, in dB, clamped to
     * ±{@value #NO_SEND_DB} (no send at all reads as −∞; 40 dB below the target is already "none" to the ear).
     */
    static double sendError(double mixWetDb, double targetWetDb) {
        double error = Math.max(-NO_SEND_DB, Math.min(NO_SEND_DB, mixWetDb - targetWetDb));
        return Double.isNaN(error) ? -NO_SEND_DB : error;
    }

    /** How far (dB) a send may be from the target's before it counts as none at all (or all there is). */
    static final double NO_SEND_DB = 40;

    /**
     * The items of one bus ({@link Aspect#REVERB} or {@link Aspect#DELAY}): each stem's wet level error ({@link
     * #sendError}) is its send plus the bus's return fader. When two or more stems are heard in the bus and their
     * median error, taken as a move of the return fader, leaves fewer items to report than the errors alone, the
     * median is the return's item ("reverb return") and each stem keeps what is left; a stem whose send is off
     * (at ±{@value #NO_SEND_DB}) keeps its whole error. Items are reported above half the aspect's JND.
     */
    static List<ScoreItem> sendItems(Aspect bus, List<String> stems, List<Double> errors) {
        double threshold = bus.reportThreshold();
        double common = commonMove(errors, errors.stream().map(e -> Math.abs(e) < NO_SEND_DB).toList(), threshold);
        List<ScoreItem> items = new ArrayList<>();
        String word = bus.word();
        if (common != 0) {
            items.add(ScoreItem.of(word + " return", bus, common, 0, String.format(Locale.ROOT, "Every part sent to the %s "
                    + "has about %.1f dB %s %s than in the target: turn the %s return %s about %.1f dB.", word, Math.abs(common),
                    common > 0 ? "more" : "less", word, word, common > 0 ? "down" : "up", Math.abs(common)), Optional.empty()));
        }
        for (int s = 0; s < stems.size(); s++) {
            double e = errors.get(s);
            double error = Math.abs(e) < NO_SEND_DB ? e - common : e;
            if (Math.abs(error) >= threshold) {
                items.add(ScoreItem.of(stems.get(s), bus, error, 0, String.format(Locale.ROOT, "%s has %.1f dB %s %s than in "
                        + "the target: turn its %s send %s about %.1f dB.", stems.get(s), Math.abs(error), error > 0 ? "more" : "less",
                        word, word, error > 0 ? "down" : "up", Math.abs(error)), Optional.empty()));
            }
        }
        return items;
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
