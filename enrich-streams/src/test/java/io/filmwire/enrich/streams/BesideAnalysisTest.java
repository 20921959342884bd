package io.filmwire.enrich.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class BesideAnalysisTest {

    @Test
    void theWorkRunsOnAnotherThreadAndItsResultOrFailureComesBack() {
        Supplier<String> where = () -> Thread.currentThread().getName();
        Future<String> started = BesideAnalysis.start(where);
        assertThat(BesideAnalysis.result(started, where)).startsWith("filmwire-enrich-beside-");

        Supplier<String> failing = () -> {
            throw new IllegalArgumentException("bad page");
        };
        assertThatThrownBy(() -> BesideAnalysis.result(BesideAnalysis.start(failing), failing))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("bad page");
        Supplier<String> erring = () -> {
            throw new StackOverflowError("deep page");
        };
        assertThatThrownBy(() -> BesideAnalysis.result(BesideAnalysis.start(erring), erring))
                .isInstanceOf(StackOverflowError.class);
    }

    @Test
    void withEveryThreadBusyTheCallerDoesTheWork() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Supplier<String> blocking = () -> {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "done";
        };
        List<Future<String>> busy = new ArrayList<>();
        try {
            for (int i = 0; i < Runtime.getRuntime().availableProcessors(); i++) {
                busy.add(BesideAnalysis.start(blocking));
            }
            Supplier<String> where = () -> Thread.currentThread().getName();
            Future<String> inline = BesideAnalysis.start(where);
            assertThat(inline.isDone()).isTrue();
            assertThat(BesideAnalysis.result(inline, where)).isEqualTo(Thread.currentThread().getName());
        } finally {
            release.countDown();
        }
        for (Future<String> f : busy) {
            assertThat(f.get(30, TimeUnit.SECONDS)).isEqualTo("done");
        }
    }

    @Test
    void interruptedWhileWaitingTheCallerComputesItItselfAndKeepsTheInterrupt() {
        CountDownLatch release = new CountDownLatch(1);
        Supplier<String> slow = () -> {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Thread.currentThread().getName();
        };
        Future<String> started = BesideAnalysis.start(slow);
        Thread.currentThread().interrupt();
        try {
            assertThat(BesideAnalysis.result(started, () -> "computed by the caller")).isEqualTo("computed by the caller");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
            release.countDown();
        }
    }
}
