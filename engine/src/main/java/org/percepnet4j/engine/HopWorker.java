package org.percepnet4j.engine;

import java.util.concurrent.locks.LockSupport;

/**
 * A second thread for offline rendering that works through hops as the caller hands them over, ahead of the
 * caller: one producer of work (the caller, {@link #handOver}), one worker, one consumer of results (the
 * caller again, {@link #awaitDone}). Hops are numbered 0, 1, 2, … for the life of the worker; the three
 * counters (handed over, done, taken) only grow, and each is written by one thread only, so the hand-overs are
 * plain volatile writes and reads (a happens-before edge both ways) with no locks and no allocation.
 *
 * <p>The worker runs the job on batches of consecutive hops: as many as are handed over, at most
 * {@code maxBatch}, and at most twice the previous batch (or one more than the hops done and not yet taken, if
 * that is more). Batches thus start at one hop, so a caller that waits gets its first hop soon, and grow to
 * {@code maxBatch} whether or not the caller keeps up.
 *
 * <p>Both sides spin briefly ({@link Thread#onSpinWait}) before they park: waking a parked thread costs about
 * as much as a hop.
 */
final class HopWorker implements AutoCloseable {

    /** The work of hops {@code first .. first + count - 1}, in that order. */
    interface Job {
        void run(long first, int count);
    }

    /** About 20–50 µs of spinning before parking. */
    private static final int SPINS = 20_000;

    private final Job job;
    private final int maxBatch;
    private final Thread thread;
    /** Written by the caller. */
    private volatile long handed;
    private volatile long taken;
    /** Written by the worker. */
    private volatile long done;
    private volatile boolean closed;
    private volatile boolean workerParked;
    private volatile Thread waiter;
    /** Written by the worker before {@code done}, read after it. */
    private Throwable failure;

    HopWorker(Job job, int maxBatch, String name) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be >= 1, got " + maxBatch);
        }
        this.job = job;
        this.maxBatch = maxBatch;
        this.thread = new Thread(this::loop, name);
        thread.setDaemon(true); // never keeps the JVM alive, even when close() is forgotten
        thread.start();
    }

    /** Hops handed over so far: the next hop to hand over has this number. */
    long handed() {
        return handed;
    }

    /** Hops taken so far: the next hop to take has this number. */
    long taken() {
        return taken;
    }

    /** Hands over hops up to {@code end} (exclusive); what the caller wrote for them before is visible to the job. */
    void handOver(long end) {
        if (end <= handed) {
            return;
        }
        handed = end;
        if (workerParked) {
            LockSupport.unpark(thread);
        }
    }

    /**
     * Waits until the next hop is done and takes it: what the job wrote for it is visible afterwards.
     *
     * @throws IllegalStateException when no handed-over hop is left to take, the job threw (its exception is
     *                               the cause), or the worker is closed
     */
    void take() {
        long hop = taken;
        if (hop >= handed) {
            throw new IllegalStateException("no hop handed over to take");
        }
        for (int i = 0; done <= hop; i++) {
            if (failure != null || closed) {
                break;
            }
            if (i < SPINS) {
                Thread.onSpinWait();
            } else {
                waiter = Thread.currentThread();
                if (done <= hop && failure == null && !closed) {
                    LockSupport.park(this);
                }
                waiter = null;
            }
        }
        Throwable t = failure;
        if (t != null) {
            throw new IllegalStateException("offline analysis failed: " + t, t);
        }
        if (done <= hop) {
            throw new IllegalStateException("hop worker closed");
        }
        taken = hop + 1;
    }

    /** Hops handed over and not yet taken (done or not). */
    int pending() {
        return (int) (handed - taken);
    }

    /**
     * Waits until every hop handed over is done and takes them all (state changes of the caller need the
     * worker idle).
     */
    void drain() {
        while (taken < handed) {
            take();
        }
    }

    /** Stops the thread (after the batch in progress, if any). */
    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(thread);
    }

    private void loop() {
        long next = 0;
        int lastBatch = 0;
        while (!closed) {
            long available = handed - next;
            if (available > 0) {
                // Batches double from one hop up to maxBatch (or one more than the caller has queued, if that is
                // more): a caller waiting at the start gets its first hop soon, and then the batches are as large
                // as they can be whether or not the caller keeps up.
                long queued = next - taken;
                int n = (int) Math.min(Math.min(available, maxBatch), Math.max(queued + 1, 2L * lastBatch));
                lastBatch = n;
                try {
                    job.run(next, n);
                } catch (Throwable t) { // handed to the caller of take, which owns the error
                    failure = t;
                    closed = true;
                }
                next += n;
                done = next;
                Thread w = waiter;
                if (w != null) {
                    LockSupport.unpark(w);
                }
                continue;
            }
            for (int i = 0; i < SPINS && handed == next && !closed; i++) {
                Thread.onSpinWait();
            }
            if (handed == next && !closed) {
                workerParked = true;
                if (handed == next && !closed) {
                    LockSupport.park(this);
                }
                workerParked = false;
            }
        }
        Thread w = waiter;
        if (w != null) {
            LockSupport.unpark(w);
        }
    }
}
