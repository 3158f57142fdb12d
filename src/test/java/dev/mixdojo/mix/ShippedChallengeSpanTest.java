package dev.mixdojo.mix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mixdojo.audio.AudioBuffer;
import dev.mixdojo.lesson.MixChallenge;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every shipped challenge scores a stretch of its song in which every stem its target plays is heard: a stem
 * silent in the scored stretch could not be judged, whatever its fader, pan or EQ.
 */
class ShippedChallengeSpanTest {
    /** A window of this length (s) counts as playing when its RMS, over every channel, is above {@link #PLAYING_DBFS}. */
    private static final double WINDOW_S = 0.1;
    private static final double PLAYING_DBFS = -50;
    /** A stem plays in the stretch when at least this many seconds of it are playing windows. */
    private static final double PLAYING_S = 2;

    @Test
    void everyStemOfEveryShippedChallengePlaysInTheStretchItScores() {
        for (MixChallenge challenge : ShippedExcerpts.challenges()) {
            MixSession target = ShippedExcerpts.target(challenge);
            assertThat(challenge.scoredUntilS()).as("%s scores a stretch, not the whole song", challenge.id()).isFinite();
            Map<String, AudioBuffer> scored = ShippedExcerpts.scoredStems(challenge);
            for (ChannelStrip track : target.tracks()) {
                if (target.audible(track)) {
                    double playingS = playingS(scored.get(track.stem()));
                    System.out.printf(Locale.ROOT, "%s: %s plays %.1f s of the first %.0f s%n", challenge.id(), track.stem(),
                            playingS, challenge.scoredUntilS());
                    assertThat(playingS).as("%s: %s in the scored stretch", challenge.id(), track.stem())
                            .isGreaterThanOrEqualTo(PLAYING_S);
                }
            }
        }
    }

    @Test
    void aStemThatStartsAfterTheStretchIsNotCountedAsPlaying() {
        int rateHz = 48000;
        float[] late = new float[rateHz * 10];
        for (int i = rateHz * 5; i < late.length; i++) {
            late[i] = (float) (0.1 * Math.sin(2 * Math.PI * 440 * i / rateHz));
        }
        AudioBuffer stem = new AudioBuffer(new float[][] {late}, rateHz);
        assertThat(playingS(stem.opening(5))).isZero();
        assertThat(playingS(stem.opening(10))).isCloseTo(5, org.assertj.core.api.Assertions.within(0.11));
    }

    /** Seconds of the buffer whose {@value #WINDOW_S} s windows play above {@value #PLAYING_DBFS} dBFS RMS. */
    private static double playingS(AudioBuffer audio) {
        int window = (int) Math.round(WINDOW_S * audio.sampleRateHz());
        int playing = 0;
        for (int from = 0; from + window <= audio.frames(); from += window) {
            double squares = 0;
            for (int c = 0; c < audio.channelCount(); c++) {
                float[] x = audio.channel(c);
                for (int k = from; k < from + window; k++) {
                    squares += x[k] * x[k];
                }
            }
            double rmsDb = 10 * Math.log10(squares / (window * audio.channelCount()) + 1e-30);
            if (rmsDb > PLAYING_DBFS) {
                playing++;
            }
        }
        return playing * WINDOW_S;
    }
}
