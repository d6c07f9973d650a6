package org.percepnet4j.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

class MeterExchangeTest {

    @Test
    void aReaderNeverSeesAHalfWrittenHopAndTheWriterNeverWaits() throws Exception {
        MeterExchange exchange = new MeterExchange();
        exchange.clear(40f);
        AtomicBoolean done = new AtomicBoolean();
        AtomicReference<String> torn = new AtomicReference<>();
        int[] reads = new int[1];
        Thread reader = new Thread(() -> {
            MeterSnapshot m = new MeterSnapshot();
            while (!done.get()) {
                if (exchange.read(m)) {
                    reads[0]++;
                    // every field of hop k was published as k
                    float k = m.inputDb;
                    boolean consistent = m.outputDb == k && m.gainReductionDb == k && m.pitchHz == k
                            && m.latencyMs == k && m.sequence == (long) k && m.voiced == (((long) k & 1) == 1);
                    for (float b : m.bandGainDb) {
                        consistent &= b == k;
                    }
                    if (!consistent && m.sequence != 0) {
                        torn.compareAndSet(null, m.toString());
                    }
                }
            }
        });
        reader.start();
        float[] bands = new float[GainPredictor.BANDS];
        long start = System.nanoTime();
        int hops = 2_000_000;
        for (int k = 1; k <= hops; k++) {
            Arrays.fill(bands, k);
            exchange.publish(k, k, k, bands, k, (k & 1) == 1, k);
        }
        long perHopNs = (System.nanoTime() - start) / hops;
        done.set(true);
        reader.join();
        assertThat(torn.get()).as("inconsistent snapshot").isNull();
        assertThat(reads[0]).isGreaterThan(0);
        assertThat(perHopNs).as("publish cost, ns").isLessThan(5_000);
        MeterSnapshot last = new MeterSnapshot();
        assertThat(exchange.read(last)).isTrue();
        assertThat(last.sequence).isEqualTo(hops);
        assertThat(last.inputDb).isEqualTo((float) hops);
    }
}
