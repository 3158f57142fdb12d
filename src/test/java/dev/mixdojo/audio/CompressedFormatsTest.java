package dev.mixdojo.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mixdojo.base.Warnings;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * FLAC, MP3, Ogg Vorbis and AAC files made by ffmpeg from a WAV read as ffmpeg's own decoders
 * read them: FLAC bit for bit; the lossy formats as long as the WAV (gapless; a raw ADTS stream
 * cannot be), aligned to the sample with ffmpeg's decode, and close to it in value.
 */
class CompressedFormatsTest {
    private static final int RATE_HZ = 48_000;
    private static final int FRAMES = 5 * RATE_HZ + 1234;
    @TempDir
    static Path dir;
    static Path source;
    static AudioBuffer original;

    @BeforeAll
    static void makeSource() {
        original = music(2, FRAMES, RATE_HZ, 7);
        source = dir.resolve("source.wav");
        AudioFiles.write(source, original, SampleEncoding.PCM_24);
        original = AudioFiles.read(source, new Warnings());
    }

    @ParameterizedTest
    @CsvSource({"s16.flac, -c:a flac -sample_fmt s16", "s24.flac, -c:a flac"})
    void flacReadsBitForBitAsTheWavItWasMadeFromAndAsFfmpegDecodesIt(String name, String codec) {
        Ffmpeg.assumeInstalled();
        Path flac = Ffmpeg.encode(name.startsWith("s16") ? sixteenBit() : source, dir.resolve(name), codec);
        AudioBuffer ours = AudioFiles.read(flac, new Warnings());
        float[][] theirs = Ffmpeg.decode(flac, 2);
        assertThat(ours.frames()).isEqualTo(FRAMES);
        for (int c = 0; c < 2; c++) {
            assertThat(ours.channel(c)).containsExactly(theirs[c]);
        }
        if (name.startsWith("s24")) {
            for (int c = 0; c < 2; c++) {
                assertThat(ours.channel(c)).containsExactly(original.channel(c));
            }
        }
    }

    /**
     * MP3 and Vorbis decode to within rounding of ffmpeg's decoders. AAC's decoders differ more
     * (JAAD's temporal noise shaping and perceptual noise substitution, whose noise is random, are
     * not ffmpeg's), so AAC is held to being as close to the source as ffmpeg's decode is.
     */
    @ParameterizedTest
    @CsvSource({
        "s.mp3, -c:a libmp3lame -b:a 192k, 100",
        "vbr.mp3, -c:a libmp3lame -q:a 2, 100",
        "mono.mp3, -c:a libmp3lame -b:a 96k -ac 1, 100",
        "s.ogg, -c:a libvorbis -q:a 5, 100",
        "s.m4a, -c:a aac -b:a 192k, 15",
        "plain.m4a, -c:a aac -b:a 192k -aac_pns 0 -aac_tns 0, 80"})
    void lossyFilesAreAsLongAsTheirSourceAndAlignedToTheSampleWithFfmpegsDecode(String name, String codec, double minSnrDb) {
        Ffmpeg.assumeInstalled();
        Path file = Ffmpeg.encode(source, dir.resolve(name), codec);
        AudioBuffer ours = AudioFiles.read(file, new Warnings());
        int channels = ours.channelCount();
        float[][] theirs = Ffmpeg.decode(file, channels);
        assertThat(ours.frames()).as("frames of %s", name).isEqualTo(FRAMES);
        // ffmpeg trims AAC's priming but keeps the padding of its last frame: compare where both have sound.
        assertThat(theirs[0].length).as("ffmpeg's frames of %s", name).isBetween(FRAMES, FRAMES + 1024);
        for (int c = 0; c < channels; c++) {
            float[] reference = channels == 1 ? mixedToMono(original) : original.channel(c);
            assertThat(bestLag(ours.channel(c), theirs[c], 2048)).as("lag of %s against ffmpeg", name).isZero();
            assertThat(bestLag(ours.channel(c), reference, 2048)).as("lag of %s against the source", name).isZero();
            double snrDb = snrDb(ours.channel(c), theirs[c]);
            double oursToSourceDb = snrDb(ours.channel(c), reference);
            double ffmpegToSourceDb = snrDb(theirs[c], reference);
            System.out.printf(Locale.ROOT, "%s channel %d: SNR against ffmpeg's decode %.1f dB; against the source %.2f dB"
                    + " (ffmpeg's decode %.2f dB)%n", name, c, snrDb, oursToSourceDb, ffmpegToSourceDb);
            assertThat(snrDb).as("SNR of %s against ffmpeg's decode", name).isGreaterThan(minSnrDb);
            assertThat(oursToSourceDb).as("SNR of %s against the source", name).isCloseTo(ffmpegToSourceDb, within(0.5));
        }
    }

    /**
     * A raw ADTS stream (.aac) records neither the encoder's priming nor its padding, and ffmpeg's
     * decode keeps both; ours reads it as ffmpeg does: as long as ffmpeg's decode, aligned to the
     * sample with it, and so the source's sound begins after the priming ffmpeg's encoder writes
     * (1024 frames). Against the source at that lag ours is as close as ffmpeg's decode.
     */
    @Test
    void adtsAacReadsAsFfmpegDecodesItWithTheSourceAfterTheEncodersPriming() {
        Ffmpeg.assumeInstalled();
        Path file = Ffmpeg.encode(source, dir.resolve("s.aac"), "-c:a aac -b:a 192k");
        AudioBuffer ours = AudioFiles.read(file, new Warnings());
        float[][] theirs = Ffmpeg.decode(file, 2);
        int primingFrames = 1024;
        assertThat(ours.frames()).as("frames of s.aac").isEqualTo(theirs[0].length);
        assertThat(ours.frames()).as("frames of s.aac").isBetween(FRAMES + primingFrames, FRAMES + 2 * primingFrames);
        for (int c = 0; c < 2; c++) {
            assertThat(bestLag(ours.channel(c), theirs[c], 2048)).as("lag of s.aac against ffmpeg").isZero();
            assertThat(bestLag(ours.channel(c), original.channel(c), 2048)).as("lag of s.aac against the source").isEqualTo(-primingFrames);
            float[] afterPriming = java.util.Arrays.copyOfRange(ours.channel(c), primingFrames, ours.frames());
            float[] ffmpegAfterPriming = java.util.Arrays.copyOfRange(theirs[c], primingFrames, theirs[c].length);
            double snrDb = snrDb(ours.channel(c), theirs[c]);
            double oursToSourceDb = snrDb(afterPriming, original.channel(c));
            double ffmpegToSourceDb = snrDb(ffmpegAfterPriming, original.channel(c));
            System.out.printf(Locale.ROOT, "s.aac channel %d: SNR against ffmpeg's decode %.1f dB; against the source %.2f dB"
                    + " (ffmpeg's decode %.2f dB)%n", c, snrDb, oursToSourceDb, ffmpegToSourceDb);
            assertThat(snrDb).as("SNR of s.aac against ffmpeg's decode").isGreaterThan(15);
            assertThat(oursToSourceDb).as("SNR of s.aac against the source").isCloseTo(ffmpegToSourceDb, within(0.5));
        }
    }

    private static float[] mixedToMono(AudioBuffer stereo) {
        float[] mono = new float[stereo.frames()];
        for (int i = 0; i < mono.length; i++) {
            mono[i] = (stereo.channel(0)[i] + stereo.channel(1)[i]) / 2;
        }
        return mono;
    }

    private static Path sixteenBit() {
        Path file = dir.resolve("source16.wav");
        AudioFiles.write(file, original, SampleEncoding.PCM_16);
        return file;
    }

    /** The lag (in samples, −range…range) at which {@code b} best matches {@code a}, by cross-correlation over a second in the middle. */
    static int bestLag(float[] a, float[] b, int range) {
        int best = 0;
        double bestSum = Double.NEGATIVE_INFINITY;
        int from = Math.min(a.length, b.length) / 2 - RATE_HZ / 2;
        int to = from + RATE_HZ;
        for (int lag = -range; lag <= range; lag++) {
            double sum = 0;
            for (int i = from; i < to; i++) {
                sum += (double) a[i] * b[i + lag];
            }
            if (sum > bestSum) {
                bestSum = sum;
                best = lag;
            }
        }
        return best;
    }

    /** 10·log10(Σ reference² / Σ (x − reference)²). */
    static double snrDb(float[] x, float[] reference) {
        double signal = 0;
        double error = 0;
        for (int i = 0; i < Math.min(x.length, reference.length); i++) {
            signal += (double) reference[i] * reference[i];
            double d = x[i] - reference[i];
            error += d * d;
        }
        return 10 * Math.log10(signal / error);
    }

    /** A seeded stand-in for music: chords of decaying partials on a beat, with noise hits, different in each channel. */
    static AudioBuffer music(int channels, int frames, int rateHz, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[][] out = new float[channels][frames];
        int beat = rateHz / 2;
        for (int start = 0; start < frames; start += beat) {
            double root = 110 * Math.pow(2, random.nextInt(12) / 12.0);
            for (int c = 0; c < channels; c++) {
                double pan = c == 0 ? 0.8 : 1.2;
                for (int i = start; i < Math.min(frames, start + 2 * beat); i++) {
                    double t = (i - start) / (double) rateHz;
                    double envelope = Math.exp(-3 * t);
                    double tone = 0;
                    for (int k = 1; k <= 6; k++) {
                        tone += Math.sin(2 * Math.PI * root * k * pan * t) / k;
                    }
                    double hit = (i - start) < rateHz / 20 ? random.nextDouble(-1, 1) * Math.exp(-60 * t) : 0;
                    out[c][i] += (float) (0.2 * envelope * tone + 0.1 * hit);
                }
            }
        }
        return new AudioBuffer(out, rateHz);
    }
}
