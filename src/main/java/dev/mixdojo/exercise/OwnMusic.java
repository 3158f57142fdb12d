package dev.mixdojo.exercise;

import dev.mixdojo.base.BadInputException;
import dev.mixdojo.lesson.DrillSpec;
import dev.mixdojo.lesson.MaterialRef;
import java.util.List;
import java.util.Optional;

/**
 * Drills on a learner's own music: which drills fit one full mix (a change to the whole excerpt,
 * heard level-matched against the original: EQ, compression, width, reverb, delay, saturation and
 * playback systems), and such a drill moved onto an imported song. Drills about single stems
 * (levels, pans, rides on a voice) need a multitrack and do not fit.
 */
public final class OwnMusic {
    /** The skills, by their prefix, whose questions change a whole mix. */
    private static final List<String> FITTING_SKILLS = List.of("eq.", "compression.", "pan.width", "reverb.", "delay.",
            "saturation.", "translation.");
    private static final QuestionKinds KINDS = new QuestionKinds();

    private OwnMusic() {
    }

    /** Whether the drill's kind asks about a change to a whole mix, so it can run on one imported song. */
    public static boolean fits(DrillSpec drill) {
        return KINDS.kind(drill.kind()).map(kind -> FITTING_SKILLS.stream().anyMatch(kind.skill()::startsWith)).orElse(false);
    }

    /** The drill as it is, but on the imported song {@code materialName} ({@code song/NAME}); refuses a drill that does not fit. */
    public static DrillSpec onto(DrillSpec drill, String materialName) {
        if (!fits(drill)) {
            throw new BadInputException("The drill '" + drill.id() + "' (" + drill.kind() + ") asks about single stems,"
                    + " so it cannot use one song; your own music fits the drills of EQ, compression, width, reverb,"
                    + " delay, saturation and playback systems.");
        }
        return new DrillSpec(drill.id(), drill.kind(), drill.title(), new MaterialRef("song", materialName, Optional.empty()),
                drill.questions(), drill.options(), drill.difficulty(), drill.location());
    }
}
