package org.craftline.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/** Requests raced against each other: each on a thread of its own, all let go at the same moment. */
public final class AtOnce {

    private AtOnce() {
    }

    /** {@code send} applied to every input at once; the answers in the inputs' order. */
    public static <I, O> List<O> each(List<I> inputs, Function<I, O> send) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(inputs.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<O>> replies = new ArrayList<>();
            for (I input : inputs) {
                Callable<O> request = () -> {
                    start.await();
                    return send.apply(input);
                };
                replies.add(pool.submit(request));
            }
            start.countDown();
            List<O> answers = new ArrayList<>();
            for (Future<O> reply : replies) {
                answers.add(reply.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }
}
