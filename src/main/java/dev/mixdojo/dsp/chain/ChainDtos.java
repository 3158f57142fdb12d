package dev.mixdojo.dsp.chain;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The chain file as written: one record per processor kind, numbers kept as JSON nodes because any
 * of them may be an automation object. Mapped by hand into settings in {@link ChainReader}.
 */
final class ChainDtos {
    private ChainDtos() {
    }

    record GainDto(JsonNode gainDb) {
    }

    record PolarityDto(String invert) {
    }

    record EqDto(String type, JsonNode frequencyHz, JsonNode gainDb, JsonNode q, JsonNode slopeDbPerOct) {
    }

    record DynamicsDto(JsonNode thresholdDb, JsonNode ratio, JsonNode kneeDb, JsonNode attackMs, JsonNode releaseMs,
            JsonNode makeupDb, String detector, JsonNode rmsMs, JsonNode link, JsonNode sidechainHpHz, JsonNode rangeDb) {
    }

    record PanDto(JsonNode position, String law) {
    }

    record BalanceDto(JsonNode position) {
    }

    record WidthDto(JsonNode amount) {
    }

    record DelayDto(JsonNode timeMs, String note, JsonNode bpm, JsonNode feedback, JsonNode mix, Boolean pingPong,
            JsonNode lowCutHz, JsonNode highCutHz) {
    }

    record ReverbDto(JsonNode decayS, JsonNode predelayMs, JsonNode damping, JsonNode size, JsonNode mix) {
    }

    record SaturationDto(String type, JsonNode driveDb, JsonNode mix) {
    }
}
