package io.filmwire.ingest;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The bytes of pages that HTTP intake holds at once, bounded ({@code ingest.http.max.inflight.bytes}):
 * a request reserves its declared size (or the page limit when it declares none) before its body is
 * read, and gives it back when answered; one that cannot reserve within a short wait is answered
 * 503 and asked to come back. A page larger than the whole budget waits until it is alone. Each
 * byte of a page costs a few in memory while it is taken in (body, text, JSON), so the budget bounds
 * intake's heap whatever the number of clients. Thread-safe.
 */
public final class IntakeBudget {

    private static final int UNIT = 1024;

    private final Semaphore permits;
    private final int total;

    /** A budget of {@code bytes}. */
    public IntakeBudget(long bytes) {
        this.total = (int) Math.max(1, Math.min(Integer.MAX_VALUE, bytes / UNIT));
        this.permits = new Semaphore(total, true);
    }

    /** A reservation, given back by {@link #close}. */
    public final class Reservation implements AutoCloseable {
        private final int units;
        private boolean open = true;

        private Reservation(int units) {
            this.units = units;
        }

        @Override
        public synchronized void close() {
            if (open) {
                open = false;
                permits.release(units);
            }
        }
    }

    /**
     * Reserves {@code bytes}, waiting up to {@code wait}; null when they did not free in time.
     *
     * @throws InterruptedException when interrupted while waiting
     */
    public Reservation reserve(long bytes, Duration wait) throws InterruptedException {
        int units = (int) Math.max(1, Math.min(total, (bytes + UNIT - 1) / UNIT));
        return permits.tryAcquire(units, wait.toMillis(), TimeUnit.MILLISECONDS) ? new Reservation(units) : null;
    }

    /** Bytes reserved now. */
    public long inUse() {
        return (long) (total - permits.availablePermits()) * UNIT;
    }
}
