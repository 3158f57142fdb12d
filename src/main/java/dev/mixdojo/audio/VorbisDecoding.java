package dev.mixdojo.audio;

import com.github.trilarion.sound.vorbis.jcraft.jogg.Packet;
import com.github.trilarion.sound.vorbis.jcraft.jogg.Page;
import com.github.trilarion.sound.vorbis.jcraft.jogg.StreamState;
import com.github.trilarion.sound.vorbis.jcraft.jogg.SyncState;
import com.github.trilarion.sound.vorbis.jcraft.jorbis.Block;
import com.github.trilarion.sound.vorbis.jcraft.jorbis.Comment;
import com.github.trilarion.sound.vorbis.jcraft.jorbis.DspState;
import com.github.trilarion.sound.vorbis.jcraft.jorbis.Info;
import dev.mixdojo.base.BadInputException;
import dev.mixdojo.base.Warnings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Decodes Ogg Vorbis with JOrbis (the copy in java-vorbis-support), called directly, to float.
 * Gapless: the last page's granule position is the stream's length in samples, so the decoder's
 * overlap at the end is cut there, as the Vorbis specification says a decoder must.
 */
final class VorbisDecoding {
    private static final int READ_BYTES = 8192;

    private VorbisDecoding() {
    }

    static void decode(Path file, InputStream in, DecodedSink sink, Warnings warnings) throws IOException {
        Pages pages = new Pages(in);
        Page page = pages.next();
        if (page == null) {
            throw new BadInputException(file, "the file is damaged: it holds no Ogg page.");
        }
        int serial = page.serialno();
        StreamState stream = new StreamState();
        stream.init(serial);
        Info info = new Info();
        Comment comment = new Comment();
        info.init();
        comment.init();
        Packet packet = new Packet();
        int headers = 0;
        try {
            while (headers < 3) {
                if (stream.pagein(page) < 0) {
                    throw new BadInputException(file, "the file is damaged: an Ogg page of the Vorbis headers cannot be read.");
                }
                int got;
                while (headers < 3 && (got = stream.packetout(packet)) != 0) {
                    if (got < 0 || info.synthesis_headerin(comment, packet) < 0) {
                        if (headers == 0) {
                            throw new BadInputException(file, notVorbis(packet));
                        }
                        throw new BadInputException(file, "the file is damaged: its Vorbis headers cannot be read.");
                    }
                    headers++;
                }
                if (headers < 3 && (page = pages.next()) == null) {
                    throw new BadInputException(file, "the file is truncated: it ends inside its Vorbis headers.");
                }
            }
            sink.start(info.rate, info.channels, SampleEncoding.FLOAT_32);
            DspState dsp = new DspState();
            dsp.synthesis_init(info);
            Block block = new Block(dsp);
            float[][][] pcm = new float[1][][];
            int[] index = new int[info.channels];
            float[][] out = new float[info.channels][];
            boolean lastPage = false;
            while (true) {
                // Packets left on the page that ended the headers come first, then page after page.
                int got;
                while ((got = stream.packetout(packet)) != 0) {
                    if (got < 0) {
                        continue; // a gap in the packet sequence: JOrbis resynchronises, as libvorbis does
                    }
                    if (block.synthesis(packet) == 0) {
                        dsp.synthesis_blockin(block);
                    }
                    int frames;
                    while ((frames = dsp.synthesis_pcmout(pcm, index)) > 0) {
                        for (int c = 0; c < info.channels; c++) {
                            out[c] = pcm[0][c];
                        }
                        writeFrom(sink, out, index, frames);
                        dsp.synthesis_read(frames);
                    }
                }
                if (lastPage || (page = pages.next()) == null) {
                    break;
                }
                if (page.serialno() != serial) {
                    continue; // another logical stream (a chained or multiplexed file): only the first is read
                }
                if (page.eos() != 0) {
                    lastPage = true;
                    if (page.granulepos() >= 0) {
                        sink.limit(page.granulepos());
                    }
                }
                stream.pagein(page);
            }
            if (!lastPage) {
                warnings.add(file + ": the file is truncated: its Ogg Vorbis stream stops without its last page; what was there was read.");
            }
        } catch (RuntimeException e) {
            if (e instanceof BadInputException bad) {
                throw bad;
            }
            throw new BadInputException(file, "the file is damaged: its Vorbis audio cannot be decoded (" + Decoding.reason(e) + ").", e);
        }
    }

    /** Hands {@code frames} frames to the sink from per-channel arrays that start at different offsets. */
    private static void writeFrom(DecodedSink sink, float[][] channels, int[] offsets, int frames) {
        boolean sameOffset = true;
        for (int offset : offsets) {
            sameOffset &= offset == offsets[0];
        }
        if (sameOffset) {
            sink.write(channels, offsets[0], frames);
            return;
        }
        float[][] copy = new float[channels.length][];
        for (int c = 0; c < channels.length; c++) {
            copy[c] = java.util.Arrays.copyOfRange(channels[c], offsets[c], offsets[c] + frames);
        }
        sink.write(copy, 0, frames);
    }

    /** Why an Ogg stream whose first packet is not a Vorbis header cannot be read, naming the codec when it is a known one. */
    private static String notVorbis(Packet packet) {
        String start = new String(packet.packet_base, packet.packet, Math.min(8, packet.bytes), StandardCharsets.ISO_8859_1);
        String codec = start.startsWith("OpusHead") ? "Opus" : start.startsWith("\u007FFLAC") ? "FLAC"
                : start.startsWith("Speex") ? "Speex" : null;
        return codec == null
                ? "the file is an Ogg file but not Ogg Vorbis audio; MixDojo reads Ogg Vorbis."
                : "the file is Ogg " + codec + " audio, which MixDojo does not read; convert it to FLAC, WAV or Ogg Vorbis.";
    }

    /** Ogg pages read from the stream one by one. */
    private static final class Pages {
        private final InputStream in;
        private final SyncState sync = new SyncState();
        private final Page page = new Page();

        Pages(InputStream in) {
            this.in = in;
            sync.init();
        }

        /** The next page, or null at the end of the file. */
        Page next() throws IOException {
            while (true) {
                if (sync.pageout(page) == 1) {
                    return page;
                }
                int at = sync.buffer(READ_BYTES);
                int read = in.read(sync.data, at, READ_BYTES);
                if (read <= 0) {
                    return null;
                }
                sync.wrote(read);
            }
        }
    }
}
