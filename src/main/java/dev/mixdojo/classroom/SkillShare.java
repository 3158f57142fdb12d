package dev.mixdojo.classroom;

/**
 * How the class did on one skill (a lesson area and drill kind, e.g. {@code eq / eq-band}).
 *
 * @param skill    the skill's name
 * @param right    right first answers to its questions, over all counted students
 * @param possible its questions times the counted students
 */
public record SkillShare(String skill, int right, int possible) {
    /** The share of the class's answers on this skill that were right, 0–100 % (0 when nothing was possible). */
    public double sharePercent() {
        return possible == 0 ? 0 : 100.0 * right / possible;
    }
}
