package dev.mixdojo.audio;

import dev.mixdojo.base.BadInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import net.sourceforge.jaad.aac.Decoder;
import net.sourceforge.jaad.adts.ADTSDemultiplexer;
import net.sourceforge.jaad.mp4.MP4Container;
import net.sourceforge.jaad.mp4.MP4InputStream;
import net.sourceforge.jaad.mp4.api.AudioTrack;
import net.sourceforge.jaad.mp4.api.Frame;
import net.sourceforge.jaad.mp4.api.Track;
import net.sourceforge.jaad.mp4.boxes.Box;
import net.sourceforge.jaad.mp4.boxes.BoxTypes;
import net.sourceforge.jaad.mp4.boxes.impl.EditListBox;
import net.sourceforge.jaad.mp4.boxes.impl.HandlerBox;
import net.sourceforge.jaad.mp4.boxes.impl.MediaHeaderBox;
import net.sourceforge.jaad.mp4.boxes.impl.MovieHeaderBox;

/**
 * Decodes AAC, in an MP4 / M4A file or as a raw ADTS stream, with JAAD (javasound-aac), called
 * directly, to float. Gapless for MP4: the track's edit list gives the encoder's priming
 * samples (skipped) and the stream's length (kept), as ffmpeg and iTunes read it.
 */
final class AacDecoding {
    /** JAAD's output full scale: its samples are scaled for 16-bit output. */
    private static final float JAAD_FULL_SCALE = 32768f;
    /**
     * JAAD logs damaged frames to the console (some of its loggers set their own level); a user
     * gets our one sentence instead, so nothing logged under "jaad" travels up to the console.
     */
    private static final Logger JAAD_LOG = Logger.getLogger("jaad");

    static {
        JAAD_LOG.setLevel(Level.OFF);
        JAAD_LOG.setUseParentHandlers(false);
    }

    private AacDecoding() {
    }

    static void decodeMp4(Path file, DecodedSink sink) throws IOException {
        try (RandomAccessFile random = new RandomAccessFile(file.toFile(), "r")) {
            MP4Container container;
            try {
                container = new MP4Container(new Mp4File(random));
            } catch (IOException | RuntimeException e) {
                throw new BadInputException(file, "the file is damaged: its MP4 boxes cannot be read (" + Decoding.reason(e) + ").", e);
            }
            List<Track> tracks = container.getMovie().getTracks(AudioTrack.AudioCodec.AAC);
            if (tracks.isEmpty()) {
                boolean anyAudio = !container.getMovie().getTracks(net.sourceforge.jaad.mp4.api.Type.AUDIO).isEmpty();
                throw new BadInputException(file, anyAudio
                        ? "the file's audio is not AAC (perhaps Apple Lossless or AC-3), which MixDojo does not read; convert it to FLAC or WAV."
                        : "the file is an MP4 file with no audio track.");
            }
            Track track = tracks.get(0);
            if (track.getDecoderSpecificInfo() == null) {
                throw new BadInputException(file, "the file is damaged: its AAC track has no decoder configuration.");
            }
            Decoder decoder = Decoder.create(track.getDecoderSpecificInfo().getData());
            Receiver receiver = new Receiver(sink, audioTrackBox(container).flatMap(AacDecoding::editList));
            while (track.hasMoreFrames()) {
                Frame frame;
                try {
                    frame = track.readNextFrame();
                } catch (java.io.EOFException cutOff) {
                    break; // the file ends inside its sound data: keep what decoded (the sink warns)
                }
                decoder.decodeFrame(frame.getData(), receiver);
            }
        } catch (OutOfMemoryError e) {
            // JAAD allocates what the MP4 tables claim; a damaged table can claim gigabytes.
            throw new BadInputException(file, "the file is damaged: its MP4 tables claim more data than any real file holds.");
        } catch (IOException | RuntimeException e) {
            if (e instanceof BadInputException bad) {
                throw bad;
            }
            throw new BadInputException(file, "its AAC audio cannot be decoded (" + Decoding.reason(e)
                    + "): the file is damaged or uses something MixDojo's AAC decoder does not read; convert it to FLAC or WAV.", e);
        }
    }

    static void decodeAdts(Path file, InputStream in, DecodedSink sink) throws IOException {
        try {
            ADTSDemultiplexer adts = new ADTSDemultiplexer(in);
            Decoder decoder = Decoder.create(adts.getDecoderInfo());
            Receiver receiver = new Receiver(sink, Optional.empty());
            byte[] frame;
            while ((frame = nextAdtsFrame(adts)) != null) {
                decoder.decodeFrame(frame, receiver);
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof BadInputException bad) {
                throw bad;
            }
            throw new BadInputException(file, "its AAC (ADTS) audio cannot be decoded (" + Decoding.reason(e)
                    + "): the file is damaged or uses something MixDojo's AAC decoder does not read; convert it to FLAC or WAV.", e);
        }
    }

    /** The next ADTS frame, or null at the end of the stream (JAAD signals it with an EOFException). */
    private static byte[] nextAdtsFrame(ADTSDemultiplexer adts) throws IOException {
        try {
            return adts.readNextFrame();
        } catch (java.io.EOFException end) {
            return null;
        }
    }

    /**
     * An MP4 edit list's one entry: where the track's sound starts and how long it lasts, in the
     * track's units. The entry's duration is in the movie's units, often milliseconds; when the
     * track's own duration after the start agrees with it to within one of those, that exact
     * count is the length.
     */
    private record EditList(long mediaTime, long length, long trackUnitsPerSecond) {
    }

    /**
     * The audio track's edit list: its first entry's media time is the encoder's priming (in the
     * track's time scale) and its duration the stream's length (in the movie's time scale).
     */
    private static Optional<EditList> editList(Box trak) {
        Box edts = trak.getChild(BoxTypes.EDIT_BOX);
        Box mdia = trak.getChild(BoxTypes.MEDIA_BOX);
        Box moov = trak.getParent();
        if (edts == null || mdia == null || moov == null
                || !(edts.getChild(BoxTypes.EDIT_LIST_BOX) instanceof EditListBox elst)
                || !(mdia.getChild(BoxTypes.MEDIA_HEADER_BOX) instanceof MediaHeaderBox mdhd)
                || !(moov.getChild(BoxTypes.MOVIE_HEADER_BOX) instanceof MovieHeaderBox mvhd)) {
            return Optional.empty();
        }
        long[] mediaTime = elst.getMediaTime();
        long[] duration = elst.getSegmentDuration();
        if (mediaTime.length != 1 || mediaTime[0] < 0 || mvhd.getTimeScale() <= 0 || mdhd.getTimeScale() <= 0) {
            return Optional.empty();
        }
        long length = Math.round(duration[0] * (double) mdhd.getTimeScale() / mvhd.getTimeScale());
        long trackLength = mdhd.getDuration() - mediaTime[0];
        if (Math.abs(length - trackLength) <= Math.ceil(mdhd.getTimeScale() / (double) mvhd.getTimeScale())) {
            length = trackLength; // the same length, exact to the sample (ffmpeg times the last frame by its real samples)
        }
        return Optional.of(new EditList(mediaTime[0], length, mdhd.getTimeScale()));
    }

    /** The first track whose handler is sound ('soun'). */
    private static Optional<Box> audioTrackBox(MP4Container container) {
        for (Box box : container.getBoxes()) {
            if (box.getType() != BoxTypes.MOVIE_BOX) {
                continue;
            }
            for (Box trak : box.getChildren(BoxTypes.TRACK_BOX)) {
                Box mdia = trak.getChild(BoxTypes.MEDIA_BOX);
                if (mdia != null && mdia.getChild(BoxTypes.HANDLER_BOX) instanceof HandlerBox handler
                        && handler.getHandlerType() == HandlerBox.TYPE_SOUND) {
                    return Optional.of(trak);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * An MP4 file for JAAD's box reader that stops at the end of the file: JAAD's own stream skips
     * past the end of a cut-off file forever, waiting for bytes that never come. Here a skip past
     * the end lands at the end, so a file cut inside its sound data reads up to the cut.
     */
    private static final class Mp4File extends MP4InputStream {
        private final RandomAccessFile file;

        Mp4File(RandomAccessFile file) {
            this.file = file;
        }

        @Override
        public int read() throws IOException {
            return file.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return file.read(b, off, len);
        }

        @Override
        public long skip(long n) throws IOException {
            skipBytes(n);
            return n;
        }

        @Override
        public void skipBytes(long n) throws IOException {
            long target = file.getFilePointer() + Math.max(0, n);
            file.seek(Math.min(target, file.length()));
        }

        @Override
        public long getOffset() throws IOException {
            return file.getFilePointer();
        }

        @Override
        public void seek(long position) throws IOException {
            file.seek(position);
        }

        @Override
        public boolean seekSupported() {
            return true;
        }

        @Override
        public boolean hasLeft() throws IOException {
            return file.getFilePointer() < file.length() - 1;
        }

        @Override
        public void close() throws IOException {
            file.close();
        }

        @Override
        public int available() throws IOException {
            return (int) Math.min(Integer.MAX_VALUE, file.length() - file.getFilePointer());
        }
    }

    /**
     * Passes each decoded AAC frame to the sink, starting it at the first frame's rate and
     * channels, and trimming it by the edit list, converted to frames at the decoded rate.
     */
    private static final class Receiver implements net.sourceforge.jaad.aac.Receiver {
        private final DecodedSink sink;
        private final Optional<EditList> editList;
        private float[][] block = new float[0][];

        Receiver(DecodedSink sink, Optional<EditList> editList) {
            this.sink = sink;
            this.editList = editList;
        }

        @Override
        public void accept(List<float[]> samples, int sampleLength, int sampleRate) {
            boolean first = !sink.started();
            sink.start(sampleRate, samples.size(), SampleEncoding.FLOAT_32);
            if (first) {
                editList.ifPresent(edit -> sink.trim(
                        Math.round(edit.mediaTime() * (double) sampleRate / edit.trackUnitsPerSecond()),
                        Math.round(edit.length() * (double) sampleRate / edit.trackUnitsPerSecond())));
            }
            if (block.length != samples.size() || block[0].length < sampleLength) {
                block = new float[samples.size()][sampleLength];
            }
            for (int c = 0; c < samples.size(); c++) {
                float[] in = samples.get(c);
                for (int i = 0; i < sampleLength; i++) {
                    // JAAD hands SBR output at twice the core rate in arrays of either length.
                    block[c][i] = in[(int) ((long) in.length * i / sampleLength)] / JAAD_FULL_SCALE;
                }
            }
            sink.write(block, 0, sampleLength);
        }
    }
}
