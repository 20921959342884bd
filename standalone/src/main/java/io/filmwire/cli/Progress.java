package io.filmwire.cli;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Progress of long work on stderr: a line rewritten in place on a terminal, a line every few
 * seconds otherwise. Not thread-safe.
 */
final class Progress {

    private final String task;
    private final int total;
    private final PrintStream err;
    private final boolean terminal;
    private final long start = System.nanoTime();
    private long lastPrint;
    private int done;
    private int failed;

    Progress(String task, int total, PrintStream err) {
        this.task = task;
        this.total = total;
        this.err = err;
        this.terminal = System.console() != null;
    }

    void step(boolean ok) {
        done++;
        if (!ok) {
            failed++;
        }
        long now = System.nanoTime();
        long every = terminal ? 200_000_000L : 5_000_000_000L;
        if (now - lastPrint >= every && done < total) {
            lastPrint = now;
            print(false);
        }
    }

    int failed() {
        return failed;
    }

    int done() {
        return done;
    }

    double seconds() {
        return (System.nanoTime() - start) / 1e9;
    }

    /** How many pages there are in all. */
    int total() {
        return total;
    }

    /** The final line. */
    void finish(String summary) {
        if (terminal) {
            err.print("\r\033[K");
        }
        err.printf(Locale.ROOT, "%s: %d/%d pages, %d failed, %.1f s (%.1f pages/s)%s%n", task, done, total, failed,
                seconds(), done / Math.max(seconds(), 1e-9), summary == null ? "" : "; " + summary);
    }

    private void print(boolean last) {
        String line = String.format(Locale.ROOT, "%s: %d/%d pages, %d failed, %.1f pages/s", task, done, total,
                failed, done / Math.max(seconds(), 1e-9));
        if (terminal) {
            err.print("\r\033[K" + line);
        } else {
            err.println(line);
        }
        err.flush();
    }
}
