package dev.mixdojo.exercise;

/** What every question kind states about itself: the name lessons use, its skill and what its level means. */
abstract class NamedKind implements QuestionKind {
    private final String name;
    private final String skill;
    private final String difficulty;

    NamedKind(String name, String skill, String difficulty) {
        this.name = name;
        this.skill = skill;
        this.difficulty = difficulty;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String skill() {
        return skill;
    }

    @Override
    public final String difficulty() {
        return difficulty;
    }
}
