package io.filmwire.standalone;

import java.time.Duration;
import java.util.function.Supplier;

/** Polls until a value is there: for integration tests against a real broker. */
public final class Await {

    private Await() {
    }

    /** The first non-null value of {@code probe}, polled every 200 ms; fails after {@code timeout}. */
    public static <T> T until(Duration timeout, String what, Supplier<T> probe) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what, e);
            }
        }
    }
}
