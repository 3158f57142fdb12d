package dev.mixdojo.web;

/**
 * How much a live session's server takes from one client. A budget of requests refills at a steady rate up to
 * a burst: a device that keeps within it is never slowed, one that floods gets 429 "too many requests" and the
 * others go on. Requests that carry a participant's token spend that participant's budget; the rest (pages,
 * joining) spend the client address's.
 *
 * @param participantPerSecond requests (and WebSocket messages) a participant may send per second, sustained
 * @param participantBurst     how many a participant may send at once
 * @param addressPerSecond     requests without a token one address may send per second, sustained
 * @param addressBurst         how many it may send at once (a class behind one address needs more)
 * @param wrongCodesPerMinute  wrong join codes one address may try per minute before its joins are refused
 *                             for the rest of that minute
 * @param jsonBytes            largest request body other than an upload, and largest WebSocket message
 * @param uploadBytes          largest homework mix upload
 */
public record ServerLimits(double participantPerSecond, int participantBurst, double addressPerSecond, int addressBurst,
        int wrongCodesPerMinute, int jsonBytes, long uploadBytes) {

    /** The limits for a class: a phone answers a few times a minute and loads a page of a few files. */
    public static final ServerLimits CLASSROOM = new ServerLimits(10, 40, 10, 60, 10, 64 * 1024, 512L << 20);

    public ServerLimits {
        if (!(participantPerSecond > 0 && addressPerSecond > 0) || participantBurst < 1 || addressBurst < 1
                || wrongCodesPerMinute < 1 || jsonBytes < 1024 || uploadBytes < 1) {
            throw new IllegalArgumentException("server limits must be positive");
        }
    }

    /** These limits with another upload size, in bytes. */
    public ServerLimits withUploadBytes(long bytes) {
        return new ServerLimits(participantPerSecond, participantBurst, addressPerSecond, addressBurst, wrongCodesPerMinute,
                jsonBytes, bytes);
    }

    /** These limits with another budget for requests without a token (a benchmark's students all share 127.0.0.1). */
    public ServerLimits withAddressBudget(double perSecond, int burst) {
        return new ServerLimits(participantPerSecond, participantBurst, perSecond, burst, wrongCodesPerMinute, jsonBytes,
                uploadBytes);
    }
}
