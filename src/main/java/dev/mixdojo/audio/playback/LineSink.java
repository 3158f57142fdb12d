package dev.mixdojo.audio.playback;

import javax.sound.sampled.SourceDataLine;

/** Plays blocks through an open, started Java Sound line; {@link #write} blocks while the line's buffer is full. */
final class LineSink implements AudioSink {
    private final SourceDataLine line;
    private final int bytesPerSample;
    private final byte[] bytes;
    private volatile boolean woken;

    /** A sink for {@code line}, whose format has {@code bytesPerSample} bytes per sample, for blocks up to {@code maxBlockFrames}. */
    LineSink(SourceDataLine line, int bytesPerSample, int maxBlockFrames) {
        this.line = line;
        this.bytesPerSample = bytesPerSample;
        this.bytes = new byte[maxBlockFrames * line.getFormat().getChannels() * bytesPerSample];
    }

    @Override
    public void write(float[][] block, int frames) {
        if (woken) {
            return;
        }
        PcmEncoding.encode(block, frames, bytesPerSample, bytes);
        line.write(bytes, 0, frames * block.length * bytesPerSample);
    }

    @Override
    public void wake() {
        woken = true;
        // Stopping and flushing a line makes a blocked write return.
        line.stop();
        line.flush();
    }

    @Override
    public void close() {
        line.close();
    }
}
