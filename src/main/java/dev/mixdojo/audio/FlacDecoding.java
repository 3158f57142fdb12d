package dev.mixdojo.audio;

import dev.mixdojo.base.BadInputException;
import dev.mixdojo.base.Warnings;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import org.jflac.ChannelData;
import org.jflac.FLACDecoder;
import org.jflac.frame.Frame;
import org.jflac.metadata.StreamInfo;

/**
 * Decodes FLAC with jFLAC's decoder, called directly: the integer samples of each frame are
 * scaled by 2^(bits−1), the same full scale as PCM WAV, and stored as 16- or 24-bit PCM, so a
 * FLAC file reads bit for bit as the WAV it was made from.
 */
final class FlacDecoding {
    /**
     * jFLAC prints a debugging line to {@code System.out} for every escape-coded residual
     * partition (valid FLAC, and common in damaged files), which would land in a user's terminal
     * or a command's JSON; while a thread decodes FLAC, what it prints there is dropped.
     */
    private static final ThreadLocal<Boolean> DECODING = ThreadLocal.withInitial(() -> false);

    static {
        PrintStream console = System.out;
        String encoding = System.getProperty("sun.stdout.encoding", Charset.defaultCharset().name());
        try {
            System.setOut(new PrintStream(new OutputStream() {
                @Override
                public void write(int b) {
                    if (!DECODING.get()) {
                        console.write(b);
                    }
                }

                @Override
                public void write(byte[] bytes, int offset, int length) {
                    if (!DECODING.get()) {
                        console.write(bytes, offset, length);
                    }
                }

                @Override
                public void flush() {
                    console.flush();
                }
            }, true, encoding));
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException("the console's own encoding " + encoding + " is unknown", e);
        }
    }

    private FlacDecoding() {
    }

    static void decode(Path file, InputStream in, DecodedSink sink, Warnings warnings) throws IOException {
        DECODING.set(true);
        try {
            decodeQuietly(file, in, sink, warnings);
        } finally {
            DECODING.set(false);
        }
    }

    private static void decodeQuietly(Path file, InputStream in, DecodedSink sink, Warnings warnings) throws IOException {
        FLACDecoder decoder = new FLACDecoder(in);
        StreamInfo info;
        try {
            decoder.readMetadata();
            info = decoder.getStreamInfo();
        } catch (IOException | RuntimeException e) {
            throw new BadInputException(file, "the file is damaged: its FLAC header cannot be read ("
                    + Decoding.reason(e) + ").", e);
        }
        if (info == null) {
            throw new BadInputException(file, "the file is damaged: it has no FLAC stream information block.");
        }
        int bits = info.getBitsPerSample();
        if (bits < 4 || bits > 24) {
            throw new BadInputException(file, "unsupported FLAC encoding: " + bits + "-bit samples; MixDojo reads 4- to 24-bit FLAC.");
        }
        sink.start(info.getSampleRate(), info.getChannels(), bits <= 16 ? SampleEncoding.PCM_16 : SampleEncoding.PCM_24);
        if (info.getTotalSamples() > 0) {
            sink.promise(info.getTotalSamples());
        }
        float scale = 1f / (1 << (bits - 1));
        float[][] block = new float[info.getChannels()][0];
        Frame frame;
        try {
            while ((frame = decoder.readNextFrame()) != null) {
                int frames = frame.header.blockSize;
                if (frame.header.channels != info.getChannels() || frame.header.bitsPerSample != bits) {
                    throw new BadInputException(file, "the file is damaged: a frame has " + frame.header.channels
                            + " channels of " + frame.header.bitsPerSample + " bits, the stream " + info.getChannels()
                            + " of " + bits + ".");
                }
                ChannelData[] channels = decoder.getChannelData();
                for (int c = 0; c < block.length; c++) {
                    if (block[c].length < frames) {
                        block[c] = new float[frames];
                    }
                    int[] samples = channels[c].getOutput();
                    for (int i = 0; i < frames; i++) {
                        block[c][i] = samples[i] * scale;
                    }
                }
                sink.write(block, 0, frames);
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof BadInputException bad) {
                throw bad;
            }
            throw new BadInputException(file, "the file is damaged: a FLAC frame cannot be decoded (" + Decoding.reason(e) + ").", e);
        }
        if (decoder.getBadFrames() > 0) {
            warnings.add(file + ": " + decoder.getBadFrames() + (decoder.getBadFrames() == 1 ? " FLAC frame was" : " FLAC frames were")
                    + " damaged and left out, so the sound after it is early.");
        }
    }
}
