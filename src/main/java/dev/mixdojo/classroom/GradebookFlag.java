package dev.mixdojo.classroom;

/** Something a teacher should look at before trusting a row of the gradebook. */
public enum GradebookFlag {
    /** The file was edited, is not signed by the assignment's key, or belongs to another assignment pack. */
    TAMPERED("tampered"),
    /** Finished after the due time. */
    LATE("late"),
    /** Another file has the same student name, or the very same bytes. */
    DUPLICATE("duplicate"),
    /** The signature and the pack could not be checked (the gradebook was read without the assignment pack). */
    UNVERIFIED("unverified");

    private final String word;

    GradebookFlag(String word) {
        this.word = word;
    }

    /** The word shown in the gradebook. */
    public String word() {
        return word;
    }
}
