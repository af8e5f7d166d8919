package org.coag.cpu;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A fixed set of threads that run one phase of a step together: {@link #run} hands the same
 * {@link Task} to every worker (the caller is worker 0) and returns when all have finished. No
 * allocation per phase; workers spin briefly, then park, so idle pools cost nothing and
 * oversubscribed pools (more threads than cores) still progress.
 */
final class WorkerPool implements AutoCloseable {
    /** One phase; worker w of n does its share. */
    @FunctionalInterface
    interface Task {
        /** @param worker index 0..size-1 */
        void run(int worker);
    }

    /**
     * Below this many live particles a step's phases run on the caller alone, worker share after
     * worker share: handing a phase to another thread and back costs tens of microseconds, more
     * than the whole phase at small N. The shares are the same, so the results are too. The system
     * property {@code coag.cpu.inlineBelow} overrides it (the conformance tests set 0 to hand every
     * phase to the threads).
     */
    static final int INLINE_BELOW = Integer.getInteger("coag.cpu.inlineBelow", 2048);
    private static final int SPINS = 2000;
    private final int size;
    private boolean inline;
    private final Thread[] threads;
    private final AtomicInteger pending = new AtomicInteger();
    private volatile Thread caller;
    private volatile Task task;
    private volatile long generation;
    private volatile boolean closed;
    private volatile Throwable failure;

    /**
     * @param size number of workers including the caller, >= 1
     */
    WorkerPool(int size) {
        this.size = size;
        this.threads = new Thread[size - 1];
        for (int w = 1; w < size; w++) {
            int index = w;
            Thread t = new Thread(() -> loop(index), "coag-cpu-worker-" + w);
            t.setDaemon(true);
            threads[w - 1] = t;
            t.start();
        }
    }

    /** @return number of workers including the caller */
    int size() {
        return size;
    }

    /**
     * Chooses, for the phases of the next step, whether they run on the caller alone.
     *
     * @param live the live particles
     */
    void sizeFor(int live) {
        inline = live < INLINE_BELOW;
    }

    /**
     * Runs {@code t} on every worker and waits for all (or, below {@link #INLINE_BELOW} live
     * particles, runs every worker's share on the caller in worker order).
     *
     * @param t the phase
     */
    void run(Task t) {
        if (size == 1 || inline) {
            for (int w = 0; w < size; w++) {
                t.run(w);
            }
            return;
        }
        task = t;
        caller = Thread.currentThread();
        pending.set(size - 1);
        generation++;
        for (Thread th : threads) {
            LockSupport.unpark(th);
        }
        Throwable own = null;
        try {
            t.run(0);
        } catch (Throwable e) {
            own = e;
        }
        for (int spin = 0; pending.get() != 0; spin++) {
            if (spin < SPINS) {
                Thread.onSpinWait();
            } else {
                LockSupport.parkNanos(this, 50_000);
            }
        }
        Throwable first = own != null ? own : failure;
        failure = null;
        if (first instanceof RuntimeException re) {
            throw re;
        }
        if (first instanceof Error err) {
            throw err;
        }
        if (first != null) {
            throw new IllegalStateException(first);
        }
    }

    private void loop(int index) {
        long seen = 0;
        while (true) {
            for (int spin = 0; generation == seen && !closed; spin++) {
                if (spin < SPINS) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.parkNanos(this, 1_000_000);
                }
            }
            if (closed) {
                return;
            }
            seen = generation;
            try {
                task.run(index);
            } catch (Throwable e) {
                failure = e;
            }
            if (pending.decrementAndGet() == 0) {
                LockSupport.unpark(caller);
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        for (Thread th : threads) {
            LockSupport.unpark(th);
        }
    }

    /**
     * Worker w's first slot of [0, count) split evenly among {@code workers}, on a vector boundary
     * (so vector kernels never share a vector between two workers).
     *
     * @param w worker index (workers gives count)
     * @param workers number of workers
     * @param count slots to split
     * @return the first slot
     */
    static int chunkStart(int w, int workers, int count) {
        if (w >= workers) {
            return count;
        }
        long at = (long) count * w / workers;
        return (int) (at - at % CpuVectors.LANES);
    }
}
