package dev.mixdojo.mix;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.mixdojo.dsp.automation.Param;
import dev.mixdojo.dsp.chain.ChainDescription;
import dev.mixdojo.dsp.chain.ChainWriter;
import dev.mixdojo.dsp.spatial.GainSettings;
import java.io.UncheckedIOException;
import java.util.List;

/** Writes a {@link MixSession} as YAML that {@link MixSessionReader} reads back equal; processors via {@link ChainWriter}. Thread-safe. */
public final class MixSessionWriter {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

    private MixSessionWriter() {
    }

    /** The session as YAML text. */
    public static String write(MixSession session) {
        ObjectNode root = YAML.createObjectNode();
        root.put("material", session.material());
        session.seed().ifPresent(s -> root.put("seed", s));
        var tracks = root.putArray("tracks");
        for (ChannelStrip t : session.tracks()) {
            ObjectNode node = tracks.addObject();
            node.put("stem", t.stem());
            node.set("faderDb", fader(t.faderDb()));
            node.put("pan", t.pan());
            inserts(node, t);
            if (t.reverbSendDb() != ChannelStrip.OFF || t.delaySendDb() != ChannelStrip.OFF) {
                ObjectNode sends = node.putObject("sendsDb");
                if (t.reverbSendDb() != ChannelStrip.OFF) {
                    sends.put("reverb", t.reverbSendDb());
                }
                if (t.delaySendDb() != ChannelStrip.OFF) {
                    sends.put("delay", t.delaySendDb());
                }
            }
            if (t.mute()) {
                node.put("mute", true);
            }
            if (t.solo()) {
                node.put("solo", true);
            }
        }
        ObjectNode buses = root.putObject("buses");
        buses.set("reverb", chain(session.reverbBus()));
        buses.set("delay", chain(session.delayBus()));
        buses.put("reverbReturnDb", session.reverbReturnDb());
        buses.put("delayReturnDb", session.delayReturnDb());
        if (!session.groups().isEmpty()) {
            var groups = buses.putArray("groups");
            for (GroupBus g : session.groups()) {
                ObjectNode node = groups.addObject();
                node.put("name", g.name());
                var stems = node.putArray("stems");
                g.stems().forEach(stems::add);
                inserts(node, g.strip());
                node.put("faderDb", g.faderDb());
            }
        }
        ObjectNode master = root.putObject("master");
        master.put("faderDb", session.masterFaderDb());
        master.set("chain", chain(session.masterChain()));
        try {
            return YAML.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void inserts(ObjectNode node, ChannelStrip strip) {
        if (!strip.inserts().steps().isEmpty()) {
            node.set("chain", chain(strip.inserts()));
        }
    }

    private static JsonNode chain(ChainDescription chain) {
        try {
            return YAML.readTree(ChainWriter.write(chain));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fixed fader is a number; an automated one is written as the chain vocabulary writes a gain's automation. */
    private static JsonNode fader(Param gainDb) {
        if (gainDb instanceof Param.Fixed fixed) {
            return YAML.getNodeFactory().numberNode(fixed.value());
        }
        return chain(new ChainDescription(List.of(new GainSettings(gainDb)))).get(0).get("gain").get("gainDb");
    }
}
