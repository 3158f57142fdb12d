package dev.mixdojo.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.mixdojo.audio.AudioBuffer;
import dev.mixdojo.audio.AudioFiles;
import dev.mixdojo.audio.SampleEncoding;
import dev.mixdojo.base.AtomicFiles;
import dev.mixdojo.base.BadInputException;
import dev.mixdojo.dsp.chain.ChainWriter;
import dev.mixdojo.exercise.AnswerForm;
import dev.mixdojo.exercise.ExerciseAudio;
import dev.mixdojo.exercise.OwnMusic;
import dev.mixdojo.exercise.Question;
import dev.mixdojo.exercise.QuestionKind;
import dev.mixdojo.exercise.QuestionKinds;
import dev.mixdojo.lesson.DrillSpec;
import dev.mixdojo.lesson.Lesson;
import dev.mixdojo.lesson.LessonLibrary;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mixdojo render --lesson ID [--drill N] [--material NAME] --seed S --out DIR}: writes one question as files
 * (the versions as WAV, {@code question.json} for the learner, {@code answer.json} with the key).
 */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = "Render one drill question to a folder: question.json, answer.json and a WAV per version.")
final class RenderQuestionCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Option(names = "--lesson", required = true, paramLabel = "ID", description = "The lesson's id.")
    String lessonId;

    @Option(names = "--drill", paramLabel = "N", defaultValue = "1", description = "Which drill of the lesson, from 1 (default 1).")
    int drillNumber;

    @Option(names = "--seed", required = true, paramLabel = "S", description = "The question's seed: the same seed gives the same question.")
    long seed;

    @Option(names = "--level", paramLabel = "L", description = "The difficulty level in the drill's unit (default: the drill's start).")
    Double level;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The folder to write into (created if needed).")
    Path out;

    @Option(names = "--material", paramLabel = "NAME", description = "Ask the drill on this imported song instead of"
            + " the lesson's material ('mixdojo material import SONG --name NAME'); drills of EQ, compression, width,"
            + " reverb, delay, saturation and playback systems fit one song.")
    String material;

    @Mixin
    UserFolderOptions folders;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        LessonLibrary library = LessonsCommand.loadOrFail(folders.lessons(), folders);
        Lesson lesson = library.lesson(lessonId).orElseThrow(() -> new BadInputException(
                "There is no lesson '" + lessonId + "'; 'mixdojo lessons list' shows the lessons."));
        if (lesson.drills().isEmpty()) {
            throw new BadInputException(lesson.challenges().isEmpty() ? "The lesson '" + lessonId + "' has no drill to render."
                    : "The lesson '" + lessonId + "' is a mix challenge, not a drill: open it in the app's Mixer"
                            + " (bin/mixdojo gui, then Ctrl+4), or score a bounce of its stems with 'mixdojo score-mix'.");
        }
        if (drillNumber < 1 || drillNumber > lesson.drills().size()) {
            throw new BadInputException("The lesson '" + lessonId + "' has drills 1 to " + lesson.drills().size()
                    + ", not " + drillNumber + ".");
        }
        DrillSpec drill = lesson.drills().get(drillNumber - 1);
        ExerciseAudio audio = new ExerciseAudio(folders.materialLibrary());
        if (material != null) {
            drill = OwnMusic.onto(drill, material);
            if (!audio.exists(drill.material())) {
                throw new BadInputException("There is no material called '" + material + "' (try: mixdojo material list).");
            }
        }
        QuestionKind kind = new QuestionKinds().kind(drill.kind()).orElseThrow();
        double chosenLevel = level != null ? level : drill.difficulty().startLevel();
        Question question = kind.generate(lesson.id(), drill, chosenLevel, seed, audio);
        write(question);
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.printf("Wrote %s: %s (%s), %s.%n", out, question.prompt(), kind.name(),
                String.join(" and ", question.audio().keySet().stream().map(n -> n + ".wav").toList()));
        stdout.flush();
        return 0;
    }

    private void write(Question question) {
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw AtomicFiles.cannotWrite(out, e);
        }
        ObjectNode audio = JSON.createObjectNode();
        for (Map.Entry<String, AudioBuffer> version : question.audio().entrySet()) {
            String file = version.getKey() + ".wav";
            AudioFiles.write(out.resolve(file), version.getValue(), SampleEncoding.FLOAT_32);
            audio.put(version.getKey(), file);
        }
        ObjectNode q = JSON.createObjectNode();
        q.put("lesson", question.lessonId());
        q.put("drill", question.drillId());
        q.put("kind", question.kind());
        q.put("seed", question.seed());
        q.put("level", question.level());
        q.put("prompt", question.prompt());
        if (question.form() instanceof AnswerForm.Choice choice) {
            ArrayNode choices = q.putArray("choices");
            choice.options().forEach(o -> choices.add(o.label()));
        } else if (question.form() instanceof AnswerForm.Value value) {
            ObjectNode range = q.putObject("answerRange");
            range.put("min", value.min());
            range.put("max", value.max());
            range.put("unit", value.quantity().errorUnit());
            range.put("logarithmic", value.logarithmic());
        } else if (question.form() instanceof AnswerForm.Curve curve) {
            ObjectNode range = q.putObject("answerCurve");
            range.put("durationS", curve.durationS());
            range.put("min", curve.min());
            range.put("max", curve.max());
            range.put("unit", curve.quantity().errorUnit());
        } else if (question.form() instanceof AnswerForm.Settings settings) {
            ArrayNode dials = q.putArray("answerSettings");
            for (AnswerForm.Setting setting : settings.settings()) {
                dials.addObject().put("name", setting.name()).put("min", setting.min()).put("max", setting.max())
                        .put("unit", setting.quantity().errorUnit()).put("logarithmic", setting.logarithmic());
            }
        }
        q.set("audio", audio);

        ObjectNode a = JSON.createObjectNode();
        a.put("kind", question.kind());
        a.put("correct", question.key().truthLabel());
        a.put("value", question.key().truth());
        a.set("chain", chainAsJson(question));
        a.put("target", question.key().target());
        a.put("matchGainDb", question.key().matchGainDb());
        try {
            AtomicFiles.write(out.resolve("question.json"), JSON.writeValueAsBytes(q));
            AtomicFiles.write(out.resolve("answer.json"), JSON.writeValueAsBytes(a));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode chainAsJson(Question question) {
        try {
            return new YAMLMapper().readTree(ChainWriter.write(question.key().chain()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
