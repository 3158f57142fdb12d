package dev.mixdojo.progress;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Every skill's staircase, rebuilt by replaying the attempt log in order. Immutable; {@link #with}
 * gives the state after one more attempt.
 */
public final class SkillStates {
    private final Function<String, StaircaseSettings> settingsForSkill;
    private final Map<String, Staircase> bySkill;

    private SkillStates(Function<String, StaircaseSettings> settingsForSkill, Map<String, Staircase> bySkill) {
        this.settingsForSkill = settingsForSkill;
        this.bySkill = Map.copyOf(bySkill);
    }

    /** Replays the attempts; {@code settingsForSkill} gives each skill's rule (from its drill). */
    public static SkillStates rebuild(List<Attempt> attempts, Function<String, StaircaseSettings> settingsForSkill) {
        SkillStates states = new SkillStates(settingsForSkill, Map.of());
        for (Attempt attempt : attempts) {
            states = states.with(attempt);
        }
        return states;
    }

    /** The states after one more attempt. */
    public SkillStates with(Attempt attempt) {
        Map<String, Staircase> next = new LinkedHashMap<>(bySkill);
        next.put(attempt.skill(), staircase(attempt.skill()).next(attempt.correct()));
        return new SkillStates(settingsForSkill, next);
    }

    /** The staircase of a skill (a fresh one if it was never practised). */
    public Staircase staircase(String skill) {
        Staircase existing = bySkill.get(skill);
        return existing != null ? existing : Staircase.start(settingsForSkill.apply(skill));
    }

    /** The level the next question of this skill should use. */
    public double nextLevel(String skill) {
        return staircase(skill).level();
    }

    /** The skill's threshold, once it has enough reversals. */
    public Optional<Threshold> threshold(String skill) {
        return staircase(skill).threshold();
    }
}
