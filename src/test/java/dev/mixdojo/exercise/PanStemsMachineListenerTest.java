package dev.mixdojo.exercise;

import dev.mixdojo.analysis.spectrum.WelchAnalyzer;
import dev.mixdojo.analysis.stereo.StereoAnalyzer;
import dev.mixdojo.audio.AudioBuffer;
import dev.mixdojo.lesson.MaterialRef;
import org.junit.jupiter.api.Test;

/** Machine listeners for the stereo-picture kinds: which stem moved, and how wide. */
class PanStemsMachineListenerTest extends WithMaterial {
    @Test
    void whichStemMoved() {
        String song = "song/funk-elevator";
        Drills.assertSolved(audio, PanKinds.panStem(), song, "{excerptS: 4}", 60,
                StemListener.whichStem(audio.catalog(MaterialRef.parse(song).orElseThrow())));
    }

    @Test
    void howWide() {
        Drills.assertSolved(audio, PanKinds.panWidth(), "song/ambient-glacier", "{excerptS: 3}", 25, question -> {
            // Mid/side width scales the side by w and keeps the mid: the side-to-mid energy ratio grows by w².
            double ratio = widthRatio(question.audio().get("processed")) / widthRatio(question.audio().get("original"));
            return new Answer.Valued(Math.min(2, Math.sqrt(ratio)));
        });
    }

    private static double widthRatio(AudioBuffer audio) {
        StereoAnalyzer stereo = new StereoAnalyzer(audio.sampleRateHz());
        stereo.accept(audio.channels(), audio.frames());
        WelchAnalyzer welch = new WelchAnalyzer(audio.sampleRateHz(), audio.channelCount());
        welch.accept(audio.channels(), audio.frames());
        return stereo.result(welch.spectra()).widthRatio();
    }
}
