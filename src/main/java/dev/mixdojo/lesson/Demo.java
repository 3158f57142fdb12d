package dev.mixdojo.lesson;

import dev.mixdojo.dsp.chain.ChainDescription;
import java.util.List;

/**
 * Something to listen to before drilling: the same material in several versions (e.g. flat,
 * then a boost at each octave) that the learner switches between.
 */
public record Demo(String title, MaterialRef material, List<Version> versions) {

    public Demo {
        versions = List.copyOf(versions);
    }

    /** One version: its label and the processing chain that makes it. */
    public record Version(String label, ChainDescription chain) {
    }
}
