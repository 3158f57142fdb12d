package dev.mixdojo.delivery;

import dev.mixdojo.analysis.qc.QcAnalyzer;
import dev.mixdojo.analysis.qc.QcResult;
import dev.mixdojo.analysis.report.ReportSection;
import dev.mixdojo.analysis.report.ProgrammeAnalysis;
import dev.mixdojo.analysis.report.ProgrammeAnalyzer;
import dev.mixdojo.analysis.stereo.StereoResult;
import dev.mixdojo.audio.AudioContainer;
import dev.mixdojo.audio.AudioFileInfo;
import dev.mixdojo.audio.AudioFiles;
import dev.mixdojo.audio.AudioStream;
import dev.mixdojo.base.BadInputException;
import dev.mixdojo.base.Warnings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Checks a folder of stems against the delivery rules of RESEARCH.md ("Preparing stems for a mix
 * engineer"). Every measurement comes from the analysis package (QC for clipping, DC, bit depth
 * and silence; stereo for false stereo); this class only applies the rules. Stateless and thread-safe.
 */
public final class StemDeliveryCheck {
    /** The sample rate a delivery should have, in Hz. */
    public static final int DELIVERY_RATE_HZ = 48_000;
    /** The bit depth a delivery should have. */
    public static final int DELIVERY_BITS = 24;
    /** Leading silence beyond the other stems' shortest by more than this (seconds) is reported. */
    public static final double EXTRA_LEADING_SILENCE_S = 0.5;

    private static final Set<String> READABLE_AUDIO = Set.of("wav", "wave", "aif", "aiff", "aifc");
    private static final Set<String> OTHER_AUDIO = Set.of("flac", "mp3", "m4a", "aac", "ogg", "opus", "wma");
    private static final Set<String> NOTES = Set.of("txt", "md", "pdf", "rtf");
    private static final int BLOCK_FRAMES = 8192;

    private StemDeliveryCheck() {
    }

    /** Checks every audio file in {@code folder} and the delivery as a whole; a bad file is a finding, not an exception. */
    public static DeliveryReport check(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new BadInputException(folder, "is not a folder of stems.");
        }
        List<Path> entries = list(folder);
        List<Path> audio = entries.stream().filter(p -> isAudio(p.getFileName().toString())).toList();
        if (audio.isEmpty()) {
            throw new BadInputException(folder, "holds no audio files (WAV or AIFF).");
        }
        Map<String, List<Finding>> findings = new LinkedHashMap<>();
        Map<String, Measured> measured = new LinkedHashMap<>();
        for (Path file : audio) {
            String name = file.getFileName().toString();
            List<Finding> list = new ArrayList<>();
            findings.put(name, list);
            list.add(namingFinding(name));
            if (!READABLE_AUDIO.contains(extension(name))) {
                list.add(Finding.fail(Rule.FORMAT, "A ." + extension(name)
                        + " file: deliver stems as 24-bit / 48 kHz WAV files."));
                continue;
            }
            try {
                Measured m = measure(file);
                measured.put(name, m);
                list.add(Finding.pass(Rule.READABLE, "Read " + m.info.frames() + " frames."));
                list.addAll(fileFindings(m));
            } catch (BadInputException e) {
                list.add(Finding.fail(Rule.READABLE, e.getMessage()));
            }
        }
        alignmentFindings(measured, findings);
        List<FileCheck> files = findings.entrySet().stream().map(e -> new FileCheck(e.getKey(), e.getValue())).toList();
        return new DeliveryReport(folder.toString(), files, deliveryFindings(entries, audio));
    }

    /** What one file's samples and header say about it. */
    private record Measured(String name, AudioFileInfo info, QcResult qc, Optional<String> monoSource) {
        boolean silent() {
            return info.isSilent() || qc.leadingSilenceS() >= info.durationS();
        }
    }

    private static Measured measure(Path file) {
        AudioFileInfo info = AudioFiles.info(file);
        ProgrammeAnalysis analysis;
        try (AudioStream stream = AudioFiles.openStream(file, new Warnings())) {
            ProgrammeAnalyzer analyzer = new ProgrammeAnalyzer(stream.sampleRateHz(), stream.channelCount(),
                    EnumSet.of(ReportSection.QC, ReportSection.STEREO));
            float[][] block = new float[stream.channelCount()][BLOCK_FRAMES];
            int frames;
            while ((frames = stream.read(block)) >= 0) {
                if (frames > 0) {
                    analyzer.accept(block, frames);
                }
            }
            analysis = analyzer.result(file.getFileName().toString());
        }
        Optional<String> monoSource = analysis.stereo().flatMap(StereoResult::monoSourceProblem);
        return new Measured(file.getFileName().toString(), info, analysis.qc().orElseThrow(), monoSource);
    }

    private static Finding namingFinding(String name) {
        return StemNames.isUnclear(name)
                ? Finding.warn(Rule.NAME, "The name says nothing about the part: name it like \"Guitar_Lead_Verse\".")
                : Finding.pass(Rule.NAME, "The name says what the file is.");
    }

    private static List<Finding> fileFindings(Measured m) {
        List<Finding> out = new ArrayList<>();
        out.add(formatFinding(m.info));
        QcResult qc = m.qc;
        if (m.silent()) {
            out.add(Finding.fail(Rule.SILENT, "The file is silent (nothing above " + (int) QcAnalyzer.SILENCE_DBFS
                    + " dBFS): probably a muted or empty bounce."));
        } else {
            out.add(Finding.pass(Rule.SILENT, "The file has sound."));
        }
        out.add(qc.clippingProblem().map(p -> Finding.fail(Rule.CLIPPING, p))
                .orElse(Finding.pass(Rule.CLIPPING, "No clipping.")));
        out.add(qc.dcProblem().map(p -> Finding.warn(Rule.DC_OFFSET, p))
                .orElse(Finding.pass(Rule.DC_OFFSET, "No DC offset.")));
        boolean pcm = !m.info.encoding().contains("float");
        out.add(qc.paddedBitsProblem(pcm ? m.info.bitsPerSample() : 0)
                .map(p -> Finding.warn(Rule.PADDED_BITS, p + " Ask for the original 24-bit bounce."))
                .orElse(Finding.pass(Rule.PADDED_BITS, "The samples use the bits the file declares.")));
        if (m.info.channelCount() >= 2) {
            out.add(m.monoSource.map(p -> Finding.warn(Rule.FALSE_STEREO, p))
                    .orElse(Finding.pass(Rule.FALSE_STEREO, "The two channels differ: a real stereo source.")));
        }
        return out;
    }

    private static Finding formatFinding(AudioFileInfo info) {
        List<String> wrong = new ArrayList<>();
        boolean fail = false;
        if (info.container() != AudioContainer.WAV) {
            wrong.add("it is " + info.container().label() + ", not WAV");
        }
        boolean isFloat = info.encoding().contains("float");
        if (!isFloat && info.bitsPerSample() < DELIVERY_BITS) {
            wrong.add("it is " + info.bitsPerSample() + "-bit");
            fail = true;
        } else if (isFloat || info.bitsPerSample() != DELIVERY_BITS) {
            wrong.add("it is " + info.bitsPerSample() + "-bit " + (isFloat ? "float" : "PCM"));
        }
        if (info.sampleRateHz() != DELIVERY_RATE_HZ) {
            wrong.add(String.format(Locale.ROOT, "it runs at %.1f kHz", info.sampleRateHz() / 1000.0));
            fail |= info.sampleRateHz() < 44_100;
        }
        if (wrong.isEmpty()) {
            return Finding.pass(Rule.FORMAT, "24-bit / 48 kHz WAV.");
        }
        String message = "Expected 24-bit / 48 kHz WAV, but " + String.join(" and ", wrong) + ".";
        return fail ? Finding.fail(Rule.FORMAT, message) : Finding.warn(Rule.FORMAT, message);
    }

    /** Same length (frame count) and same start for the stems; the rough mix is left out of both. */
    private static void alignmentFindings(Map<String, Measured> measured, Map<String, List<Finding>> findings) {
        List<Measured> stems = measured.values().stream().filter(m -> !StemNames.isRoughMix(m.name)).toList();
        if (stems.size() < 2) {
            return;
        }
        Map<Long, Integer> votes = new HashMap<>();
        stems.forEach(m -> votes.merge(m.info.frames(), 1, Integer::sum));
        long usual = votes.entrySet().stream()
                .max(Comparator.<Map.Entry<Long, Integer>>comparingInt(Map.Entry::getValue).thenComparing(Map.Entry::getKey))
                .orElseThrow().getKey();
        for (Measured m : stems) {
            long frames = m.info.frames();
            findings.get(m.name).add(frames == usual
                    ? Finding.pass(Rule.LENGTH, "Same length as the other stems (" + frames + " frames).")
                    : Finding.fail(Rule.LENGTH, String.format(Locale.ROOT,
                            "%d frames (%.2f s) where the other stems have %d (%.2f s): bounce every stem from the same start to the same end.",
                            frames, m.info.durationS(), usual, usual / (double) m.info.sampleRateHz())));
        }
        List<Measured> sounding = stems.stream().filter(m -> !m.silent()).toList();
        if (sounding.size() < 2) {
            return;
        }
        for (Measured m : sounding) {
            double othersShortest = sounding.stream().filter(o -> o != m)
                    .mapToDouble(o -> o.qc.leadingSilenceS()).min().orElseThrow();
            double lead = m.qc.leadingSilenceS();
            findings.get(m.name).add(lead > othersShortest + EXTRA_LEADING_SILENCE_S
                    ? Finding.warn(Rule.START, String.format(Locale.ROOT,
                            "Starts with %.2f s of silence where another stem starts after %.2f s: fine if the part enters late, wrong if it was bounced from a different start.",
                            lead, othersShortest))
                    : Finding.pass(Rule.START, "Starts with the other stems."));
        }
    }

    private static List<Finding> deliveryFindings(List<Path> entries, List<Path> audio) {
        List<String> audioNames = audio.stream().map(p -> p.getFileName().toString()).toList();
        List<Finding> out = new ArrayList<>();
        List<String> notes = entries.stream().map(p -> p.getFileName().toString())
                .filter(n -> NOTES.contains(extension(n))).toList();
        out.add(notes.isEmpty()
                ? Finding.warn(Rule.NOTES, "No notes file (txt, md, pdf or rtf): add tempo, key, and what each stem is.")
                : Finding.pass(Rule.NOTES, "Notes: " + String.join(", ", notes) + "."));
        List<String> rough = audioNames.stream().filter(StemNames::isRoughMix).toList();
        out.add(rough.isEmpty()
                ? Finding.warn(Rule.ROUGH_MIX, "No rough mix (a file named like mix, rough, bounce or ref): add one so the mix engineer hears the intent.")
                : Finding.pass(Rule.ROUGH_MIX, "Rough mix: " + String.join(", ", rough) + "."));
        List<String> returns = audioNames.stream().filter(StemNames::isEffectReturn).toList();
        List<String> sent = audioNames.stream().filter(n -> !StemNames.isRoughMix(n)).filter(StemNames::isUsuallySent).toList();
        if (!returns.isEmpty()) {
            out.add(Finding.pass(Rule.RETURNS, "Effect returns: " + String.join(", ", returns) + "."));
        } else if (!sent.isEmpty()) {
            out.add(Finding.warn(Rule.RETURNS, "No reverb or delay returns, though " + String.join(", ", sent)
                    + " usually had some: bounce each effect return as its own file, or say in the notes that there were none."));
        } else {
            out.add(Finding.pass(Rule.RETURNS, "No stem suggests missing effect returns."));
        }
        return out;
    }

    private static List<Path> list(Path folder) {
        try (Stream<Path> stream = Files.list(folder)) {
            return stream.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new BadInputException(folder, "cannot be listed: " + e.getMessage() + ".", e);
        }
    }

    private static boolean isAudio(String name) {
        String ext = extension(name);
        return READABLE_AUDIO.contains(ext) || OTHER_AUDIO.contains(ext);
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
