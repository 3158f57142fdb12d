package dev.mixdojo.classroom.live;

/** One device admitted to a live session: its id (shown to the teacher), its secret token and the sheet it answers on. Guarded by the session's lock. */
final class Participant {
    final String id;
    final String token;
    final Sheet sheet;
    /** How many pages are open with this token now. */
    int connections;

    Participant(String id, String token, Sheet sheet) {
        this.id = id;
        this.token = token;
        this.sheet = sheet;
    }
}
