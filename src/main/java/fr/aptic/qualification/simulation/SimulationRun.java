package fr.aptic.qualification.simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Runs a simulation step over a stream of stored applications on several threads: the calling thread reads
 * rows and hands them on in chunks; each worker judges its chunks into its own {@link Tally}; the tallies
 * are merged at the end. The queue is bounded, so reading never runs far ahead of judging.
 */
final class SimulationRun {

    static final int CHUNK = 256;
    private static final List<StoredApplication> END = new ArrayList<>();
    private static final AtomicInteger RUNS = new AtomicInteger();

    private SimulationRun() {}

    /**
     * Feeds every row {@code source} gives to {@code step}, with {@code threads} workers (1: on the calling
     * thread), and answers the merged tally.
     */
    static Tally run(
            Consumer<Consumer<StoredApplication>> source, BiConsumer<StoredApplication, Tally> step, int threads) {
        if (threads <= 1) {
            Tally tally = new Tally();
            source.accept(row -> {
                tally.applications++;
                step.accept(row, tally);
            });
            return tally;
        }
        BlockingQueue<List<StoredApplication>> queue = new ArrayBlockingQueue<>(threads * 4);
        int run = RUNS.incrementAndGet();
        AtomicInteger index = new AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "simulation-" + run + "-" + index.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<Tally>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(workers.submit(() -> work(queue, step)));
            }
            Chunker chunker = new Chunker(queue, futures);
            try {
                source.accept(chunker);
                chunker.flush();
            } finally {
                for (int i = 0; i < threads; i++) {
                    chunker.put(END);
                }
            }
            Tally total = new Tally();
            for (Future<Tally> future : futures) {
                total.merge(future.get());
            }
            return total;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("simulation interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("simulation worker failed", e.getCause());
        } finally {
            workers.shutdownNow();
        }
    }

    private static Tally work(BlockingQueue<List<StoredApplication>> queue, BiConsumer<StoredApplication, Tally> step)
            throws InterruptedException {
        Tally tally = new Tally();
        while (true) {
            List<StoredApplication> chunk = queue.take();
            if (chunk == END) {
                return tally;
            }
            for (StoredApplication row : chunk) {
                tally.applications++;
                step.accept(row, tally);
            }
        }
    }

    /** Collects rows into chunks and queues them, failing fast if a worker died rather than waiting forever. */
    private static final class Chunker implements Consumer<StoredApplication> {
        private final BlockingQueue<List<StoredApplication>> queue;
        private final List<Future<Tally>> workers;
        private List<StoredApplication> chunk = new ArrayList<>(CHUNK);

        Chunker(BlockingQueue<List<StoredApplication>> queue, List<Future<Tally>> workers) {
            this.queue = queue;
            this.workers = workers;
        }

        @Override
        public void accept(StoredApplication row) {
            chunk.add(row);
            if (chunk.size() == CHUNK) {
                flush();
            }
        }

        void flush() {
            if (!chunk.isEmpty()) {
                put(chunk);
                chunk = new ArrayList<>(CHUNK);
            }
        }

        void put(List<StoredApplication> rows) {
            try {
                while (!queue.offer(rows, 100, TimeUnit.MILLISECONDS)) {
                    if (workers.stream().anyMatch(Future::isDone)) {
                        // A worker only ends early by failing; its Future says why.
                        return;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("simulation interrupted", e);
            }
        }
    }
}
