package dev.mixdojo.base;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the warnings (one sentence each) that an operation could recover from, such as a
 * truncated file read as far as it goes; not thread-safe, one per operation.
 */
public final class Warnings {
    private final List<String> sentences = new ArrayList<>();

    /** Adds one sentence for the user. */
    public void add(String sentence) {
        sentences.add(sentence);
    }

    /** The warnings so far, in the order they were added. */
    public List<String> all() {
        return List.copyOf(sentences);
    }

    public boolean isEmpty() {
        return sentences.isEmpty();
    }
}
