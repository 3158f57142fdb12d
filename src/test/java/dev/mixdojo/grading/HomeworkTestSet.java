package dev.mixdojo.grading;

import dev.mixdojo.audio.AudioBuffer;
import dev.mixdojo.audio.AudioFiles;
import dev.mixdojo.base.Warnings;
import dev.mixdojo.dsp.ProcessorSettings;
import dev.mixdojo.dsp.automation.Breakpoint;
import dev.mixdojo.dsp.automation.Curve;
import dev.mixdojo.dsp.automation.Envelope;
import dev.mixdojo.dsp.automation.Param;
import dev.mixdojo.dsp.chain.ChainDescription;
import dev.mixdojo.dsp.dynamics.DynamicsSettings;
import dev.mixdojo.dsp.eq.EqSettings;
import dev.mixdojo.dsp.eq.FilterType;
import dev.mixdojo.material.MaterialLibrary;
import dev.mixdojo.material.Multitrack;
import dev.mixdojo.material.Stem;
import dev.mixdojo.mix.ChannelStrip;
import dev.mixdojo.mix.LiveMix;
import dev.mixdojo.mix.MixSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.jtransforms.fft.DoubleFFT_1D;

/**
 * The homework test set of issue 17: for a song's stems, a target mix (a session with faders, pans, EQ and a
 * compressor) and learner mixes that differ from it in known ways (single changes, combinations, latency, cut
 * and faded bounces, a rough mix in the folder, a mastered target, a mono bounce). Each case is scored; the stems
 * it changed, and only those, must be named with the right kind of move; identical mixes must score 100; and the
 * learner's session with the suggested moves applied, bounced the same way, must score at least 95.
 */
public final class HomeworkTestSet {
    /** Score a learner reaches by following the advice. */
    public static final int FOLLOWED_ADVICE_SCORE = 95;

    private HomeworkTestSet() {
    }

    /** A song's stems, by name, at one sample rate and length. */
    public record Song(String name, Map<String, AudioBuffer> stems) {
        /** The stems from {@code fromS} to {@code toS} seconds. */
        public Song excerpt(double fromS, double toS) {
            Map<String, AudioBuffer> cut = new LinkedHashMap<>();
            stems.forEach((n, audio) -> {
                int from = (int) Math.min(audio.frames(), fromS * audio.sampleRateHz());
                int to = (int) Math.min(audio.frames(), toS * audio.sampleRateHz());
                float[][] out = new float[audio.channelCount()][];
                for (int c = 0; c < out.length; c++) {
                    out[c] = Arrays.copyOfRange(audio.channel(c), from, to);
                }
                cut.put(n, new AudioBuffer(out, audio.sampleRateHz()));
            });
            return new Song(name, cut);
        }

        int rateHz() {
            return stems.values().iterator().next().sampleRateHz();
        }

        double seconds() {
            return stems.values().iterator().next().frames() / (double) rateHz();
        }

        List<StemAudio> stemAudio() {
            List<StemAudio> out = new ArrayList<>();
            stems.forEach((n, a) -> out.add(new StemAudio(n, a)));
            return out;
        }
    }

    /** A built-in song, rendered by the material generator (its stems only). */
    public static Song builtIn(String name, Path work) {
        MaterialLibrary library = new MaterialLibrary(MaterialLibrary.locateBuiltIns(), work.resolve("data"), work.resolve("cache"));
        Multitrack song = library.render(name, Optional.empty());
        Map<String, AudioBuffer> stems = new LinkedHashMap<>();
        for (Stem s : song.stems()) {
            stems.put(s.name(), s.audio());
        }
        return new Song(name, stems);
    }

    /** Whether LMMS is installed to render its demo projects track by track. */
    public static boolean lmmsInstalled() {
        return Stream.of(System.getenv("PATH").split(java.io.File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, "lmms")));
    }

    /**
     * An LMMS project rendered track by track ({@code lmms rendertracks}) into {@code cache} (kept there for the next
     * run): real multitracks nobody here wrote. Tracks that are silent are left out.
     */
    public static Song lmms(Path project, Path cache) throws IOException, InterruptedException {
        String name = project.getFileName().toString().replaceFirst("\\.mmpz?$", "");
        Path folder = cache.resolve(name);
        Path done = folder.resolve(".rendered");
        if (!Files.exists(done)) {
            Files.createDirectories(folder);
            Process lmms = new ProcessBuilder("lmms", "--allowroot", "rendertracks", project.toString(), "-f", "wav",
                    "-s", "48000", "-x", "1", "-o", folder + "/").redirectErrorStream(true)
                    .redirectOutput(folder.resolve("lmms.log").toFile()).start();
            if (!lmms.waitFor(30, TimeUnit.MINUTES) || lmms.exitValue() != 0) {
                lmms.destroyForcibly();
                throw new IOException("lmms could not render " + project + " (see " + folder.resolve("lmms.log") + ")");
            }
            Files.writeString(done, "");
        }
        Map<String, AudioBuffer> stems = new TreeMap<>(Comparator.comparingInt(HomeworkTestSet::trackNumber)
                .thenComparing(Comparator.naturalOrder()));
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".wav")).toList()) {
                AudioBuffer audio = AudioFiles.read(f, new Warnings());
                String stem = f.getFileName().toString().replaceFirst("\\.wav$", "").replaceFirst("\\.ogg$", "");
                if (peak(audio) > 1e-4) {
                    stems.put(stem, audio);
                }
            }
        }
        int frames = stems.values().stream().mapToInt(AudioBuffer::frames).min().orElse(0);
        Map<String, AudioBuffer> even = new LinkedHashMap<>();
        stems.forEach((n, a) -> even.put(n, cut(a, frames)));
        return new Song("lmms/" + name, even);
    }

    private static int trackNumber(String name) {
        String digits = name.replaceFirst("_.*", "");
        return digits.matches("\\d+") ? Integer.parseInt(digits) : Integer.MAX_VALUE;
    }

    /**
     * How the learner's session is bounced: the DAW's latency, a bounce cut short or faded, a mono fold-down.
     *
     * @param name     what it is, for the report
     * @param apply    the bounce, from the session's render
     * @param mono     whether it folds to mono (following the advice, the learner bounces in stereo instead)
     */
    public record Bounce(String name, UnaryOperator<AudioBuffer> apply, boolean mono) {
        static final Bounce PLAIN = new Bounce("plain", a -> a, false);
    }

    /**
     * One case.
     *
     * @param name      what differs
     * @param target    the target session
     * @param student   the learner's session
     * @param bounce    how the learner's mix is bounced
     * @param changed   the stems the learner's session changes, each with the kinds of move that correct it
     * @param extraFile a file added to the stems folder that is not a stem ("rough_mix": the learner's own rough
     *                  mix; "Audio 7": the target itself, unnamed), or empty
     */
    public record Case(String name, MixSession target, MixSession student, Bounce bounce, Map<String, Set<Aspect>> changed,
            String extraFile) {
        boolean identical() {
            return changed.isEmpty() && target.masterChain().steps().isEmpty() && !bounce.mono();
        }
    }

    /**
     * The outcome of one case.
     *
     * @param c          the case
     * @param score      the learner's score
     * @param after      the score of the learner's session with the suggestions applied
     * @param named      the stems the report names, with the aspects
     * @param problems   what went wrong, one sentence each (empty: the case passes)
     * @param report     the text report
     */
    public record Outcome(Case c, int score, int after, Map<String, Set<String>> named, List<String> problems, String report) {
        /** One line: the case, the scores, what was named, the problems. */
        public String line() {
            return String.format(Locale.ROOT, "%-48s score %3d → %3d  named %s%s", c.name(), score, after, named,
                    problems.isEmpty() ? "" : "  PROBLEMS: " + String.join(" / ", problems));
        }
    }

    /** The cases for one song. */
    public static List<Case> cases(Song song) {
        Picker pick = new Picker(song);
        MixSession target = pick.target();
        List<Case> cases = new ArrayList<>();
        int rate = song.rateHz();
        cases.add(new Case("identical", target, target, Bounce.PLAIN, Map.of(), ""));
        cases.add(new Case("identical, 4096 samples late, tail kept", target, target,
                new Bounce("late 4096", a -> shifted(a, 4096, true), false), Map.of(), ""));
        cases.add(new Case("identical, 4096 samples early", target, target,
                new Bounce("early 4096", a -> shifted(a, -4096, false), false), Map.of(), ""));
        cases.add(new Case("identical, 200 late and cut to the stems' length", target, target,
                new Bounce("late 200, cut", a -> shifted(a, 200, false), false), Map.of(), ""));
        cases.add(new Case("identical, 1000 late and cut", target, target,
                new Bounce("late 1000, cut", a -> shifted(a, 1000, false), false), Map.of(), ""));
        cases.add(new Case("identical, last 1000 samples zeroed", target, target,
                new Bounce("zeroed tail", a -> zeroedTail(a, 1000), false), Map.of(), ""));
        cases.add(new Case("identical, 21 ms fade-out", target, target,
                new Bounce("fade 21 ms", a -> faded(a, 0, (int) (0.021 * rate)), false), Map.of(), ""));
        cases.add(new Case("identical, 0.5 s fade-in and 2 s fade-out", target, target,
                new Bounce("fades", a -> faded(a, rate / 2, 2 * rate), false), Map.of(), ""));
        cases.add(new Case("identical, cut 3 s short", target, target,
                new Bounce("cut short", a -> cut(a, a.frames() - 3 * rate), false), Map.of(), ""));
        String[] byLevel = pick.byLevel();
        double[] faders = {1, -3, 6, -6};
        for (int k = 0; k < faders.length; k++) {
            String stem = byLevel[(k * 2) % byLevel.length];
            double deltaDb = faders[k];
            cases.add(change(target, String.format(Locale.ROOT, "fader %+.0f dB on %s", deltaDb, stem), stem,
                    t -> t.withFaderDb(t.faderDb().initial() + deltaDb), Aspect.LEVEL));
        }
        String panned = pick.panStem();
        cases.add(change(target, "pan moved 0.5 on " + panned, panned, t -> t.withPan(t.pan() > 0 ? t.pan() - 0.5 : t.pan() + 0.5),
                Aspect.PAN));
        double[][] bells = {{250, 6, 1}, {60, -9, 1.4}, {4000, 3, 1}, {1000, -6, 2}, {10000, 9, 0.7}};
        for (int k = 0; k < bells.length; k++) {
            double[] bell = bells[k];
            String stem = pick.stemAt(bell[0]);
            EqSettings band = EqSettings.of(FilterType.PEAK, bell[0], bell[1], bell[2], 12);
            if (k == 0) {
                // The case: the target has a bell the learner left out.
                MixSession withBell = target.withTrack(addEq(target.track(stem).orElseThrow(), band));
                cases.add(new Case(String.format(Locale.ROOT, "%+.0f dB bell at %.0f Hz left out on %s", bell[1], bell[0], stem),
                        withBell, target, Bounce.PLAIN, Map.of(stem, Set.of(Aspect.EQ)), ""));
            } else {
                cases.add(change(target, String.format(Locale.ROOT, "%+.0f dB bell at %.0f Hz on %s", bell[1], bell[0], stem),
                        stem, t -> addEq(t, band), Aspect.EQ));
            }
        }
        String ridden = pick.rideStem();
        double seconds = song.seconds();
        MixSession rideTarget = target.withTrack(target.track(ridden).orElseThrow()
                .withFader(ride(target.track(ridden).orElseThrow().faderDb().initial(), seconds / 4, seconds / 2, 4)));
        cases.add(new Case("a +4 dB ride from 1/4 to 1/2 missed on " + ridden, rideTarget, target, Bounce.PLAIN,
                Map.of(ridden, Set.of(Aspect.RIDE)), ""));
        String drum = pick.drumStem();
        DynamicsSettings squash = DynamicsSettings.compressor(pick.peakDb(drum) - 15, 4, 6, 5, 80, 0);
        cases.add(change(target, "a compressor added on " + drum, drum, t -> t.withCompressor(Optional.of(squash)),
                Aspect.COMPRESSION));
        MixSession compressedTarget = target.withTrack(target.track(drum).orElseThrow().withCompressor(Optional.of(
                DynamicsSettings.compressor(pick.peakDb(drum) - 18, 6, 6, 10, 120, 0))));
        cases.add(new Case("the target's compressor left out on " + drum, compressedTarget, target, Bounce.PLAIN,
                Map.of(drum, Set.of(Aspect.COMPRESSION)), ""));
        cases.add(combination(target, pick, 1, "the issue's four errors", Bounce.PLAIN));
        cases.add(combination(target, pick, 2, "the issue's four errors doubled", Bounce.PLAIN));
        cases.add(combination(target, pick, 1, "the four errors, 4096 late, cut",
                new Bounce("late 4096, cut", a -> shifted(a, 4096, false), false)));
        String moved = byLevel[1];
        cases.add(new Case("a rough mix in the folder", target, target, Bounce.PLAIN, Map.of(), "rough_mix"));
        cases.add(new Case("the target itself in the folder, fader -3 dB on " + moved, target,
                target.withTrack(target.track(moved).orElseThrow().withFaderDb(target.track(moved).orElseThrow().faderDb().initial() - 3)),
                Bounce.PLAIN, Map.of(moved, Set.of(Aspect.LEVEL)), "Audio 7"));
        MixSession mastered = new MixSession(target.material(), target.seed(), target.tracks(), target.reverbBus(),
                target.delayBus(), 0, 0, List.of(), new ChainDescription(List.of(
                        EqSettings.of(FilterType.HIGH_SHELF, 8000, 2, SparseFit.SHELF_Q, 12),
                        DynamicsSettings.compressor(pick.mixPeakDb(target) - 10, 2.5, 6, 10, 150, 0))), 2);
        cases.add(new Case("a mastered target", mastered, target, Bounce.PLAIN, Map.of(), ""));
        cases.add(new Case("a mono bounce", target, target, new Bounce("mono", HomeworkTestSet::mono, true), Map.of(), ""));
        return cases;
    }

    private static Case change(MixSession target, String name, String stem, UnaryOperator<ChannelStrip> how, Aspect aspect) {
        ChannelStrip track = target.track(stem).orElseThrow();
        return new Case(name, target, target.withTrack(how.apply(track)), Bounce.PLAIN, Map.of(stem, Set.of(aspect)), "");
    }

    /** The example: +3 dB on one fader, −4 dB on another, a pan moved by 0.5, a 6 dB bell left out (× scale). */
    private static Case combination(MixSession target, Picker pick, double scale, String name, Bounce bounce) {
        String[] byLevel = pick.byLevel();
        String up = byLevel[0];
        String down = byLevel[Math.min(2, byLevel.length - 1)];
        String panned = pick.panStem(up, down);
        String belled = pick.stemAt(250, up, down, panned);
        EqSettings band = EqSettings.of(FilterType.PEAK, 250, 6 * scale, 1, 12);
        MixSession withBell = target.withTrack(addEq(target.track(belled).orElseThrow(), band));
        ChannelStrip p = withBell.track(panned).orElseThrow();
        double moved = p.pan() > 0 ? p.pan() - 0.5 * scale : p.pan() + 0.5 * scale;
        MixSession student = target
                .withTrack(target.track(up).orElseThrow().withFaderDb(target.track(up).orElseThrow().faderDb().initial() + 3 * scale))
                .withTrack(target.track(down).orElseThrow().withFaderDb(target.track(down).orElseThrow().faderDb().initial() - 4 * scale))
                .withTrack(target.track(panned).orElseThrow().withPan(Math.max(-1, Math.min(1, moved))));
        Map<String, Set<Aspect>> changed = new LinkedHashMap<>();
        changed.put(up, Set.of(Aspect.LEVEL));
        changed.put(down, Set.of(Aspect.LEVEL));
        changed.put(panned, Set.of(Aspect.PAN));
        changed.put(belled, Set.of(Aspect.EQ));
        return new Case(name, withBell, student, bounce, changed, "");
    }

    private static ChannelStrip addEq(ChannelStrip track, EqSettings band) {
        List<EqSettings> bands = new ArrayList<>(track.eq());
        bands.add(band);
        return track.withEq(bands);
    }

    private static Param ride(double baseDb, double fromS, double toS, double rideDb) {
        return new Param.Automated(new Envelope(List.of(new Breakpoint(0, baseDb), new Breakpoint(fromS, baseDb),
                new Breakpoint(fromS + 0.05, baseDb + rideDb), new Breakpoint(toS, baseDb + rideDb),
                new Breakpoint(toS + 0.05, baseDb)), Curve.LINEAR));
    }

    /** Runs one case: score, named stems, the score after following the advice. */
    public static Outcome run(Song song, Case c) {
        AudioBuffer target = LiveMix.bounce(song.stems(), c.target());
        AudioBuffer studentRender = LiveMix.bounce(song.stems(), c.student());
        AudioBuffer student = c.bounce().apply().apply(studentRender);
        List<StemAudio> files = new ArrayList<>(song.stemAudio());
        if (c.extraFile().equals("rough_mix")) {
            files.add(new StemAudio("rough_mix", studentRender));
        } else if (c.extraFile().equals("Audio 7")) {
            files.add(3, new StemAudio("Audio 7", target));
        }
        StemSet set = StemSet.of(files);
        MixScore score = MixScorer.score(set.stems(), student, target).withSetAside(set.setAside());
        List<String> problems = new ArrayList<>();
        if (!c.extraFile().isEmpty() && set.setAside().stream().noneMatch(a -> a.name().equals(c.extraFile()))) {
            problems.add(c.extraFile() + " was not set aside");
        }
        if (set.stems().size() != song.stems().size()) {
            problems.add("stems set aside: " + set.setAside());
        }
        Map<String, Set<String>> named = new TreeMap<>();
        for (ScoreItem item : score.items()) {
            if (!item.subject().equals("mix")) {
                named.computeIfAbsent(item.subject(), k -> new java.util.TreeSet<>()).add(item.aspect());
            }
        }
        for (Map.Entry<String, Set<Aspect>> e : c.changed().entrySet()) {
            Set<String> aspects = named.getOrDefault(e.getKey(), Set.of());
            if (e.getValue().stream().noneMatch(a -> aspects.contains(a.word()))) {
                problems.add(e.getKey() + " not named for " + e.getValue() + " (named " + aspects + ")");
            }
            for (String a : aspects) {
                boolean expected = e.getValue().stream().anyMatch(x -> x.word().equals(a));
                boolean implied = a.equals("level") && e.getValue().stream()
                        .anyMatch(x -> x == Aspect.COMPRESSION || x == Aspect.PAN && song.stems().get(e.getKey()).channelCount() == 2);
                if (!expected && !implied) {
                    problems.add(e.getKey() + " also named for " + a);
                }
            }
        }
        for (String stem : named.keySet()) {
            if (!c.changed().containsKey(stem)) {
                problems.add(stem + " named but not changed " + named.get(stem));
            }
        }
        if (c.identical() && score.score() != 100) {
            problems.add("identical mix scored " + score.score());
        }
        if (c.bounce().mono() && score.items().stream().noneMatch(i -> i.aspect().equals("stereo"))) {
            problems.add("no word that the mix is mono");
        }
        if (!c.target().masterChain().steps().isEmpty() && score.fit().sentence().isEmpty()) {
            problems.add("no word on the target's master processing");
        }
        MixSession followed = c.student().withSuggestions(score.suggestions());
        AudioBuffer again = LiveMix.bounce(song.stems(), followed);
        AudioBuffer bounced = c.bounce().mono() ? again : c.bounce().apply().apply(again);
        MixScore after = MixScorer.score(set.stems(), bounced, target);
        if (after.score() < FOLLOWED_ADVICE_SCORE) {
            problems.add("following the advice scored " + after.score() + ": " + after.items().stream()
                    .filter(i -> i.pointsLost() > 0).map(i -> i.subject() + " " + i.aspect() + String.format(Locale.ROOT,
                            " %+.1f", i.error())).toList());
        }
        return new Outcome(c, score.score(), after.score(), named, problems, MixScoreFormat.TEXT.render(score));
    }

    /** The audio delayed by {@code frames} (negative: advanced); the length kept, or grown by the delay when {@code keepTail}. */
    static AudioBuffer shifted(AudioBuffer a, int frames, boolean keepTail) {
        int length = keepTail ? a.frames() + Math.max(0, frames) : a.frames();
        float[][] out = new float[a.channelCount()][length];
        for (int c = 0; c < out.length; c++) {
            for (int n = 0; n < length; n++) {
                int from = n - frames;
                out[c][n] = from >= 0 && from < a.frames() ? a.channel(c)[from] : 0;
            }
        }
        return new AudioBuffer(out, a.sampleRateHz());
    }

    static AudioBuffer zeroedTail(AudioBuffer a, int frames) {
        float[][] out = new float[a.channelCount()][];
        for (int c = 0; c < out.length; c++) {
            out[c] = a.channel(c).clone();
            Arrays.fill(out[c], Math.max(0, out[c].length - frames), out[c].length, 0f);
        }
        return new AudioBuffer(out, a.sampleRateHz());
    }

    /** Linear fades: in over the first {@code inFrames}, out over the last {@code outFrames}. */
    static AudioBuffer faded(AudioBuffer a, int inFrames, int outFrames) {
        float[][] out = new float[a.channelCount()][];
        int n = a.frames();
        for (int c = 0; c < out.length; c++) {
            out[c] = a.channel(c).clone();
            for (int i = 0; i < n; i++) {
                double g = 1;
                if (i < inFrames) {
                    g *= i / (double) inFrames;
                }
                if (i >= n - outFrames) {
                    g *= (n - 1 - i) / (double) outFrames;
                }
                out[c][i] *= (float) g;
            }
        }
        return new AudioBuffer(out, a.sampleRateHz());
    }

    static AudioBuffer cut(AudioBuffer a, int frames) {
        float[][] out = new float[a.channelCount()][];
        for (int c = 0; c < out.length; c++) {
            out[c] = Arrays.copyOf(a.channel(c), Math.min(frames, a.frames()));
        }
        return new AudioBuffer(out, a.sampleRateHz());
    }

    /** Both channels (L + R)/2: a mono bounce. */
    static AudioBuffer mono(AudioBuffer a) {
        float[] m = new float[a.frames()];
        for (int i = 0; i < m.length; i++) {
            m[i] = (a.channel(0)[i] + a.channel(a.channelCount() - 1)[i]) / 2;
        }
        return new AudioBuffer(new float[][] {m, m.clone()}, a.sampleRateHz());
    }

    private static double peak(AudioBuffer a) {
        double peak = 0;
        for (float[] ch : a.channels()) {
            for (float x : ch) {
                peak = Math.max(peak, Math.abs(x));
            }
        }
        return peak;
    }

    /** Chooses stems for the changes: by level, by energy in a band, by dynamics; and makes the target session. */
    private static final class Picker {
        private final Song song;
        private final List<String> names;
        private final Map<String, double[]> bandEnergy = new LinkedHashMap<>();
        private final double binHz;
        private final MixSession target;

        Picker(Song song) {
            this.song = song;
            this.names = new ArrayList<>(song.stems().keySet());
            int size = 8192;
            this.binHz = song.rateHz() / (double) size;
            DoubleFFT_1D fft = new DoubleFFT_1D(size);
            for (String n : names) {
                AudioBuffer a = song.stems().get(n);
                double[] power = new double[size / 2];
                double[] frame = new double[size];
                for (int start = 0; start + size <= a.frames(); start += size) {
                    for (float[] ch : a.channels()) {
                        for (int i = 0; i < size; i++) {
                            frame[i] = ch[start + i] * (0.5 - 0.5 * Math.cos(2 * Math.PI * i / size));
                        }
                        fft.realForward(frame);
                        for (int k = 1; k < size / 2; k++) {
                            power[k] += frame[2 * k] * frame[2 * k] + frame[2 * k + 1] * frame[2 * k + 1];
                        }
                    }
                }
                bandEnergy.put(n, power);
            }
            Random random = new Random(song.name().hashCode());
            MixSession session = MixSession.flat("test", Optional.empty(), names);
            for (String n : names) {
                boolean mono = song.stems().get(n).channelCount() == 1;
                // Faders bring every stem to a similar level (−20 dB below full scale ± 4 dB), pans spread the mono ones.
                double fader = Math.max(-30, Math.min(12, -20 - rmsDb(n) + 8 * random.nextDouble() - 4));
                double pan = mono ? Math.round((random.nextDouble() * 1.2 - 0.6) * 100) / 100.0 : 0;
                session = session.withTrack(session.track(n).orElseThrow().withFaderDb(Math.round(fader * 10) / 10.0).withPan(pan));
            }
            this.target = session;
        }

        MixSession target() {
            return target;
        }

        private double rmsDb(String n) {
            AudioBuffer a = song.stems().get(n);
            double sum = 0;
            for (float[] ch : a.channels()) {
                for (float x : ch) {
                    sum += x * x;
                }
            }
            return 10 * Math.log10(Math.max(1e-12, sum / (a.frames() * (double) a.channelCount())));
        }

        double peakDb(String n) {
            return 20 * Math.log10(Math.max(1e-6, peak(song.stems().get(n))));
        }

        double mixPeakDb(MixSession session) {
            return 20 * Math.log10(Math.max(1e-6, peak(LiveMix.bounce(song.stems(), session))));
        }

        /** The stems, loudest in the target first. */
        String[] byLevel() {
            return names.stream().sorted(Comparator.comparingDouble(n -> -(rmsDb(n) + target.track(n).orElseThrow().faderDb().initial())))
                    .toArray(String[]::new);
        }

        /** The stem with the largest share of its energy within a third of an octave of {@code hz}, not one of {@code not}. */
        String stemAt(double hz, String... not) {
            String best = null;
            double bestShare = -1;
            for (String n : names) {
                if (Arrays.asList(not).contains(n)) {
                    continue;
                }
                double[] p = bandEnergy.get(n);
                double total = Arrays.stream(p).sum();
                double band = 0;
                for (int k = (int) (hz / Math.pow(2, 1 / 6.0) / binHz); k <= (int) (hz * Math.pow(2, 1 / 6.0) / binHz) && k < p.length; k++) {
                    band += p[k];
                }
                double share = total > 0 ? band / total : 0;
                if (share > bestShare) {
                    bestShare = share;
                    best = n;
                }
            }
            return best;
        }

        /** A mono stem to pan (else a stereo one), not one of {@code not}. */
        String panStem(String... not) {
            return Stream.of(byLevel()).filter(n -> !Arrays.asList(not).contains(n))
                    .sorted(Comparator.comparingInt(n -> song.stems().get(n).channelCount())).findFirst().orElseThrow();
        }

        /** The stem with the most energy from 1/4 to 1/2 of the song against its whole. */
        String rideStem() {
            return names.stream().max(Comparator.comparingDouble(n -> share(n, 0.25, 0.5))).orElseThrow();
        }

        private double share(String n, double from, double to) {
            AudioBuffer a = song.stems().get(n);
            double inside = 0;
            double all = 0;
            for (float[] ch : a.channels()) {
                for (int i = 0; i < ch.length; i++) {
                    double e = ch[i] * ch[i];
                    all += e;
                    if (i >= from * ch.length && i < to * ch.length) {
                        inside += e;
                    }
                }
            }
            // A stem silent there cannot show a ride; one that plays throughout shows it best.
            return all > 0 ? Math.min(inside / all, 0.25) + 1e-3 * (rmsDb(n) + 100) : 0;
        }

        /** The stem with the largest crest factor over the frames where it sounds: a drum. */
        String drumStem() {
            return names.stream().max(Comparator.comparingDouble(n -> peakDb(n) - rmsDb(n))).orElseThrow();
        }
    }

    /** A printable summary of outcomes: one line each, then the totals. */
    public static String summary(List<Outcome> outcomes) {
        StringBuilder out = new StringBuilder();
        outcomes.forEach(o -> out.append(o.line()).append('\n'));
        long failed = outcomes.stream().filter(o -> !o.problems().isEmpty()).count();
        out.append(String.format(Locale.ROOT, "%d cases, %d passed, %d with problems%n", outcomes.size(),
                outcomes.size() - failed, failed));
        return out.toString();
    }

    /** The moves of a score as chain text per stem (for a person reading the report). */
    static String suggestions(MixScore score) {
        StringBuilder out = new StringBuilder();
        score.suggestions().forEach((stem, chain) -> {
            out.append(stem).append(":");
            for (ProcessorSettings s : chain.steps()) {
                out.append(' ').append(s.kind()).append(s.parameters());
            }
            out.append('\n');
        });
        return out.toString();
    }

    /** Which aspects a set of items has. */
    static Set<Aspect> aspects(List<ScoreItem> items) {
        Set<Aspect> out = EnumSet.noneOf(Aspect.class);
        items.forEach(i -> out.add(Aspect.valueOf(i.aspect().toUpperCase(Locale.ROOT))));
        return out;
    }
}
