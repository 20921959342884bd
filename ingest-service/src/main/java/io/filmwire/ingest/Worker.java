package io.filmwire.ingest;

import java.time.Duration;

/**
 * The thread of a long-running intake source (a folder watcher, the feed poller): runs its loop on
 * a daemon thread until {@link #stop}; {@link #pause} sleeps but wakes at once when stopped.
 * Thread-safe.
 */
public final class Worker {

    private final Thread thread;
    private final Object wake = new Object();
    private volatile boolean running;

    /** A worker that runs {@code loop} (which checks {@link #running}) on a thread named {@code name}. */
    public Worker(String name, Runnable loop) {
        this.thread = new Thread(loop, name);
        this.thread.setDaemon(true);
    }

    /** Starts the loop. */
    public void start() {
        running = true;
        thread.start();
    }

    /** True until stopped (or ended): the loop goes on while this holds. */
    public boolean running() {
        return running;
    }

    /** True while the loop runs. */
    public boolean isAlive() {
        return running && thread.isAlive();
    }

    /** Marks the loop as ended, when it stops on its own (an unexpected error). */
    public void ended() {
        running = false;
    }

    /** Sleeps up to {@code millis}, less when stopped meanwhile. */
    public void pause(long millis) throws InterruptedException {
        synchronized (wake) {
            if (running) {
                wake.wait(Math.max(1, millis));
            }
        }
    }

    /** Asks the loop to end, waits up to {@code grace} for it to finish the work in hand, then interrupts it. */
    public void stop(Duration grace) {
        running = false;
        synchronized (wake) {
            wake.notifyAll();
        }
        try {
            thread.join(Math.max(1, grace.toMillis()));
            if (thread.isAlive()) {
                thread.interrupt();
                thread.join(5_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
