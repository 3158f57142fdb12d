package dev.mixdojo.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mixdojo.audio.AudioBuffer;
import dev.mixdojo.audio.AudioFiles;
import dev.mixdojo.audio.SampleEncoding;
import dev.mixdojo.base.Warnings;
import dev.mixdojo.dsp.automation.Param;
import dev.mixdojo.dsp.eq.EqSettings;
import dev.mixdojo.lesson.DrillSpec;
import dev.mixdojo.material.MaterialLibrary;
import dev.mixdojo.progress.StaircaseSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Automation-timing questions put their move on the music: in every built-in song, and in a song
 * imported from a file, a fader ride starts on a beat of the song's own grid (its description's
 * tempo, a bar starting at 0 s), measured from the rendered audio: where the excerpt lies in the
 * song is found by matching its samples, and where the ride starts by where processed and original
 * first differ. A filter opening's sweep starts on a beat too. The same seed asks the same question.
 */
class AutomationOnTheBeatTest extends WithMaterial {
    private static final int SEEDS = 3;

    @Test
    void ridesAndFilterOpeningsStartOnABeatOfEveryBuiltInSong() {
        MaterialLibrary library = library();
        List<String> songs = library.names().stream().filter(name -> library.tempoBpm(name).isPresent()).toList();
        assertThat(songs).hasSize(8);
        double worstRideMs = 0;
        double worstSweepMs = 0;
        for (String song : songs) {
            AudioBuffer mix = library.load(song, Optional.empty(), new Warnings()).mix();
            double beatS = 60 / library.tempoBpm(song).getAsDouble();
            for (int seed = 0; seed < SEEDS; seed++) {
                double rideMs = 1000 * offBeatS(rideStartInSongS(ride(audio, "song/" + song, seed), mix), beatS);
                double sweepMs = 1000 * offBeatS(sweepStartInSongS(opening("song/" + song, seed), mix), beatS);
                System.out.printf(Locale.ROOT, "%-18s seed %d: ride starts %.2f ms from a beat, filter sweep %.2f ms%n",
                        song, seed, rideMs, sweepMs);
                worstRideMs = Math.max(worstRideMs, rideMs);
                worstSweepMs = Math.max(worstSweepMs, sweepMs);
            }
        }
        assertThat(worstRideMs).as("farthest a ride starts from a beat, ms").isLessThan(1);
        assertThat(worstSweepMs).as("farthest a sweep starts from a beat, ms").isLessThan(1);
    }

    @Test
    void aRideInAnImportedSongStartsOnItsBeat() {
        // Imported into a folder of its own, so that the other tests see the built-in songs alone.
        MaterialLibrary library = new MaterialLibrary(Path.of("audio-exercises"), cache.resolve("own"), cache);
        ExerciseAudio own = new ExerciseAudio(library);
        AudioBuffer mix = library.load("house-warehouse", Optional.empty(), new Warnings()).mix();
        Path file = cache.resolve("warehouse.wav");
        AudioFiles.write(file, mix, SampleEncoding.FLOAT_32);
        library.importMaterial(file, "warehouse", new Warnings());
        double beatS = 60 / library.tempoBpm("house-warehouse").getAsDouble();
        double worstMs = 0;
        for (int seed = 0; seed < 2 * SEEDS; seed++) {
            double offMs = 1000 * offBeatS(rideStartInSongS(ride(own, "song/warehouse", seed), mix), beatS);
            System.out.printf(Locale.ROOT, "imported warehouse seed %d: ride starts %.2f ms from the song's beat%n", seed, offMs);
            worstMs = Math.max(worstMs, offMs);
        }
        // The imported song's beat grid is the one BeatTracker found (4.3 ms off the true one on this song).
        assertThat(worstMs).as("farthest a ride starts from a true beat, ms").isLessThan(8);
    }

    @Test
    void theSameSeedAsksTheSameQuestion() {
        Question first = ride(audio, "song/pop-sunrise/vocal", 7);
        Question again = ride(audio, "song/pop-sunrise/vocal", 7);
        assertThat(again.key().truth()).isEqualTo(first.key().truth());
        assertThat(again.audio().get("processed").channel(0)).isEqualTo(first.audio().get("processed").channel(0));
    }

    private static MaterialLibrary library() {
        return new MaterialLibrary(Path.of("audio-exercises"), cache.resolve("imported"), cache);
    }

    private static Question ride(ExerciseAudio material, String ref, long seed) {
        DrillSpec drill = Drills.drill("automation-when", ref, "{excerptS: 6}", StaircaseSettings.linear(6, 6, 1.5, 0.75));
        return AutomationKinds.rideWhen().generate("lesson", drill, 6, seed, material);
    }

    private static Question opening(String material, long seed) {
        DrillSpec drill = Drills.drill("filter-open-when", material, "{excerptS: 5, sweepS: 0.5}",
                StaircaseSettings.linear(0.3, 0.3, 0.075, 0.0375));
        return AutomationKinds.filterOpenWhen().generate("lesson", drill, 0.3, seed, audio);
    }

    /** How far (s) a time in the song is from the nearest beat of a grid starting at 0. */
    private static double offBeatS(double timeS, double beatS) {
        double past = timeS % beatS;
        return Math.min(past, beatS - past);
    }

    /** Where in the song the ride starts: the excerpt's place in it plus the first sample where processed leaves original. */
    private static double rideStartInSongS(Question question, AudioBuffer song) {
        AudioBuffer original = question.audio().get("original");
        float[] dry = original.channel(0);
        float[] wet = question.audio().get("processed").channel(0);
        float peak = 0;
        for (float x : dry) {
            peak = Math.max(peak, Math.abs(x));
        }
        int start = -1;
        for (int i = 0; i < dry.length && start < 0; i++) {
            if (Math.abs(dry[i]) > peak / 100 && Math.abs(wet[i] / dry[i] - 1) > 1e-4) {
                start = i;
            }
        }
        assertThat(start).as("a ride in the processed version").isPositive();
        return placeInSongS(original, song) + start / (double) original.sampleRateHz();
    }

    /** Where in the song the filter's sweep starts: the excerpt's place plus the sweep's first moving breakpoint. */
    private static double sweepStartInSongS(Question question, AudioBuffer song) {
        EqSettings filter = (EqSettings) question.key().chain().steps().get(0);
        var points = ((Param.Automated) filter.frequencyHz()).envelope().points();
        return placeInSongS(question.audio().get("original"), song) + points.get(0).timeS();
    }

    /**
     * Where the excerpt starts in the song (s): the frame from which the song, times one gain (the
     * pair's trim), gives the excerpt's samples.
     */
    private static double placeInSongS(AudioBuffer excerpt, AudioBuffer song) {
        float[] part = excerpt.channel(0);
        float[] whole = song.channel(0);
        int loudest = 0;
        for (int j = 0; j < Math.min(part.length, 4800); j++) {
            loudest = Math.abs(part[j]) > Math.abs(part[loudest]) ? j : loudest;
        }
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i + part.length <= whole.length; i++) {
            if (whole[i + loudest] == 0) {
                continue;
            }
            double gain = part[loudest] / (double) whole[i + loudest];
            if (!(gain > 0.25 && gain < 4)) {
                continue;
            }
            boolean same = true;
            for (int j = 0; j < part.length && same; j += 97) {
                same = Math.abs(part[j] - gain * whole[i + j]) <= 1e-4 * Math.abs(part[loudest]);
            }
            if (same) {
                found.add(i);
            }
        }
        assertThat(found).as("places in the song that the excerpt matches").hasSize(1);
        return found.get(0) / (double) song.sampleRateHz();
    }
}
