package dev.mixdojo.ui.homework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mixdojo.audio.AudioFiles;
import dev.mixdojo.audio.SampleEncoding;
import dev.mixdojo.base.Warnings;
import dev.mixdojo.exercise.PlaybackSystem;
import dev.mixdojo.grading.KnownMix;
import dev.mixdojo.grading.MixScore;
import dev.mixdojo.grading.MixScoreFiles;
import dev.mixdojo.grading.ScoreItem;
import dev.mixdojo.grading.StemAudio;
import dev.mixdojo.grading.Translation;
import dev.mixdojo.grading.TranslationFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HomeworkViewModelTest {
    @TempDir
    static Path root;
    static Path stemsFolder;
    static Path target;
    static Path mix;

    /** Five known stems, a target, and a mix with the bass 3 dB up (the fixture {@code score-mix} is tested on). */
    @BeforeAll
    static void writeADeliveryWithTheBassThreeDecibelsUpInTheMix() throws Exception {
        writeDelivery(root);
    }

    /** Writes the stems folder, the target and the mix into {@code root} and remembers their paths. */
    static void writeDelivery(Path root) throws Exception {
        KnownMix.Delivery delivery = KnownMix.writeBassThreeDecibelsUp(root);
        stemsFolder = delivery.stemsFolder();
        target = delivery.target();
        mix = delivery.mix();
    }

    static HomeworkViewModel model() {
        return new HomeworkViewModel(Runnable::run, Runnable::run);
    }

    @Test
    void scoringShowsTheSameScoreAsTheCommandAndTheBassLevelWorstAtAboutThreeDecibels() {
        HomeworkViewModel model = model();
        model.stemsFolderProperty().set(stemsFolder.toString());
        model.mixFileProperty().set(mix.toString());
        model.targetFileProperty().set(target.toString());
        model.scoreMix();

        MixScore direct = MixScoreFiles.score(stemsFolder, mix, target, new Warnings());
        ScoreItem worst = HomeworkViewModel.worstFirst(direct).get(0);
        assertThat(model.messageProperty().get()).isEmpty();
        assertThat(model.headlineProperty().get()).isEqualTo("Score: " + direct.score() + " / 100");
        assertThat(direct.score()).isBetween(1, 99);
        assertThat(worst.subject()).isEqualTo("Bass");
        assertThat(worst.aspect()).isEqualTo("level");
        assertThat(worst.error()).isCloseTo(3, within(0.5));
        assertThat(model.lines().get(0)).startsWith("Bass level: +").contains(worst.advice());
        assertThat(model.runningProperty().get()).isFalse();
    }

    @Test
    void aSixteenBitFileNamedAudioOneShowsInTheStemCheck() throws Exception {
        Path folder = Files.createDirectory(root.resolve("planted"));
        for (StemAudio s : KnownMix.stems(KnownMix.fiveStrips(), 5, 3)) {
            boolean planted = s.name().equals("Bass");
            AudioFiles.write(folder.resolve((planted ? "Audio 1" : s.name()) + ".wav"), s.audio(),
                    planted ? SampleEncoding.PCM_16 : SampleEncoding.PCM_24);
        }
        HomeworkViewModel model = model();
        model.stemsFolderProperty().set(folder.toString());
        model.checkStems();

        assertThat(model.headlineProperty().get()).startsWith("Stems: fail");
        assertThat(model.lines()).anySatisfy(line -> assertThat(line).startsWith("Audio 1.wav: fail").contains("16"));
        assertThat(model.lines()).noneSatisfy(line -> assertThat(line).startsWith("Kick"));
    }

    @Test
    void theTranslationCheckShowsEveryStemOnEverySystemAndTheStereoKeysDropInMono() {
        HomeworkViewModel model = model();
        model.checkTranslation();
        assertThat(model.messageProperty().get()).isEqualTo("Choose the stems folder first: the stems bounced from your mix.");

        model.stemsFolderProperty().set(stemsFolder.toString());
        model.checkTranslation();
        // The five stems are white noise of one spectrum: every system's EQ moves them alike, and only
        // the phone's and the club's mono fold sets the stereo keys (independent channels) 3.01 dB below
        // the mono stems, which are the same on both sides.
        assertThat(model.messageProperty().get()).isEmpty();
        assertThat(model.headlineProperty().get()).isEqualTo("Translation: no stem is nearly lost on any system");
        assertThat(model.lines()).hasSize(5 * 4);
        assertThat(model.lines()).filteredOn(line -> line.startsWith("Phone: ")).hasSize(5).first().asString()
                .startsWith("Phone: Keys drops back (");
        Translation.SystemChange phone = Translation.check(MixScoreFiles.readStems(stemsFolder, new Warnings(), List.of()),
                List.of(PlaybackSystem.PHONE)).systems().get(0);
        double keys = phone.stems().stream().filter(st -> st.stem().equals("Keys")).findFirst().orElseThrow().changeDb();
        double vocal = phone.stems().stream().filter(st -> st.stem().equals("Vocal")).findFirst().orElseThrow().changeDb();
        assertThat(keys - vocal).isCloseTo(-3.01, within(0.15));
        assertThat(model.lines()).contains("Phone: Keys drops back (" + TranslationFormat.decibels(keys) + " dB)");
    }

    @Test
    void applyingTheSuggestionsSavesTheMixWithTheBassBackAndScoresItAtTheTarget() throws Exception {
        HomeworkViewModel model = model();
        model.applySuggestions();
        assertThat(model.messageProperty().get()).startsWith("Score your mix first");
        model.stemsFolderProperty().set(stemsFolder.toString());
        model.mixFileProperty().set(mix.toString());
        model.targetFileProperty().set(target.toString());
        model.scoreMix();
        assertThat(model.canApplyProperty().get()).isTrue();

        model.applySuggestions();
        Path saved = mix.resolveSibling("mix-suggested.wav");
        assertThat(saved).exists();
        assertThat(model.messageProperty().get()).isEmpty();
        assertThat(model.headlineProperty().get()).matches("With the suggestions applied: \\d+ / 100 \\(was \\d+\\), "
                + "saved as mix-suggested.wav");
        MixScore after = MixScoreFiles.score(stemsFolder, saved, target, new Warnings());
        assertThat(after.score()).isGreaterThanOrEqualTo(95);
        assertThat(after.items()).noneMatch(i -> i.subject().equals("Bass"));
        Files.delete(saved);
    }

    @Test
    void whatWillBeLostLeavesOutTheMixKeptInTheStemsFolderAndSaysSo() throws Exception {
        Path folder = Files.createDirectory(root.resolve("with-mix"));
        for (StemAudio s : KnownMix.stems(KnownMix.fiveStrips(), 5, 3)) {
            AudioFiles.write(folder.resolve(s.name() + ".wav"), s.audio(), SampleEncoding.PCM_24);
        }
        Files.copy(mix, folder.resolve("mix.wav"));
        HomeworkViewModel model = model();
        model.stemsFolderProperty().set(folder.toString());
        model.mixFileProperty().set(folder.resolve("mix.wav").toString());
        model.checkTranslation();
        assertThat(model.lines()).first().asString().startsWith("Left out as not a stem: mix (");
        assertThat(model.lines()).noneMatch(line -> line.matches("(Phone|Earbuds|Car|Club): mix .*"));
        assertThat(model.lines()).hasSize(1 + 5 * 4);

        // Without naming it as the mix, it is still known by being the sum of the stems.
        HomeworkViewModel unnamed = model();
        unnamed.stemsFolderProperty().set(folder.toString());
        unnamed.checkTranslation();
        assertThat(unnamed.lines()).first().asString().contains("mix (a rough mix or master by its name, and the sum");
    }

    @Test
    void aMissingFolderGivesOneSentenceNamingIt() {
        HomeworkViewModel model = model();
        model.stemsFolderProperty().set(root.resolve("nowhere").toString());
        model.mixFileProperty().set(mix.toString());
        model.targetFileProperty().set(target.toString());
        model.scoreMix();

        assertThat(model.messageProperty().get()).contains("nowhere").endsWith(".").doesNotContain("Exception");
        assertThat(model.lines()).isEmpty();
    }

    @Test
    void theEmptyStateSaysWhatToDo() {
        assertThat(model().messageProperty().get()).isEqualTo(HomeworkViewModel.EMPTY).contains("stems folder");
    }
}
