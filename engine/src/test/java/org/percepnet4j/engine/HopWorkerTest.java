package org.percepnet4j.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The offline analysis thread's hand-over protocol on its own: order, batch sizes, errors, closing. */
class HopWorkerTest {

    @Test
    void hopsRunOnceInOrderInBatchesOfAtMostMaxBatch() {
        List<long[]> batches = new ArrayList<>(); // written by the worker, read after take (happens-before)
        long[] results = new long[1000];
        HopWorker w = new HopWorker((first, count) -> {
            batches.add(new long[] {first, count});
            for (int k = 0; k < count; k++) {
                results[(int) (first + k)] = (first + k) * 3 + 1;
            }
        }, 16, "test-worker");
        try {
            long handed = 0;
            for (int taken = 0; taken < 1000; taken++) {
                if (handed < 1000 && w.pending() < 40) {
                    handed = Math.min(1000, handed + 1 + taken % 7);
                    w.handOver(handed);
                }
                w.take();
                assertThat(results[taken]).isEqualTo(taken * 3L + 1);
            }
            assertThat(w.pending()).isZero();
            long next = 0;
            for (long[] b : batches) {
                assertThat(b[0]).isEqualTo(next);
                assertThat(b[1]).isBetween(1L, 16L);
                next += b[1];
            }
            assertThat(next).isEqualTo(1000);
        } finally {
            w.close();
        }
    }

    @Test
    void aFailingJobIsReportedToTheTakerWithItsCause() {
        HopWorker w = new HopWorker((first, count) -> {
            throw new ArithmeticException("boom at " + first);
        }, 4, "test-worker");
        try {
            w.handOver(3);
            assertThatThrownBy(w::take).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("offline analysis failed").hasCauseInstanceOf(ArithmeticException.class);
        } finally {
            w.close();
        }
    }

    @Test
    void takingMoreThanWasHandedOverOrFromAClosedWorkerIsAnError() throws Exception {
        HopWorker w = new HopWorker((first, count) -> { }, 4, "test-worker");
        assertThatThrownBy(w::take).isInstanceOf(IllegalStateException.class).hasMessageContaining("no hop");
        w.handOver(2);
        w.drain();
        assertThat(w.taken()).isEqualTo(2);

        HopWorker slow = new HopWorker((first, count) -> {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, 4, "test-worker");
        slow.handOver(1);
        Thread closer = new Thread(() -> {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                return;
            }
            slow.close();
        });
        closer.start();
        // Closed while the job runs: the taker gets the hop if the job finished, or an error, but never hangs.
        try {
            slow.take();
        } catch (IllegalStateException e) {
            assertThat(e).hasMessageContaining("closed");
        }
        closer.join();
        w.close();
    }
}
