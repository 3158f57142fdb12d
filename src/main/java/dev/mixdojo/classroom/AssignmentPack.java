package dev.mixdojo.classroom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mixdojo.base.AtomicFiles;
import dev.mixdojo.base.BadInputException;
import dev.mixdojo.base.yaml.Problems;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * The assignment file a teacher hands out: one zip holding {@code assignment.yaml}, any
 * material under {@code material/}, and {@code manifest.json} listing every other entry with
 * its size and SHA-256. Opening checks all of it before anything is used; see
 * docs/decisions/classroom-files.md.
 */
public final class AssignmentPack {
    /** The manifest's entry name. */
    public static final String ASSIGNMENT_ENTRY = "assignment.yaml";
    /** The entry listing the others with sizes and hashes. */
    public static final String MANIFEST_ENTRY = "manifest.json";
    /** Folder of material files inside the pack. */
    public static final String MATERIAL_FOLDER = "material/";
    /** The pack layout this code writes and reads. */
    public static final int PACK_VERSION = 1;
    static final String PACK_FORMAT = "mixdojo-assignment-pack";

    /** Largest manifest or assignment text; real ones are a few kilobytes. */
    static final long MAX_TEXT_BYTES = 1L << 20;
    /** Largest single material file (a long multitrack stem is a few hundred megabytes). */
    static final long MAX_ENTRY_BYTES = 4L << 30;
    /** Largest pack contents in total. */
    static final long MAX_TOTAL_BYTES = 16L << 30;
    /** Most entries in one pack. */
    static final int MAX_ENTRIES = 10_000;
    /**
     * Inflating and hashing costs time in proportion to the bytes unpacked, so a pack may unpack to
     * at most this many times its own size (beyond {@link #FREE_INFLATE_BYTES}): audio compresses to
     * little less than its size, while a zip bomb's zeros compress a thousandfold.
     */
    static final long MAX_INFLATE_RATIO = 200;
    /** What any pack may unpack to whatever its size, e.g. a few minutes of silent stems. */
    static final long FREE_INFLATE_BYTES = 64L << 20;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** A file to carry in the pack: its entry name (under {@code material/}) and where its bytes are now. */
    public record MaterialFile(String entryName, Path source) {
        public MaterialFile {
            if (!entryName.startsWith(MATERIAL_FOLDER) || EntryNames.unsafeBecause(entryName).isPresent()
                    || entryName.endsWith("/")) {
                throw new IllegalArgumentException("material entry '" + entryName + "' must be a safe path under "
                        + MATERIAL_FOLDER);
            }
        }
    }

    private AssignmentPack() {
    }

    /** Every regular file under {@code folder}, as {@code material/<folder name>/<relative path>}. */
    public static List<MaterialFile> materialFolder(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new BadInputException(folder, "is not a folder of material.");
        }
        String prefix = MATERIAL_FOLDER + folder.toAbsolutePath().normalize().getFileName() + "/";
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).sorted().map(f -> {
                String relative = folder.relativize(f).toString().replace('\\', '/');
                String name = prefix + relative;
                if (EntryNames.unsafeBecause(name).isPresent()) {
                    throw new BadInputException(f, "cannot go into an assignment: its name is not portable ("
                            + EntryNames.unsafeBecause(name).get() + ").");
                }
                return new MaterialFile(name, f);
            }).toList();
        } catch (IOException e) {
            throw new BadInputException(folder, "cannot be listed (" + e.getMessage() + ").", e);
        }
    }

    /**
     * A mix challenge of the stems in {@code stemsFolder} and the reference mix {@code targetFile}: adds
     * both to {@code material} (as {@code material/<folder name>/…} and {@code material/<file name>}) and
     * returns the challenge naming them.
     */
    public static AssignmentMixChallenge mixChallenge(Path stemsFolder, Path targetFile, List<MaterialFile> material) {
        if (!Files.isRegularFile(targetFile) || !AssignmentMixChallenge.isAudio(targetFile.getFileName().toString())) {
            throw new BadInputException(targetFile, "is not an audio file (WAV, AIFF, FLAC, MP3, Ogg or AAC) to use as the target mix.");
        }
        List<MaterialFile> stems = materialFolder(stemsFolder);
        String folder = MATERIAL_FOLDER + stemsFolder.toAbsolutePath().normalize().getFileName() + "/";
        MaterialFile target = new MaterialFile(MATERIAL_FOLDER + targetFile.getFileName(), targetFile);
        List<String> names = new ArrayList<>(stems.stream().map(MaterialFile::entryName).toList());
        names.add(target.entryName());
        AssignmentMixChallenge challenge;
        try {
            challenge = new AssignmentMixChallenge(folder, target.entryName());
        } catch (IllegalArgumentException e) {
            throw new BadInputException(targetFile, "cannot be the target mix: " + e.getMessage() + ".", e);
        }
        challenge.missingFrom(names).ifPresent(problem -> {
            throw new BadInputException(stemsFolder, "cannot be the mix challenge's stems: " + problem + ".");
        });
        material.addAll(stems);
        material.add(target);
        return challenge;
    }

    /** Writes the pack atomically (temporary file, then rename). */
    public static void write(Path out, Assignment assignment, List<MaterialFile> material) {
        writeZip(out, ASSIGNMENT_ENTRY, AssignmentYaml.write(assignment).getBytes(StandardCharsets.UTF_8),
                material.stream().map(f -> new PackFile(f.entryName(), f.source())).toList());
    }

    /** A file to carry in a pack under {@code entryName}, read from {@code source} when the pack is written. */
    record PackFile(String entryName, Path source) {
    }

    /**
     * Writes a pack atomically: its head entry ({@code assignment.yaml}, or a student exam pack's {@code exam.json}),
     * the files, then {@code manifest.json} listing every other entry with its size and SHA-256.
     */
    static void writeZip(Path out, String headEntry, byte[] head, List<PackFile> files) {
        Set<String> names = new HashSet<>();
        for (PackFile file : files) {
            if (!names.add(file.entryName())) {
                throw new BadInputException("The file " + file.entryName() + " is given twice.");
            }
        }
        AtomicFiles.write(out, stream -> {
            List<PackEntry> entries = new ArrayList<>();
            try (ZipOutputStream zip = new ZipOutputStream(stream)) {
                zip.putNextEntry(new ZipEntry(headEntry));
                zip.write(head);
                zip.closeEntry();
                entries.add(new PackEntry(headEntry, head.length, Digests.sha256Hex(head)));
                for (PackFile file : files) {
                    zip.putNextEntry(new ZipEntry(file.entryName()));
                    entries.add(copyHashing(file, zip));
                    zip.closeEntry();
                }
                zip.putNextEntry(new ZipEntry(MANIFEST_ENTRY));
                zip.write(manifestJson(entries));
                zip.closeEntry();
            }
        });
    }

    /**
     * Opens and checks a pack: a readable zip, safe entry names, exactly the entries its manifest
     * lists with their sizes and hashes, and a valid assignment. Every failure is a
     * BadInputException with one sentence naming the pack; so is a student exam pack, which holds no
     * assignment (its answers stay with the teacher).
     */
    public static OpenedPack open(Path file) {
        Checked checked = check(file);
        if (!checked.headEntry().equals(ASSIGNMENT_ENTRY)) {
            throw new BadInputException(file, "a student exam pack (audio and prompts, no answers); this needs the"
                    + " assignment file made by 'assignment create'; students take a student pack on the app's Assignment"
                    + " screen.");
        }
        Assignment assignment = readAssignment(file, checked.head());
        Optional<String> missing = assignment.mixChallenge()
                .flatMap(c -> c.missingFrom(checked.entries().stream().map(PackEntry::name).toList()));
        if (missing.isPresent()) {
            throw damaged(file, missing.get());
        }
        return new OpenedPack(file, assignment, checked.sha256(), checked.entries());
    }

    /**
     * A pack that passed the zip checks: its entries and the bytes of its head entry ({@code assignment.yaml} or
     * a student exam pack's {@code exam.json}).
     */
    record Checked(Path file, String sha256, List<PackEntry> entries, String headEntry, byte[] head) {
    }

    /** The head entries a pack may have: the assignment, or a student exam pack's questions. */
    private static final List<String> HEADS = List.of(ASSIGNMENT_ENTRY, ExamPack.EXAM_ENTRY);

    /**
     * Checks a pack file as {@link #open} does, whatever its head entry: a readable zip, safe names, exactly the
     * manifest's entries with their sizes and hashes, within the inflate budget, with one head entry.
     */
    static Checked check(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(file, "no such assignment file.");
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Map<String, ZipEntry> byName = entries(file, zip);
            ZipEntry manifestEntry = byName.remove(MANIFEST_ENTRY);
            if (manifestEntry == null) {
                throw damaged(file, MANIFEST_ENTRY + " is missing");
            }
            List<PackEntry> listed = readManifest(file, readBounded(file, zip, manifestEntry, MAX_TEXT_BYTES));
            checkInflateBudget(file, listed);
            String headEntry = null;
            byte[] head = null;
            for (PackEntry entry : listed) {
                ZipEntry zipEntry = byName.remove(entry.name());
                if (zipEntry == null) {
                    throw damaged(file, entry.name() + " is listed in " + MANIFEST_ENTRY + " but missing");
                }
                byte[] kept = verify(file, zip, zipEntry, entry);
                if (kept != null) {
                    if (head != null) {
                        throw damaged(file, "it holds both " + headEntry + " and " + entry.name());
                    }
                    headEntry = entry.name();
                    head = kept;
                }
            }
            if (!byName.isEmpty()) {
                throw damaged(file, byName.keySet().iterator().next() + " is not listed in " + MANIFEST_ENTRY);
            }
            if (head == null) {
                throw damaged(file, ASSIGNMENT_ENTRY + " is missing");
            }
            return new Checked(file, Digests.sha256Hex(file), listed, headEntry, head);
        } catch (ZipException | IllegalArgumentException e) {
            // ZipFile reports entry names that are not valid UTF-8 as IllegalArgumentException.
            throw new BadInputException("The assignment pack " + file + " is damaged or was changed: it is not a readable"
                    + " zip file (" + e.getMessage() + ").", e);
        } catch (IOException e) {
            throw new BadInputException(file, "cannot be read (" + e.getMessage() + ").", e);
        }
    }

    /**
     * Unpacks the material entries of an opened pack named in {@code names} under {@code target}, each
     * at its path inside the material folder ({@link OpenedPack#unpackedAt}), checking every byte again
     * on the way.
     */
    static void unpackMaterial(OpenedPack pack, Collection<String> names, Path target) {
        Path root = target.toAbsolutePath().normalize();
        List<PackEntry> wanted = pack.material().stream().filter(entry -> names.contains(entry.name())).toList();
        if (wanted.size() != new HashSet<>(names).size()) {
            throw new IllegalArgumentException("not all of " + names + " are material entries of " + pack.file());
        }
        unpack(pack.file(), wanted, root, entry -> OpenedPack.unpackedAt(root, entry.name()));
    }

    /**
     * Unpacks the checked entries {@code wanted} of the pack {@code file}, each to {@code destination}'s path for it
     * (which must lie inside {@code root}), checking every byte again on the way.
     */
    static void unpack(Path file, List<PackEntry> wanted, Path root, Function<PackEntry, Path> destination) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (PackEntry entry : wanted) {
                Path to = destination.apply(entry).normalize();
                if (!to.startsWith(root)) {
                    throw slip(file, entry.name(), "it resolves outside " + root);
                }
                ZipEntry zipEntry = zip.getEntry(entry.name());
                if (zipEntry == null) {
                    throw damaged(file, entry.name() + " is listed in " + MANIFEST_ENTRY + " but missing");
                }
                AtomicFiles.write(to, out -> copyVerified(file, zip, zipEntry, entry, out));
            }
        } catch (IOException e) {
            throw new BadInputException(file, "cannot be read (" + e.getMessage() + ").", e);
        }
    }

    private static Map<String, ZipEntry> entries(Path file, ZipFile zip) {
        Map<String, ZipEntry> byName = new LinkedHashMap<>();
        Enumeration<? extends ZipEntry> all = zip.entries();
        int count = 0;
        while (all.hasMoreElements()) {
            ZipEntry entry = all.nextElement();
            if (++count > MAX_ENTRIES) {
                throw damaged(file, "it has more than " + MAX_ENTRIES + " entries");
            }
            Optional<String> unsafe = EntryNames.unsafeBecause(entry.getName());
            if (unsafe.isPresent()) {
                throw slip(file, entry.getName(), unsafe.get());
            }
            if (entry.isDirectory()) {
                continue;
            }
            if (byName.put(entry.getName(), entry) != null) {
                throw damaged(file, entry.getName() + " appears twice");
            }
        }
        return byName;
    }

    /**
     * Refuses, before inflating anything, a pack whose entries add up to more than
     * {@link #MAX_INFLATE_RATIO} times its size (plus {@link #FREE_INFLATE_BYTES}): that bounds the
     * CPU time opening takes by the size of the file the teacher chose, and inflating stops at the
     * declared sizes.
     */
    private static void checkInflateBudget(Path file, List<PackEntry> listed) throws IOException {
        long declared = listed.stream().mapToLong(PackEntry::sizeBytes).sum();
        long packBytes = Files.size(file);
        long budget = FREE_INFLATE_BYTES + MAX_INFLATE_RATIO * packBytes;
        if (declared > budget) {
            throw damaged(file, String.format(java.util.Locale.ROOT, "its entries would unpack to %.1f MiB from a %.1f MiB"
                    + " file, more than %d times its size, as a zip bomb does; it was refused without unpacking",
                    declared / 1048576.0, packBytes / 1048576.0, MAX_INFLATE_RATIO));
        }
    }

    private static List<PackEntry> readManifest(Path file, byte[] bytes) {
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (IOException e) {
            throw damaged(file, MANIFEST_ENTRY + " is not valid JSON");
        }
        if (root == null || !PACK_FORMAT.equals(root.path("format").asText())) {
            throw damaged(file, MANIFEST_ENTRY + " is not a MixDojo assignment manifest");
        }
        int version = root.path("version").asInt(-1);
        if (version > PACK_VERSION) {
            throw new BadInputException("The assignment pack " + file + " was made by a newer MixDojo (pack version "
                    + version + "); update MixDojo to open it.");
        }
        if (version != PACK_VERSION || !root.path("entries").isArray()) {
            throw damaged(file, MANIFEST_ENTRY + " has no pack version or entry list");
        }
        List<PackEntry> entries = new ArrayList<>();
        Set<String> names = new HashSet<>();
        long total = 0;
        for (JsonNode node : root.path("entries")) {
            String name = node.path("name").asText("");
            long size = node.path("size").asLong(-1);
            String sha256 = node.path("sha256").asText("");
            Optional<String> unsafe = EntryNames.unsafeBecause(name);
            if (unsafe.isPresent()) {
                throw slip(file, name, unsafe.get());
            }
            long limit = HEADS.contains(name) ? MAX_TEXT_BYTES : MAX_ENTRY_BYTES;
            if (!node.path("size").canConvertToLong() || size < 0 || size > limit || !sha256.matches("[0-9a-f]{64}")
                    || name.equals(MANIFEST_ENTRY) || !names.add(name)) {
                throw damaged(file, "the " + MANIFEST_ENTRY + " line for '" + name + "' is not valid");
            }
            total += size;
            if (total > MAX_TOTAL_BYTES) {
                throw damaged(file, "its entries add up to more than " + (MAX_TOTAL_BYTES >> 30) + " GiB");
            }
            entries.add(new PackEntry(name, size, sha256));
        }
        return List.copyOf(entries);
    }

    /** Checks one entry's size and hash; returns its bytes when it is the (small) head entry, else null. */
    private static byte[] verify(Path file, ZipFile zip, ZipEntry zipEntry, PackEntry entry) throws IOException {
        if (HEADS.contains(entry.name())) {
            byte[] bytes = readBounded(file, zip, zipEntry, entry.sizeBytes());
            if (bytes.length != entry.sizeBytes() || !Digests.sha256Hex(bytes).equals(entry.sha256())) {
                throw changed(file, entry.name());
            }
            return bytes;
        }
        copyVerified(file, zip, zipEntry, entry, OutputStream.nullOutputStream());
        return null;
    }

    /**
     * Streams an entry to {@code out}, hashing it, and stops as soon as it decompresses to more
     * than its declared size: a zip bomb never gets further than one byte past its claim.
     */
    private static void copyVerified(Path file, ZipFile zip, ZipEntry zipEntry, PackEntry entry, OutputStream out)
            throws IOException {
        if (zipEntry.getSize() >= 0 && zipEntry.getSize() != entry.sizeBytes()) {
            throw changed(file, entry.name());
        }
        MessageDigest digest = Digests.sha256();
        long count = 0;
        try (InputStream in = zip.getInputStream(zipEntry)) {
            byte[] block = new byte[64 * 1024];
            int n;
            while ((n = in.read(block, 0, (int) Math.min(block.length, entry.sizeBytes() - count + 1))) > 0) {
                count += n;
                if (count > entry.sizeBytes()) {
                    throw damaged(file, entry.name() + " unpacks to more than the " + entry.sizeBytes()
                            + " bytes its manifest line declares (refused as a possible zip bomb)");
                }
                digest.update(block, 0, n);
                out.write(block, 0, n);
            }
        } catch (ZipException e) {
            throw changed(file, entry.name());
        }
        if (count != entry.sizeBytes() || !Digests.hex(digest.digest()).equals(entry.sha256())) {
            throw changed(file, entry.name());
        }
    }

    private static byte[] readBounded(Path file, ZipFile zip, ZipEntry zipEntry, long limit) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (InputStream in = zip.getInputStream(zipEntry)) {
            byte[] block = new byte[8192];
            int n;
            while ((n = in.read(block)) > 0) {
                if (bytes.size() + (long) n > limit) {
                    throw damaged(file, zipEntry.getName() + " is larger than " + limit + " bytes");
                }
                bytes.write(block, 0, n);
            }
        } catch (ZipException e) {
            throw changed(file, zipEntry.getName());
        }
        return bytes.toByteArray();
    }

    private static Assignment readAssignment(Path file, byte[] yaml) {
        Path where = Path.of(file + "!", ASSIGNMENT_ENTRY);
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(yaml)).toString();
        } catch (CharacterCodingException e) {
            throw new BadInputException(where, "is not UTF-8 text.", e);
        }
        Problems problems = new Problems();
        Optional<Assignment> assignment = AssignmentYaml.read(where, text, problems);
        problems.throwIfAny();
        return assignment.orElseThrow(() -> new BadInputException(where, "is not a valid assignment."));
    }

    private static PackEntry copyHashing(PackFile file, OutputStream zip) throws IOException {
        MessageDigest digest = Digests.sha256();
        long count = 0;
        try (InputStream in = Files.newInputStream(file.source())) {
            byte[] block = new byte[64 * 1024];
            int n;
            while ((n = in.read(block)) > 0) {
                digest.update(block, 0, n);
                zip.write(block, 0, n);
                count += n;
            }
        }
        return new PackEntry(file.entryName(), count, Digests.hex(digest.digest()));
    }

    private static byte[] manifestJson(List<PackEntry> entries) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", PACK_FORMAT);
        root.put("version", PACK_VERSION);
        ArrayNode list = root.putArray("entries");
        for (PackEntry entry : entries) {
            list.addObject().put("name", entry.name()).put("size", entry.sizeBytes()).put("sha256", entry.sha256());
        }
        return JSON.writeValueAsBytes(root);
    }

    static BadInputException damaged(Path file, String detail) {
        return new BadInputException("The assignment pack " + file + " is damaged or was changed: " + detail + ".");
    }

    private static BadInputException changed(Path file, String entry) {
        return damaged(file, entry + " does not match its size and SHA-256 in " + MANIFEST_ENTRY);
    }

    private static BadInputException slip(Path file, String entry, String reason) {
        return new BadInputException("The assignment pack " + file + " was refused: its entry '" + entry
                + "' would unpack outside its folder (" + reason + ").");
    }
}
