package dev.mixdojo.mix;

import dev.mixdojo.base.BadInputException;
import dev.mixdojo.base.yaml.MapReader;
import dev.mixdojo.base.yaml.Problems;
import dev.mixdojo.base.yaml.YamlFiles;
import dev.mixdojo.base.yaml.YamlNode;
import dev.mixdojo.dsp.ProcessorSettings;
import dev.mixdojo.dsp.automation.Param;
import dev.mixdojo.dsp.chain.ChainDescription;
import dev.mixdojo.dsp.chain.ChainReader;
import dev.mixdojo.dsp.dynamics.DynamicsSettings;
import dev.mixdojo.dsp.eq.EqSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a mix session file (YAML; the layout is in {@code docs/decisions/mix-sessions.md}). Processors
 * are read by {@link ChainReader}, so the chain vocabulary means the same here as in lessons and the
 * command line; every problem in the file is reported at once, each as {@code file:line:column: sentence}.
 * Thread-safe.
 */
public final class MixSessionReader {
    private MixSessionReader() {
    }

    /** Reads a session file; a bad one is a BadInputException listing every problem with its place. */
    public static MixSession read(Path file) {
        Problems problems = new Problems();
        Optional<MixSession> session = YamlFiles.read(file, problems).flatMap(root -> session(root, problems));
        problems.throwIfAny();
        return session.orElseThrow();
    }

    /** Parses session text as if it were {@code file}. */
    public static MixSession parse(Path file, String text) {
        Problems problems = new Problems();
        Optional<MixSession> session = YamlFiles.parse(file, text, problems).flatMap(root -> session(root, problems));
        problems.throwIfAny();
        return session.orElseThrow();
    }

    /** The session described by {@code root}, recording problems; empty when there are any. */
    public static Optional<MixSession> session(YamlNode root, Problems problems) {
        int before = problems.all().size();
        Optional<MapReader> reader = MapReader.of(root, problems, "the mix session");
        if (reader.isEmpty()) {
            return Optional.empty();
        }
        MapReader r = reader.get();
        String material = r.requiredText("material").orElse("");
        Optional<Long> seed = r.node("seed").map(n -> (long) r.integer("seed", 0, Integer.MAX_VALUE, 0));
        List<ChannelStrip> tracks = new ArrayList<>();
        List<MapReader> trackReaders = r.mapList("tracks", "a track");
        if (trackReaders.isEmpty()) {
            problems.add(r.location(), "the mix session needs at least one track under 'tracks'");
        }
        for (MapReader t : trackReaders) {
            track(t).ifPresent(tracks::add);
        }
        ChainDescription reverbBus = MixSession.DEFAULT_REVERB_BUS;
        ChainDescription delayBus = MixSession.DEFAULT_DELAY_BUS;
        double reverbReturnDb = 0;
        double delayReturnDb = 0;
        List<GroupBus> groups = new ArrayList<>();
        Optional<MapReader> buses = r.node("buses").flatMap(n -> MapReader.of(n, problems, "buses"));
        if (buses.isPresent()) {
            MapReader b = buses.get();
            reverbBus = b.node("reverb").flatMap(n -> chain(n, problems, "the reverb bus")).orElse(reverbBus);
            delayBus = b.node("delay").flatMap(n -> chain(n, problems, "the delay bus")).orElse(delayBus);
            reverbReturnDb = b.number("reverbReturnDb", -120, 24, 0);
            delayReturnDb = b.number("delayReturnDb", -120, 24, 0);
            for (MapReader g : b.mapList("groups", "a group bus")) {
                group(g).ifPresent(groups::add);
            }
            b.finish();
        }
        ChainDescription masterChain = new ChainDescription(List.of());
        double masterFaderDb = 0;
        Optional<MapReader> master = r.node("master").flatMap(n -> MapReader.of(n, problems, "the master"));
        if (master.isPresent()) {
            MapReader m = master.get();
            masterFaderDb = m.number("faderDb", -120, 24, 0);
            masterChain = m.node("chain").flatMap(n -> chain(n, problems, "the master chain")).orElse(masterChain);
            m.finish();
        }
        r.finish();
        if (problems.all().size() != before) {
            return Optional.empty();
        }
        try {
            return Optional.of(new MixSession(material, seed, tracks, reverbBus, delayBus, reverbReturnDb, delayReturnDb,
                    groups, masterChain, masterFaderDb));
        } catch (BadInputException e) {
            problems.add(r.location(), e.getMessage());
            return Optional.empty();
        }
    }

    private static Optional<ChannelStrip> track(MapReader t) {
        Problems problems = t.problems();
        int before = problems.all().size();
        String stem = t.requiredText("stem").orElse("?");
        String what = "track " + stem;
        Param fader = t.node("faderDb").flatMap(n -> fader(n, problems, what)).orElse(Param.of(0));
        double pan = t.number("pan", -1, 1, 0);
        List<EqSettings> eq = new ArrayList<>();
        Optional<DynamicsSettings> compressor = inserts(t, what, eq);
        double reverbSend = ChannelStrip.OFF;
        double delaySend = ChannelStrip.OFF;
        Optional<MapReader> sends = t.node("sendsDb").flatMap(n -> MapReader.of(n, problems, what + " sendsDb"));
        if (sends.isPresent()) {
            reverbSend = sends.get().number("reverb", -120, 24, ChannelStrip.OFF);
            delaySend = sends.get().number("delay", -120, 24, ChannelStrip.OFF);
            sends.get().finish();
        }
        boolean mute = t.bool("mute", false);
        boolean solo = t.bool("solo", false);
        t.finish();
        if (problems.all().size() != before) {
            return Optional.empty();
        }
        return Optional.of(new ChannelStrip(stem, fader, pan, eq, compressor, reverbSend, delaySend, mute, solo));
    }

    private static Optional<GroupBus> group(MapReader g) {
        Problems problems = g.problems();
        int before = problems.all().size();
        String name = g.requiredText("name").orElse("?");
        String what = "the group bus " + name;
        List<String> stems = g.textList("stems");
        List<EqSettings> eq = new ArrayList<>();
        Optional<DynamicsSettings> compressor = inserts(g, what, eq);
        double faderDb = g.number("faderDb", -120, 24, 0);
        g.finish();
        if (problems.all().size() != before) {
            return Optional.empty();
        }
        try {
            return Optional.of(new GroupBus(name, stems, eq, compressor, faderDb));
        } catch (BadInputException e) {
            problems.add(g.location(), e.getMessage());
            return Optional.empty();
        }
    }

    /** The {@code chain} of a track or group: EQ bands into {@code eq}, then the compressor returned, if any. */
    private static Optional<DynamicsSettings> inserts(MapReader r, String what, List<EqSettings> eq) {
        Optional<DynamicsSettings> compressor = Optional.empty();
        Optional<YamlNode> chainNode = r.node("chain");
        Optional<ChainDescription> chain = chainNode.flatMap(n -> chain(n, r.problems(), what));
        if (chain.isPresent()) {
            for (ProcessorSettings step : chain.get().steps()) {
                if (step instanceof EqSettings band && compressor.isEmpty()) {
                    eq.add(band);
                } else if (step instanceof DynamicsSettings d && step.kind().equals("compressor") && compressor.isEmpty()) {
                    compressor = Optional.of(d);
                } else {
                    r.problems().add(chainNode.get().location(), what + " chain holds EQ bands then at most one compressor"
                            + " (buses and the master take other processors), found " + step.kind() + " there");
                    break;
                }
            }
        }
        return compressor;
    }

    /** A fader level: a number, or an automation ({@code { automation: [[s, dB], …] }}), read as a gain step. */
    private static Optional<Param> fader(YamlNode node, Problems problems, String what) {
        try {
            return Optional.of(ChainReader.readParam(what + " faderDb", node));
        } catch (BadInputException e) {
            problems.add(node.location(), e.getMessage());
            return Optional.empty();
        }
    }

    /** A chain in the chain vocabulary; each entry is read alone so a problem points at its own line. */
    static Optional<ChainDescription> chain(YamlNode node, Problems problems, String what) {
        if (!(node instanceof YamlNode.ListNode list)) {
            problems.add(node.location(), what + " should be a list of processors (the chain vocabulary), e.g. "
                    + "[ { eq: { type: peak, frequencyHz: 1000, gainDb: 3 } } ]");
            return Optional.empty();
        }
        List<ProcessorSettings> steps = new ArrayList<>();
        boolean ok = true;
        for (YamlNode item : list.items()) {
            try {
                steps.addAll(ChainReader.read(new YamlNode.ListNode(item.location(), List.of(item))).steps());
            } catch (BadInputException e) {
                problems.add(item.location(), what + ": " + e.getMessage());
                ok = false;
            }
        }
        return ok ? Optional.of(new ChainDescription(steps)) : Optional.empty();
    }
}
