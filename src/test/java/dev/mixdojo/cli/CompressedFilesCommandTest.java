package dev.mixdojo.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mixdojo.audio.AudioFiles;
import dev.mixdojo.audio.Ffmpeg;
import dev.mixdojo.audio.SampleEncoding;
import dev.mixdojo.audio.AudioBuffer;
import dev.mixdojo.base.Warnings;
import dev.mixdojo.material.MaterialLibrary;
import java.util.Arrays;
import java.util.Optional;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code info} and {@code analyze} on FLAC, MP3, Ogg Vorbis and M4A files made by ffmpeg from a WAV
 * of a built-in song: the WAV's frame count, and its integrated loudness within 0.1 LU (FLAC: the
 * same). At 192 kbps LAME's low-pass takes 0.27 LU off this song, in ffmpeg's decode as in ours, so
 * the MP3 is made at 320 kbps.
 */
class CompressedFilesCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path dir;
    static Path wav;
    static long wavFrames;
    static double wavLufs;

    @BeforeAll
    static void makeWav() throws Exception {
        wav = dir.resolve("song.wav");
        AudioBuffer mix = new MaterialLibrary(Path.of("audio-exercises"), dir.resolve("imported"), dir.resolve("cache"))
                .load("pop-sunrise", Optional.empty(), new Warnings()).mix();
        int frames = 20 * mix.sampleRateHz() + 17;
        float[][] excerpt = {Arrays.copyOfRange(mix.channel(0), 0, frames), Arrays.copyOfRange(mix.channel(1), 0, frames)};
        AudioFiles.write(wav, new AudioBuffer(excerpt, mix.sampleRateHz()), SampleEncoding.PCM_24);
        wavFrames = JSON.readTree(CliRunner.run("info", wav.toString(), "--json").out()).get("frames").asLong();
        wavLufs = integratedLufs(wav);
    }

    @ParameterizedTest
    @CsvSource({"song.flac, -c:a flac, 0", "song.mp3, -c:a libmp3lame -b:a 320k, 0.1", "song.ogg, -c:a libvorbis, 0.1",
        "song.m4a, -c:a aac -b:a 192k, 0.1"})
    void infoGivesTheWavsFrameCountAndAnalyzeItsLoudness(String name, String codec, double toleranceLu) throws Exception {
        Ffmpeg.assumeInstalled();
        Path file = Ffmpeg.encode(wav, dir.resolve(name), codec);

        CliRunner info = CliRunner.run("info", file.toString(), "--json");

        assertThat(info.exitCode()).as(info.err()).isZero();
        JsonNode json = JSON.readTree(info.out());
        assertThat(json.get("frames").asLong()).isEqualTo(wavFrames);
        assertThat(json.get("warnings")).isEmpty();
        double lufs = integratedLufs(file);
        System.out.printf(java.util.Locale.ROOT, "%s: %.3f LUFS, the WAV %.3f LUFS%n", name, lufs, wavLufs);
        if (toleranceLu == 0) {
            assertThat(lufs).isEqualTo(wavLufs);
        } else {
            assertThat(lufs).isCloseTo(wavLufs, within(toleranceLu));
            // What the lossy codec loses is ffmpeg's loss too: its decode of the same file measures the same.
            Path decodedByFfmpeg = Ffmpeg.encode(file, dir.resolve(name + ".wav"), "-c:a pcm_f32le");
            assertThat(lufs).isCloseTo(integratedLufs(decodedByFfmpeg), within(0.01));
        }
    }

    private static double integratedLufs(Path file) throws Exception {
        CliRunner run = CliRunner.run("analyze", file.toString(), "--only", "loudness", "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        return JSON.readTree(run.out()).get("loudness").get("integratedLufs").asDouble();
    }
}
