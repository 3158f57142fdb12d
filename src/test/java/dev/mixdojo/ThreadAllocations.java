package dev.mixdojo;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;

/** The JVM's per-thread allocation counter, for tests that an audio path allocates nothing. */
public final class ThreadAllocations {
    private ThreadAllocations() {
    }

    /** The counter, switched on; the calling test is skipped on a JVM that cannot count allocations per thread. */
    public static com.sun.management.ThreadMXBean counter() {
        java.lang.management.ThreadMXBean plain = ManagementFactory.getThreadMXBean();
        assumeTrue(plain instanceof com.sun.management.ThreadMXBean, "this JVM cannot count allocations per thread");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) plain;
        assumeTrue(threads.isThreadAllocatedMemorySupported(), "this JVM cannot count allocations per thread");
        threads.setThreadAllocatedMemoryEnabled(true);
        return threads;
    }
}
