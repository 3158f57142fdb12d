package dev.mixdojo.classroom.live;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** How a live session plays its questions. */
public enum SessionMode {
    /** The teacher plays A/B through the room's speakers; everyone answers the open question, then the teacher reveals it. */
    ROOM("room"),
    /** Each student's browser plays the questions' A/B; everyone works through the questions at their own pace. */
    OWN_HEADPHONES("own-headphones");

    private final String key;

    SessionMode(String key) {
        this.key = key;
    }

    /** The word used on the command line and in the browser, e.g. {@code own-headphones}. */
    public String key() {
        return key;
    }

    /** Every key, for messages. */
    public static List<String> keys() {
        return Arrays.stream(values()).map(SessionMode::key).toList();
    }

    /** The mode with the given key. */
    public static Optional<SessionMode> ofKey(String key) {
        return Arrays.stream(values()).filter(m -> m.key.equals(key)).findFirst();
    }
}
