package dev.mixdojo.web;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Token buckets by key: each key may spend {@code burst} at once and gets {@code perSecond} back each second.
 * Thread-safe; buckets full again for a minute are dropped, so memory stays bounded by the keys active lately.
 */
final class RateLimiter {
    private static final long FORGET_NANOS = 60_000_000_000L;

    private final double perNano;
    private final double burst;
    private final LongSupplier nanoTime;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    private static final class Bucket {
        double tokens;
        long updated;

        Bucket(double tokens, long updated) {
            this.tokens = tokens;
            this.updated = updated;
        }
    }

    RateLimiter(double perSecond, int burst, LongSupplier nanoTime) {
        this.perNano = perSecond / 1e9;
        this.burst = burst;
        this.nanoTime = nanoTime;
    }

    /** Spends one from {@code key}'s budget; false (and nothing spent) when it is empty. */
    boolean tryAcquire(String key) {
        long now = nanoTime.getAsLong();
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(burst, now));
        synchronized (bucket) {
            bucket.tokens = Math.min(burst, bucket.tokens + (now - bucket.updated) * perNano);
            bucket.updated = now;
            if (bucket.tokens < 1) {
                return false;
            }
            bucket.tokens -= 1;
        }
        if (buckets.size() > 10_000) {
            forgetIdle(now);
        }
        return true;
    }

    /** Whether {@code key} has at least one to spend, without spending it. */
    boolean hasBudget(String key) {
        Bucket bucket = buckets.get(key);
        if (bucket == null) {
            return true;
        }
        synchronized (bucket) {
            return bucket.tokens + (nanoTime.getAsLong() - bucket.updated) * perNano >= 1;
        }
    }

    private void forgetIdle(long now) {
        for (Iterator<Bucket> it = buckets.values().iterator(); it.hasNext(); ) {
            Bucket bucket = it.next();
            synchronized (bucket) {
                if (now - bucket.updated > FORGET_NANOS) {
                    it.remove();
                }
            }
        }
    }
}
