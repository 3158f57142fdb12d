package dev.mixdojo.classroom.live;

import dev.mixdojo.classroom.AnsweredQuestion;
import dev.mixdojo.exercise.Answer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One student's answers in a live session, under the name they joined with, and the results file they are
 * kept in. Outlives the device: when the teacher removes a device, whoever joins next under the name goes
 * on with the same sheet. Guarded by the session's lock, except {@link #writeLock}, which orders file writes.
 */
final class Sheet {
    /** One answer: as given (absent when read back from an earlier run's file), as recorded, and whether it is on disk. */
    static final class Entry {
        final Optional<Answer> given;
        final AnsweredQuestion recorded;
        boolean stored;

        Entry(Optional<Answer> given, AnsweredQuestion recorded, boolean stored) {
            this.given = given;
            this.recorded = recorded;
            this.stored = stored;
        }
    }

    final String name;
    final Path file;
    final Instant startedAt;
    /** By question number, in the order answered. */
    final Map<Integer, Entry> answers = new LinkedHashMap<>();
    /** Serialises this sheet's file writes, so an older snapshot never lands after a newer one. */
    final Object writeLock = new Object();
    Instant lastAnswerAt;
    Participant holder;
    Optional<String> handedIn = Optional.empty();

    Sheet(String name, Path file, Instant startedAt) {
        this.name = name;
        this.file = file;
        this.startedAt = startedAt;
        this.lastAnswerAt = startedAt;
    }

    /** The first question of {@code 1…count} not answered yet, or {@code count + 1} when all are. */
    int nextUnanswered(int count) {
        int n = 1;
        while (n <= count && answers.containsKey(n)) {
            n++;
        }
        return n;
    }

    /** The answers as the results file lists them, in the order given. */
    List<AnsweredQuestion> recorded() {
        return answers.values().stream().map(e -> e.recorded).toList();
    }

    /** The question answered last, if any. */
    Optional<Integer> lastAnswered() {
        return answers.keySet().stream().reduce((first, second) -> second);
    }
}
