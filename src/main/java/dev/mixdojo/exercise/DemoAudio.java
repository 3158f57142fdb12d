package dev.mixdojo.exercise;

import dev.mixdojo.audio.AudioBuffer;
import dev.mixdojo.dsp.chain.ChainRenderer;
import dev.mixdojo.lesson.Demo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Renders a lesson's demonstration: one excerpt of the demo's material through each version's
 * chain, every version loudness-matched to the first (as drills are, so the learner hears the
 * change rather than a level jump), then one common gain so that no version's true peak exceeds
 * −1 dBTP. Blocks while it renders; not for a UI thread.
 */
public final class DemoAudio {
    /** Seconds of material in a demonstration. */
    public static final double EXCERPT_S = ChangeKind.DEFAULT_EXCERPT_S;

    private DemoAudio() {
    }

    /** The versions by label, in the demo's order; {@code seed} picks the excerpt. */
    public static Map<String, AudioBuffer> render(Demo demo, ExerciseAudio audio, long seed) {
        AudioBuffer excerpt = audio.excerpt(demo.material(), EXCERPT_S, new SplittableRandom(seed));
        List<AudioBuffer> versions = new ArrayList<>();
        for (Demo.Version version : demo.versions()) {
            versions.add(ChainRenderer.render(version.chain(), excerpt));
        }
        boolean stereo = versions.stream().anyMatch(v -> v.channelCount() == 2);
        double referenceLufs = AbRenderer.measure(versions.get(0), false).integratedLufs();
        double peakDbtp = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < versions.size(); i++) {
            AudioBuffer version = stereo && versions.get(i).channelCount() == 1 ? ChangeKind.toStereo(versions.get(i)) : versions.get(i);
            double lufs = AbRenderer.measure(version, false).integratedLufs();
            double matchDb = i > 0 && Double.isFinite(referenceLufs) && Double.isFinite(lufs) ? referenceLufs - lufs : 0;
            version = AbRenderer.scaled(version, matchDb);
            peakDbtp = Math.max(peakDbtp, AbRenderer.measure(version, true).truePeakDbtp());
            versions.set(i, version);
        }
        double trimDb = Math.min(0, AbRenderer.TRUE_PEAK_CEILING_DBTP - peakDbtp);
        Map<String, AudioBuffer> byLabel = new LinkedHashMap<>();
        for (int i = 0; i < versions.size(); i++) {
            byLabel.put(demo.versions().get(i).label(), trimDb < 0 ? AbRenderer.scaled(versions.get(i), trimDb) : versions.get(i));
        }
        return byLabel;
    }
}
