package dev.mixdojo.exercise;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Question kinds about translation: how a mix sounds on the systems listeners use, each simulated
 * by a {@link PlaybackSystem} chain.
 */
final class TranslationKinds {
    private TranslationKinds() {
    }

    /** The kinds of this area, in the order lessons list them. */
    static List<QuestionKind> all() {
        return List.of(whichSystem());
    }

    /**
     * Which system is this mix playing on? The original is the mix as it left the studio; the
     * processed version is the mix through one system's chain, loudness-matched (a phone is not
     * recognised by being quiet). The level is the strength of the simulation (1: the full system).
     */
    static QuestionKind whichSystem() {
        return new ChangeKind("translation-system", "translation.system", "strength of the simulation (1 = the full system)",
                (options, level, random, excerpt) -> {
                    List<String> names = options.textList("systems");
                    List<PlaybackSystem> systems = new ArrayList<>();
                    for (String name : names.isEmpty() ? Arrays.stream(PlaybackSystem.values()).map(PlaybackSystem::word).toList()
                            : names) {
                        systems.add(PlaybackSystem.named(name).orElseThrow(() -> new IllegalArgumentException(
                                "systems must be among " + PlaybackSystem.names() + ", got '" + name + "'")));
                    }
                    if (systems.size() < 2 || systems.stream().distinct().count() != systems.size()) {
                        throw new IllegalArgumentException("systems must name at least two different systems");
                    }
                    if (!(level > 0 && level <= 1)) {
                        throw new IllegalArgumentException("the strength must be above 0 and at most 1");
                    }
                    PlaybackSystem truth = systems.get(random.nextInt(systems.size()));
                    List<AnswerForm.Option> choices = systems.stream()
                            .map(system -> new AnswerForm.Option(system.label(), system.ordinal())).toList();
                    return new ChangeKind.Hidden(truth.chainAt(level), truth.ordinal(), truth.label())
                            .asking("Which system is the processed version playing on? (The original is the studio mix.)",
                                    new AnswerForm.Choice(choices),
                                    new Grading.ByLabel())
                            .hearingAnswersAs(ordinal -> PlaybackSystem.values()[(int) ordinal].chainAt(level));
                });
    }
}
