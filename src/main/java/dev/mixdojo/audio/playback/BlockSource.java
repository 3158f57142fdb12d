package dev.mixdojo.audio.playback;

/**
 * Something that makes its own audio block by block (a live mix), played by a {@link PlaybackEngine}
 * in place of its loaded sources while attached. Threading: {@link #render} runs on the audio thread
 * (or the one thread rendering offline) and must never allocate, lock, block or throw.
 */
public interface BlockSource {
    /**
     * Writes {@code frames} (at most {@value PlaybackEngine#MAX_BLOCK_FRAMES}) frames into
     * {@code out[c][offset …]} for each of the two output channels, replacing what was there.
     */
    void render(float[][] out, int offset, int frames);
}
