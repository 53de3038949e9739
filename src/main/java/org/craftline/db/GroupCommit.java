package org.craftline.db;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.craftline.problem.ApiException;

/**
 * Writes that arrive while another is running go to the database together, in one transaction
 * and one commit: group commit, done where the database does not do it for us.
 *
 * <p>Why: a single write of a task is a dozen statements and a commit. On H2 writes take turns
 * ({@link OneWriterAtATime}) and each commit stores the changed pages of every B-tree it touched,
 * so 32 clients writing at once got about 250 tasks a second, one commit each. On PostgreSQL each
 * statement is a round trip. Written together, the statements become batches and the commit is
 * shared.
 *
 * <p>What a caller sees does not change: {@link #submit} returns once its item is committed, with
 * its own result or its own failure. A group that fails is written again item by item, each in a
 * transaction of its own, so one item's failure (a day over 1,440 minutes, a replayed
 * Idempotency-Key) is that item's answer alone and the others are written as if alone. A failure
 * that asks to try again later (a {@link ApiException} with a {@code Retry-After}: the database
 * busy or full) is everyone's answer: it is about the database, not the item, and trying each item
 * alone would only make every one of them wait again.
 *
 * <p>One group runs at a time; the thread that finds none running writes the waiting items (its
 * own among them) and then hands on, so no thread of its own is needed. A group takes at most
 * {@code maxGroup} items, in the order they came. Two groups at a time on PostgreSQL, where writes
 * may run side by side, made smaller groups and fewer tasks a second (742-787/s against 858-937/s,
 * scale bench, runs alternated).
 *
 * @param <I> what one write is given
 * @param <O> what one write returns
 */
public final class GroupCommit<I, O> {

    private final Function<List<I>, List<O>> together;
    private final Function<I, O> alone;
    private final int maxGroup;
    private final ArrayDeque<Pending<I, O>> waiting = new ArrayDeque<>();
    private boolean writing;

    /**
     * @param together writes a group in one transaction, returning each item's result in order;
     *                 on any failure it must leave nothing written
     * @param alone    writes one item in a transaction of its own
     */
    public GroupCommit(Function<List<I>, List<O>> together, Function<I, O> alone, int maxGroup) {
        if (maxGroup < 1) {
            throw new IllegalArgumentException("a group holds at least one item");
        }
        this.together = together;
        this.alone = alone;
        this.maxGroup = maxGroup;
    }

    /** Writes {@code item}, with others that wait at the same time; returns once it is committed. */
    public O submit(I item) {
        Pending<I, O> mine = new Pending<>(item);
        synchronized (this) {
            waiting.add(mine);
        }
        while (true) {
            List<Pending<I, O>> group = takeTurnOrWait(mine);
            if (group == null) {
                return mine.outcome();
            }
            try {
                write(group);
            } finally {
                synchronized (this) {
                    writing = false;
                    notifyAll();
                }
            }
        }
    }

    /** How many items wait for a turn, for tests that line writes up. */
    synchronized int waiting() {
        return waiting.size();
    }

    /** The group to write when it is this thread's turn; null once {@code mine} was written by another. */
    private synchronized List<Pending<I, O>> takeTurnOrWait(Pending<I, O> mine) {
        boolean interrupted = false;
        try {
            while (!mine.done && writing) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    if (waiting.remove(mine)) {
                        Thread.currentThread().interrupt();
                        throw ApiException.unavailable("The write was cancelled before it ran; try again", 1);
                    }
                    // Taken into a group already: its answer comes, and the thread learns of the interrupt after.
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        if (mine.done) {
            return null;
        }
        writing = true;
        List<Pending<I, O>> group = new ArrayList<>(Math.min(maxGroup, waiting.size()));
        while (group.size() < maxGroup && !waiting.isEmpty()) {
            group.add(waiting.poll());
        }
        return group;
    }

    /** Writes the group, leaving every item of it done: a waiting thread whose item was taken waits for that. */
    private void write(List<Pending<I, O>> group) {
        try {
            if (group.size() > 1) {
                List<O> results = together.apply(group.stream().map(pending -> pending.item).toList());
                for (int i = 0; i < group.size(); i++) {
                    group.get(i).succeed(results.get(i));
                }
                return;
            }
        } catch (ApiException e) {
            if (e.isTemporary()) {
                group.forEach(pending -> pending.fail(e));
                return;
            }
        } catch (RuntimeException e) {
            // Written item by item below: each gets its own answer.
        } catch (Error e) {
            group.forEach(pending -> pending.fail(e));
            return;
        }
        for (Pending<I, O> pending : group) {
            try {
                pending.succeed(alone.apply(pending.item));
            } catch (RuntimeException | Error e) {
                pending.fail(e);
            }
        }
    }

    /**
     * One item waiting to be written, then its answer: set by the writing thread before it takes the
     * group's monitor to hand on, read by the item's thread under that monitor or after.
     */
    private static final class Pending<I, O> {
        private final I item;
        private boolean done;
        private O result;
        private Throwable failure;

        Pending(I item) {
            this.item = item;
        }

        void succeed(O value) {
            result = value;
            done = true;
        }

        void fail(Throwable e) {
            failure = e;
            done = true;
        }

        O outcome() {
            if (failure instanceof RuntimeException e) {
                throw e;
            }
            if (failure instanceof Error e) {
                throw e;
            }
            return result;
        }
    }
}
