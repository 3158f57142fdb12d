package dev.mixdojo.audio;

import dev.mixdojo.base.BadInputException;
import dev.mixdojo.base.Warnings;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the header of a WAV (RIFF/WAVE, BWF, WAVE_FORMAT_EXTENSIBLE) or AIFF / AIFF-C file
 * into a {@link FileLayout}. Every size in a header is checked against the real file size
 * before it is used, so a damaged header gives a sentence, never a huge allocation.
 */
final class AudioFileParser {
    private static final int MIN_RATE_HZ = AudioFiles.MIN_RATE_HZ;
    private static final int MAX_RATE_HZ = AudioFiles.MAX_RATE_HZ;
    private static final int MAX_CHANNELS = AudioFiles.MAX_CHANNELS;
    /** No real format or common chunk is anywhere near this long; larger means damaged. */
    private static final long MAX_HEADER_CHUNK_BYTES = 64 * 1024;

    static final int WAVE_FORMAT_PCM = 0x0001;
    static final int WAVE_FORMAT_IEEE_FLOAT = 0x0003;
    static final int WAVE_FORMAT_EXTENSIBLE = 0xFFFE;
    /** Bytes 2…15 of every KSDATAFORMAT_SUBTYPE GUID (mmreg.h); bytes 0–1 carry the format tag. */
    static final byte[] SUBTYPE_GUID_TAIL = {
        0x00, 0x00, 0x00, 0x00, 0x10, 0x00, (byte) 0x80, 0x00, 0x00, (byte) 0xAA, 0x00, 0x38, (byte) 0x9B, 0x71
    };
    /** Names of WAV format tags we recognise but do not decode (mmreg.h). */
    private static final Map<Integer, String> UNSUPPORTED_WAV_TAGS = Map.ofEntries(
            Map.entry(0x0002, "Microsoft ADPCM"),
            Map.entry(0x0006, "A-law"),
            Map.entry(0x0007, "µ-law"),
            Map.entry(0x0011, "IMA ADPCM"),
            Map.entry(0x0031, "GSM 6.10"),
            Map.entry(0x0040, "G.721 ADPCM"),
            Map.entry(0x0050, "MPEG audio"),
            Map.entry(0x0055, "MP3"),
            Map.entry(0x00FF, "AAC"),
            Map.entry(0x0161, "Windows Media Audio"),
            Map.entry(0x1610, "AAC"),
            Map.entry(0x2000, "AC-3"),
            Map.entry(0xF1AC, "FLAC"));
    /** Names of AIFF-C compression types we recognise but do not decode. */
    private static final Map<String, String> UNSUPPORTED_AIFC_TYPES = Map.of(
            "ulaw", "µ-law", "ULAW", "µ-law", "alaw", "A-law", "ALAW", "A-law",
            "ima4", "IMA ADPCM", "MAC3", "MACE 3:1", "MAC6", "MACE 6:1", "GSM ", "GSM 6.10",
            "sdx2", "SDX2");

    private final Path file;
    private final FileChannel channel;
    private final long fileSize;
    private final Warnings warnings;

    private AudioFileParser(Path file, FileChannel channel, long fileSize, Warnings warnings) {
        this.file = file;
        this.channel = channel;
        this.fileSize = fileSize;
        this.warnings = warnings;
    }

    /** Parses the header of {@code file}, already open as {@code channel}; throws BadInputException for files we cannot read. */
    static FileLayout parse(Path file, FileChannel channel, Warnings warnings) throws IOException {
        long size = channel.size();
        if (size == 0) {
            throw new BadInputException(file, "the file is empty (0 bytes), not a WAV or AIFF file.");
        }
        return new AudioFileParser(file, channel, size, warnings).parse();
    }

    private FileLayout parse() throws IOException {
        byte[] head = new byte[(int) Math.min(12, fileSize)];
        channel.read(ByteBuffer.wrap(head), 0);
        String magic = ascii(head, 0, Math.min(4, head.length));
        String form = head.length >= 12 ? ascii(head, 8, 4) : "";
        if (magic.equals("RIFF") && form.equals("WAVE")) {
            return parseWav();
        }
        if (magic.equals("FORM") && (form.equals("AIFF") || form.equals("AIFC"))) {
            return parseAiff(form.equals("AIFC"));
        }
        throw new BadInputException(file, notAudioReason(head));
    }

    /** Why a file that is not RIFF/WAVE or FORM/AIFF cannot be read, in words a person knows. */
    private String notAudioReason(byte[] head) {
        String magic = ascii(head, 0, Math.min(4, head.length));
        if (magic.equals("RIFF") || magic.equals("FORM")) {
            return head.length < 12
                    ? "the file is too short (" + fileSize + " bytes) to be a WAV or AIFF file."
                    : "the file is a " + magic + " container of type '" + ascii(head, 8, 4)
                            + "', not WAV or AIFF audio.";
        }
        if (magic.equals("RF64") || magic.equals("BW64")) {
            return "the file is an RF64 (over 4 GB) WAV, which MixDojo does not read; split or convert it to a normal WAV.";
        }
        if (magic.equals("RIFX")) {
            return "the file is a big-endian RIFX WAV, which MixDojo does not read; convert it to a normal WAV.";
        }
        if (head.length >= 4 && (head[0] & 0xFF) == 0x89 && magic.substring(1).equals("PNG")) {
            return "the file is a PNG image, not a WAV or AIFF audio file.";
        }
        if (looksLikeText(head)) {
            return "the file is text, not a WAV or AIFF audio file.";
        }
        return "the file is not an audio file MixDojo reads (WAV, AIFF, FLAC, MP3, Ogg Vorbis or AAC).";
    }

    private static boolean looksLikeText(byte[] head) {
        for (byte b : head) {
            int u = b & 0xFF;
            boolean text = u == '\t' || u == '\n' || u == '\r' || (u >= 0x20 && u != 0x7F);
            if (!text) {
                return false;
            }
        }
        return true;
    }

    // ---------------------------------------------------------------- WAV

    private FileLayout parseWav() throws IOException {
        Chunks chunks = scanChunks(ByteOrder.LITTLE_ENDIAN, "fmt ", "format (fmt)", 16, "data");
        ByteBuffer fmt = chunks.format();
        long dataOffset = chunks.dataBody();
        boolean dataSizeUnknown = chunks.dataSize() == 0xFFFFFFFFL;
        long dataBytes = dataSizeUnknown ? fileSize - dataOffset : chunks.dataSize();
        if (fmt == null) {
            throw new BadInputException(file, "the file has no format (fmt) chunk, so it is damaged or not a real WAV file.");
        }
        WavFormat wav = wavFormat(fmt);
        if (dataOffset < 0) {
            throw new BadInputException(file, "the file has no sound data (no data chunk); it is damaged or truncated.");
        }
        int frameBytes = wav.format().frameBytes(wav.channels());
        long declaredFrames = dataBytes / frameBytes;
        long availableFrames = Math.min(declaredFrames, (fileSize - dataOffset) / frameBytes);
        if (dataSizeUnknown) {
            warnings.add(file + ": the header does not give the length of the sound data (a streamed WAV), so it was read to the end of the file.");
        } else {
            warnIfTruncated(declaredFrames, availableFrames, wav.sampleRateHz());
        }
        return new FileLayout(AudioContainer.WAV, wav.format(), wav.sampleRateHz(), wav.channels(), dataOffset, availableFrames);
    }

    private record WavFormat(SampleFormat format, int sampleRateHz, int channels) {
    }

    private WavFormat wavFormat(ByteBuffer fmt) {
        int tag = Short.toUnsignedInt(fmt.getShort(0));
        int channels = Short.toUnsignedInt(fmt.getShort(2));
        long rate = Integer.toUnsignedLong(fmt.getInt(4));
        int blockAlign = Short.toUnsignedInt(fmt.getShort(12));
        int bits = Short.toUnsignedInt(fmt.getShort(14));
        int validBits = bits;
        if (tag == WAVE_FORMAT_EXTENSIBLE) {
            if (fmt.capacity() < 40) {
                throw new BadInputException(file, "the file is damaged: its WAVE_FORMAT_EXTENSIBLE format chunk is only "
                        + fmt.capacity() + " bytes, not 40.");
            }
            int declaredValid = Short.toUnsignedInt(fmt.getShort(18));
            validBits = declaredValid > 0 && declaredValid <= bits ? declaredValid : bits;
            for (int i = 0; i < SUBTYPE_GUID_TAIL.length; i++) {
                if (fmt.get(26 + i) != SUBTYPE_GUID_TAIL[i]) {
                    throw new BadInputException(file, "unsupported WAV encoding: an unknown WAVE_FORMAT_EXTENSIBLE sub-format; convert it to PCM.");
                }
            }
            tag = Short.toUnsignedInt(fmt.getShort(24));
        }
        checkChannelsAndRate(channels, rate);
        if (tag != WAVE_FORMAT_PCM && tag != WAVE_FORMAT_IEEE_FLOAT) {
            String name = UNSUPPORTED_WAV_TAGS.getOrDefault(tag, String.format(Locale.ROOT, "format tag 0x%04X", tag));
            throw new BadInputException(file, "unsupported WAV encoding: " + name + "; convert it to PCM (for example "
                    + "'sox IN -e signed-integer -b 24 OUT.wav').");
        }
        int containerBytes = blockAlign > 0 && blockAlign % channels == 0 ? blockAlign / channels : (bits + 7) / 8;
        SampleFormat format;
        if (tag == WAVE_FORMAT_IEEE_FLOAT) {
            if ((bits != 32 && bits != 64) || containerBytes != bits / 8) {
                throw new BadInputException(file, "unsupported WAV encoding: " + bits + "-bit float in "
                        + blockAlign + "-byte frames; only 32- and 64-bit float are defined.");
            }
            format = new SampleFormat(SampleFormat.Encoding.FLOAT, containerBytes, bits, ByteOrder.LITTLE_ENDIAN);
        } else {
            if (bits < 1 || bits > 32 || containerBytes < (bits + 7) / 8 || containerBytes > 4) {
                throw new BadInputException(file, "unsupported WAV encoding: " + bits + "-bit PCM in "
                        + blockAlign + "-byte frames of " + channels + " channels.");
            }
            // The WAV spec makes 8-bit (1-byte) PCM unsigned and every wider size signed.
            SampleFormat.Encoding encoding = containerBytes == 1 ? SampleFormat.Encoding.PCM_UNSIGNED : SampleFormat.Encoding.PCM_SIGNED;
            format = new SampleFormat(encoding, containerBytes, validBits, ByteOrder.LITTLE_ENDIAN);
        }
        return new WavFormat(format, (int) rate, channels);
    }

    // ---------------------------------------------------------------- AIFF

    private FileLayout parseAiff(boolean aifc) throws IOException {
        Chunks chunks = scanChunks(ByteOrder.BIG_ENDIAN, "COMM", "common (COMM)", 18, "SSND");
        ByteBuffer comm = chunks.format();
        long ssndBody = chunks.dataBody();
        long ssndSize = chunks.dataSize();
        if (comm == null) {
            throw new BadInputException(file, "the file has no common (COMM) chunk, so it is damaged or not a real AIFF file.");
        }
        int channels = comm.getShort(0);
        long declaredFrames = Integer.toUnsignedLong(comm.getInt(2));
        int bits = comm.getShort(6);
        double rate = extendedToDouble(comm, 8);
        long roundedRate = Double.isFinite(rate) ? Math.round(rate) : 0;
        if (channels < 1) {
            throw new BadInputException(file, "the file is damaged: it says it has " + channels + " channels.");
        }
        checkChannelsAndRate(channels, roundedRate);
        String compression = "NONE";
        if (aifc) {
            if (comm.capacity() < 22) {
                throw new BadInputException(file, "the file is damaged: its AIFF-C common chunk has no compression type.");
            }
            compression = fourCc(comm.position(18));
        }
        SampleFormat format = aiffFormat(compression, bits);
        if (ssndBody < 0) {
            if (declaredFrames == 0) {
                return new FileLayout(aifc ? AudioContainer.AIFF_C : AudioContainer.AIFF, format, (int) roundedRate, channels, fileSize, 0);
            }
            throw new BadInputException(file, "the file has no sound data (no SSND chunk); it is damaged or truncated.");
        }
        if (ssndSize < 8 || ssndBody + 8 > fileSize) {
            throw new BadInputException(file, "the file is damaged: its sound data (SSND) chunk is too short for its own header.");
        }
        long offset = Integer.toUnsignedLong(readAt(ssndBody, 4, ByteOrder.BIG_ENDIAN).getInt());
        long dataOffset = ssndBody + 8 + offset;
        if (offset > ssndSize - 8 || dataOffset > fileSize) {
            throw new BadInputException(file, "the file is damaged: its sound data starts at offset " + offset
                    + ", past the end of the chunk.");
        }
        int frameBytes = format.frameBytes(channels);
        long inChunk = (ssndSize - 8 - offset) / frameBytes;
        long inFile = (fileSize - dataOffset) / frameBytes;
        long available = Math.min(declaredFrames, Math.min(inChunk, inFile));
        warnIfTruncated(declaredFrames, available, (int) roundedRate);
        return new FileLayout(aifc ? AudioContainer.AIFF_C : AudioContainer.AIFF, format, (int) roundedRate, channels, dataOffset, available);
    }

    private SampleFormat aiffFormat(String compression, int bits) {
        String unsupported = UNSUPPORTED_AIFC_TYPES.get(compression);
        if (unsupported != null) {
            throw new BadInputException(file, "unsupported AIFF-C encoding: " + unsupported
                    + "; convert it to PCM (for example 'sox IN -e signed-integer -b 24 OUT.wav').");
        }
        switch (compression) {
            case "NONE", "twos", "in24", "in32", "sowt", "raw " -> {
                if (bits < 1 || bits > 32) {
                    throw new BadInputException(file, "unsupported AIFF encoding: " + bits + "-bit PCM.");
                }
                SampleFormat.Encoding encoding = compression.equals("raw ") ? SampleFormat.Encoding.PCM_UNSIGNED : SampleFormat.Encoding.PCM_SIGNED;
                ByteOrder order = compression.equals("sowt") ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
                int bytes = compression.equals("in24") ? 3 : compression.equals("in32") ? 4 : (bits + 7) / 8;
                return new SampleFormat(encoding, bytes, Math.min(bits, bytes * 8), order);
            }
            case "fl32", "FL32" -> {
                return new SampleFormat(SampleFormat.Encoding.FLOAT, 4, 32, ByteOrder.BIG_ENDIAN);
            }
            case "fl64", "FL64" -> {
                return new SampleFormat(SampleFormat.Encoding.FLOAT, 8, 64, ByteOrder.BIG_ENDIAN);
            }
            default -> throw new BadInputException(file, "unsupported AIFF-C encoding: compression type '"
                    + printable(compression) + "'; convert it to PCM (for example 'sox IN -e signed-integer -b 24 OUT.wav').");
        }
    }

    /**
     * The 80-bit IEEE 754 extended float AIFF uses for the sample rate (Apple, "Audio Interchange
     * File Format" 1.3, §"COMM"): 1 sign bit, 15-bit exponent biased by 16383, 64-bit mantissa
     * with an explicit integer bit.
     */
    static double extendedToDouble(ByteBuffer bytes, int at) {
        int signAndExponent = Short.toUnsignedInt(bytes.getShort(at));
        long mantissa = bytes.getLong(at + 2);
        int exponent = signAndExponent & 0x7FFF;
        if (exponent == 0x7FFF) {
            return Double.NaN;
        }
        // mantissa is unsigned: split off the low bit so the double conversion stays positive.
        double value = ((mantissa >>> 1) * 2.0 + (mantissa & 1)) * Math.scalb(1.0, exponent - 16383 - 63);
        return (signAndExponent & 0x8000) != 0 ? -value : value;
    }

    // ---------------------------------------------------------------- shared

    /** The format chunk's bytes (or null) and where the sound-data chunk's body starts (or -1) and its declared size. */
    private record Chunks(ByteBuffer format, long dataBody, long dataSize) {
    }

    /**
     * Walks the chunks after the 12-byte RIFF/FORM header (id, 4-byte size, body padded to an
     * even length, as both RIFF and EA IFF 85 define them) until the format and data chunks
     * are found. A data chunk running past the end of the file ends the walk (truncated file);
     * any other chunk doing so before the data is found means the file is damaged.
     */
    private Chunks scanChunks(ByteOrder order, String formatId, String formatName, int minFormatBytes, String dataId)
            throws IOException {
        ByteBuffer format = null;
        long dataBody = -1;
        long dataSize = -1;
        long position = 12;
        while (position + 8 <= fileSize && (format == null || dataBody < 0)) {
            ByteBuffer header = readAt(position, 8, order);
            String id = fourCc(header);
            long size = Integer.toUnsignedLong(header.getInt());
            long body = position + 8;
            long remaining = fileSize - body;
            if (id.equals(dataId)) {
                dataBody = body;
                dataSize = size;
                if (size > remaining) {
                    break; // the data reaches the end of the file: nothing after it can be read
                }
            } else if (id.equals(formatId)) {
                format = readHeaderChunk(formatName, size, body, remaining, minFormatBytes, order);
            } else if (size > remaining) {
                if (dataBody >= 0) {
                    break; // a damaged trailing chunk (metadata) does not hurt the sound data
                }
                throw new BadInputException(file, "the file is damaged: its '" + printable(id) + "' chunk claims "
                        + size + " bytes but only " + remaining + " bytes follow it.");
            }
            position = body + size + (size & 1);
        }
        return new Chunks(format, dataBody, dataSize);
    }

    private void checkChannelsAndRate(int channels, long rateHz) {
        if (channels == 0) {
            throw new BadInputException(file, "the file is damaged: it says it has 0 channels.");
        }
        if (channels > MAX_CHANNELS) {
            throw new BadInputException(file, "unsupported channel count: the file has " + channels
                    + " channels; MixDojo reads 1 to " + MAX_CHANNELS + ".");
        }
        if (rateHz < MIN_RATE_HZ || rateHz > MAX_RATE_HZ) {
            throw new BadInputException(file, "unsupported sample rate: " + rateHz + " Hz; MixDojo reads "
                    + MIN_RATE_HZ + " Hz to " + MAX_RATE_HZ + " Hz, so resample it first.");
        }
    }

    private void warnIfTruncated(long declaredFrames, long availableFrames, int rateHz) {
        if (availableFrames < declaredFrames) {
            warnings.add(String.format(Locale.ROOT,
                    "%s: the file is truncated: its header promises %d frames (%.3f s) but only %d frames (%.3f s) are there; those were read.",
                    file, declaredFrames, declaredFrames / (double) rateHz, availableFrames, availableFrames / (double) rateHz));
        }
    }

    private ByteBuffer readHeaderChunk(String name, long size, long body, long remaining, int minBytes, ByteOrder order)
            throws IOException {
        if (size > remaining) {
            throw new BadInputException(file, "the file is damaged: its " + name + " chunk claims " + size
                    + " bytes but only " + remaining + " bytes follow it.");
        }
        if (size > MAX_HEADER_CHUNK_BYTES) {
            throw new BadInputException(file, "the file is damaged: its " + name + " chunk claims " + size
                    + " bytes, far more than any real one.");
        }
        if (size < minBytes) {
            throw new BadInputException(file, "the file is damaged: its " + name + " chunk is only " + size
                    + " bytes, less than the " + minBytes + " it needs.");
        }
        return readAt(body, (int) size, order);
    }

    /** Reads exactly {@code length} bytes at {@code position}; callers have checked they exist. */
    private ByteBuffer readAt(long position, int length, ByteOrder order) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length).order(order);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new BadInputException(file, "the file ended in the middle of its header; it is truncated.");
            }
        }
        return buffer.flip();
    }

    private static String fourCc(ByteBuffer buffer) {
        byte[] id = new byte[4];
        buffer.get(id);
        return new String(id, StandardCharsets.ISO_8859_1);
    }

    private static String ascii(byte[] bytes, int from, int length) {
        return new String(bytes, from, length, StandardCharsets.ISO_8859_1);
    }

    /** A chunk id as text a terminal can show (control bytes become '?'). */
    private static String printable(String id) {
        StringBuilder sb = new StringBuilder();
        for (char c : id.toCharArray()) {
            sb.append(c >= 0x20 && c < 0x7F ? c : '?');
        }
        return sb.toString();
    }
}
