package io.filmwire.ingest.retry;

import java.time.Duration;

/**
 * Retries of passing failures before anything is dead-lettered (the idea of Connect's
 * {@code errors.retry.timeout}): an attempt that fails for a passing reason is tried again after
 * {@code backoff}, the wait doubling after each failure up to {@code maxBackoff} (longer when the
 * failure asks for it, a server's {@code Retry-After}), for as long as the first attempt began less
 * than {@code timeout} ago; a failure that trying again will not cure ends the retries at once.
 * {@code timeout} zero: one attempt. Immutable, thread-safe.
 *
 * @param timeout    total time from the first attempt within which retries start
 * @param backoff    the first wait
 * @param maxBackoff the longest wait (unless the failure asks for longer)
 */
public record RetryPolicy(Duration timeout, Duration backoff, Duration maxBackoff) {

    /** One attempt, no retry. */
    public static final RetryPolicy NONE = new RetryPolicy(Duration.ZERO, Duration.ofMillis(1), Duration.ofMillis(1));

    public RetryPolicy {
        if (timeout.isNegative() || backoff.isNegative() || backoff.isZero() || maxBackoff.compareTo(backoff) < 0) {
            throw new IllegalArgumentException("a retry policy needs timeout >= 0 and 0 < backoff <= maxBackoff, was "
                    + timeout + ", " + backoff + ", " + maxBackoff);
        }
    }

    /** One try of the operation. */
    @FunctionalInterface
    public interface Attempt<T, E extends Exception> {
        T run() throws E, InterruptedException;
    }

    /** Tells a passing failure from a lasting one. */
    @FunctionalInterface
    public interface Classifier<E extends Exception> {
        /**
         * The least wait before trying again after {@code failure} ({@link Duration#ZERO} when the
         * failure asks for none), or null when trying again will not cure it.
         */
        Duration retryAfter(E failure);
    }

    /** Waits between attempts. */
    @FunctionalInterface
    public interface Sleeper {
        /** Waits {@code wait}; false when the caller is stopping (no further attempt is made). */
        boolean sleep(Duration wait) throws InterruptedException;

        /** {@link Thread#sleep}. */
        Sleeper THREAD = wait -> {
            Thread.sleep(Math.max(1, wait.toMillis()));
            return true;
        };
    }

    /** What was tried: the result, or the last failure, with the number of attempts either way. */
    public record Outcome<T, E extends Exception>(T result, E failure, int attempts, boolean passing) {
        /** True when an attempt succeeded. */
        public boolean succeeded() {
            return failure == null;
        }
    }

    /**
     * Runs {@code attempt} until it succeeds, fails for a lasting reason, or the time is up.
     *
     * @return the result or the last failure; {@link Outcome#passing} tells whether that failure was a passing one
     */
    @SuppressWarnings("unchecked")
    public <T, E extends Exception> Outcome<T, E> run(Attempt<T, E> attempt, Classifier<E> classifier, Sleeper sleeper)
            throws InterruptedException {
        long start = System.nanoTime();
        Duration wait = backoff;
        for (int n = 1; ; n++) {
            E failure;
            try {
                return new Outcome<>(attempt.run(), null, n, false);
            } catch (InterruptedException e) {
                throw e;
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                failure = (E) e;
            }
            Duration asked = classifier.retryAfter(failure);
            if (asked == null) {
                return new Outcome<>(null, failure, n, false);
            }
            Duration next = asked.compareTo(wait) > 0 ? asked : wait;
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            if (elapsed.plus(next).compareTo(timeout) >= 0 || !sleeper.sleep(next)) {
                return new Outcome<>(null, failure, n, true);
            }
            wait = wait.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : wait.multipliedBy(2);
        }
    }

    /** The waits of the first {@code failures} retries when no failure asks for longer (for messages and tests). */
    public Duration delay(int failures) {
        Duration wait = backoff;
        for (int i = 1; i < failures; i++) {
            wait = wait.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : wait.multipliedBy(2);
        }
        return wait;
    }
}
