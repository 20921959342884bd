package io.filmwire.enrich.streams;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Work on a page that needs the raw page only (its fingerprint), done on another core while the
 * Streams thread analyses the same page, then waited for: the record's output is the same as if both
 * ran in turn, and the Streams thread, the pipeline's limit, is spared that work. Threads are daemons
 * made on demand, at most one per processor, and gone after a minute idle, so nothing needs closing;
 * when all are busy the work runs on the calling thread.
 */
final class BesideAnalysis {

    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final ThreadPoolExecutor POOL = new ThreadPoolExecutor(0, Runtime.getRuntime().availableProcessors(),
            60, TimeUnit.SECONDS, new SynchronousQueue<>(), task -> {
                Thread thread = new Thread(task, "filmwire-enrich-beside-" + THREADS.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });

    private BesideAnalysis() {
    }

    /** {@code work} started on another thread (or, with none free, run now on this one). */
    static <T> Future<T> start(Supplier<T> work) {
        FutureTask<T> task = new FutureTask<>(work::get);
        try {
            POOL.execute(task);
        } catch (RejectedExecutionException busy) {
            task.run();
        }
        return task;
    }

    /**
     * The result of work {@link #start started}, waited for; what it threw is thrown here. Interrupted
     * while waiting, this thread computes it again itself (keeping its interrupt) rather than lose it.
     */
    static <T> T result(Future<T> started, Supplier<T> work) {
        try {
            return started.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            started.cancel(false);
            return work.get();
        } catch (CancellationException e) {
            return work.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }
}
