package org.percepnet4j.engine;

import java.util.concurrent.locks.LockSupport;

/**
 * A second thread that runs one job at a time on request, for offline rendering: {@link #start} hands the job
 * over, {@link #await} waits until it has run. Hand-overs are volatile counters (a happens-before edge both
 * ways), so what the job writes is visible after {@link #await}, and what the caller wrote before {@link #start}
 * is visible to the job.
 *
 * <p>The jobs come every 100 µs or so, and waking a parked thread costs about as much as the job, so both sides
 * spin briefly ({@link Thread#onSpinWait}) before they park. No allocation per job.
 */
final class HopWorker implements AutoCloseable {

    /** About 20–50 µs of spinning before parking: longer than the usual gap between two jobs. */
    private static final int SPINS = 20_000;

    private final Runnable job;
    private final Thread thread;
    private volatile long requested;
    private volatile long completed;
    private volatile boolean closed;
    private volatile boolean workerParked;
    private volatile Thread waiter;
    /** Written by the job thread before {@code completed}, read after it. */
    private Throwable failure;

    HopWorker(Runnable job, String name) {
        this.job = job;
        this.thread = new Thread(this::loop, name);
        thread.setDaemon(true); // never keeps the JVM alive, even when close() is forgotten
        thread.start();
    }

    /** Runs the job once on the worker thread; the previous run must have been awaited. */
    void start() {
        requested++;
        if (workerParked) {
            LockSupport.unpark(thread);
        }
    }

    /**
     * Waits until the last started job has run.
     *
     * @throws IllegalStateException when the job threw (its exception is the cause) or the worker is closed
     */
    void await() {
        long target = requested;
        for (int i = 0; completed != target; i++) {
            if (closed) {
                throw new IllegalStateException("hop worker closed");
            }
            if (i < SPINS) {
                Thread.onSpinWait();
            } else {
                waiter = Thread.currentThread();
                if (completed != target) {
                    LockSupport.park(this);
                }
                waiter = null;
            }
        }
        Throwable t = failure;
        if (t != null) {
            failure = null;
            throw new IllegalStateException("offline analysis failed: " + t, t);
        }
    }

    /** True when the last started job has run (then {@link #await} returns at once). Never blocks. */
    boolean done() {
        return completed == requested;
    }

    /** Stops the thread (after the job in progress, if any). */
    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(thread);
    }

    private void loop() {
        long done = 0;
        while (!closed) {
            if (requested != done) {
                done = requested;
                try {
                    job.run();
                } catch (Throwable t) { // handed to the caller of await, which owns the error
                    failure = t;
                }
                completed = done;
                Thread w = waiter;
                if (w != null) {
                    LockSupport.unpark(w);
                }
                continue;
            }
            for (int i = 0; i < SPINS && requested == done && !closed; i++) {
                Thread.onSpinWait();
            }
            if (requested == done && !closed) {
                workerParked = true;
                if (requested == done && !closed) {
                    LockSupport.park(this);
                }
                workerParked = false;
            }
        }
    }
}
