package dev.mixdojo.lesson;

import dev.mixdojo.base.yaml.Location;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A mix challenge step of a lesson: the learner gets a material's stems, mixes them towards a goal
 * (a target mix session or a reference bounce of the same stems), and is scored on the listed aspects.
 *
 * @param id            stable within the lesson
 * @param title         what the challenge asks, on screen
 * @param brief         what to do and listen for, a few sentences
 * @param material      the song whose stems are handed out ({@code song/NAME})
 * @param goal          the target: a mix session file (.yaml) or a reference bounce (.wav), resolved against the lesson's folder
 * @param scored        the score aspects that count ({@link #ASPECTS}); the others are shown as advice only
 * @param compareWithTarget whether the mixer offers A/B against the target's sound (false: the learner works from the brief)
 * @param passScore     the score (0–100) that passes the challenge
 * @param start         what the learner starts from, made from the target session
 * @param scoredUntilS  the mix is scored over the song's first this many seconds (infinite: the whole song), a
 *                      stretch in which every stem the challenge scores plays
 * @param location      where the challenge starts in its lesson file, for messages
 */
public record MixChallenge(String id, String title, String brief, MaterialRef material, Path goal, List<String> scored,
        boolean compareWithTarget, int passScore, Start start, double scoredUntilS, Location location) {

    /** What the learner starts from, made from the target session. */
    public enum Start {
        /** The target with every fader at 0 dB and every pan centred (a balance or panning challenge). */
        LEVELS,
        /** The target without its EQ bands and compressors (an EQ or dynamics challenge over the target's balance). */
        INSERTS,
        /** The target with every send off (a depth challenge: reverb and delay sends over the target's balance). */
        SENDS,
        /** Every fader at 0 dB, every pan centred, no EQ, no compressor, no send: a whole mix from flat. */
        FLAT,
        /** The target with every ride taken off: each automated fader fixed at its level at the song's start. */
        RIDES;

        /** The name in a lesson file. */
        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The aspects a challenge may score, as the mix score names them. */
    public static final List<String> ASPECTS = List.of("level", "pan", "eq", "ride", "compression", "reverb", "delay", "masking");

    /** Copies the list; the scored stretch must be positive. */
    public MixChallenge {
        scored = List.copyOf(scored);
        if (!(scoredUntilS > 0)) {
            throw new IllegalArgumentException("a challenge scores a stretch of the song, got " + scoredUntilS + " s");
        }
    }

    /** Whether the goal is a mix session (else a reference bounce). */
    public boolean goalIsSession() {
        String name = goal.getFileName().toString();
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }

    /** The goal as a session file, if it is one. */
    public Optional<Path> targetSession() {
        return goalIsSession() ? Optional.of(goal) : Optional.empty();
    }
}
