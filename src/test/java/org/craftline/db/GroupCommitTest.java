package org.craftline.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.craftline.problem.ApiException;
import org.craftline.testing.NoDatabase;
import org.junit.jupiter.api.Test;

/**
 * Writes that wait while another runs go together, and each caller still gets its own answer:
 * {@link GroupCommit}. The first write is held inside until the others wait behind it.
 */
@NoDatabase
class GroupCommitTest {

    private static final int WAITING = 5;

    /** What the writes were given: each group {@code together} got, and each item written alone. */
    private final List<List<Integer>> groups = Collections.synchronizedList(new ArrayList<>());
    private final List<Integer> alone = Collections.synchronizedList(new ArrayList<>());
    private final CountDownLatch firstIsIn = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    @Test
    void writesThatWaitTogether_goAsOneGroup_andEachGetsItsOwnResult() throws Exception {
        GroupCommit<Integer, String> writes = new GroupCommit<>(this::together, this::alone, 100);

        List<Object> answers = submitWhileTheFirstIsHeld(writes, 1, 2, 3, 4, 5, 6);

        assertThat(answers).containsExactly("1", "2", "3", "4", "5", "6");
        assertThat(alone).containsExactly(1);
        assertThat(groups).containsExactly(List.of(2, 3, 4, 5, 6));
    }

    @Test
    void aGroupTakesAtMostItsSize_inTheOrderTheItemsCame() throws Exception {
        GroupCommit<Integer, String> writes = new GroupCommit<>(this::together, this::alone, 2);

        List<Object> answers = submitWhileTheFirstIsHeld(writes, 1, 2, 3, 4, 5, 6);

        assertThat(answers).containsExactly("1", "2", "3", "4", "5", "6");
        assertThat(groups).containsExactly(List.of(2, 3), List.of(4, 5));
        assertThat(alone).containsExactly(1, 6);
    }

    @Test
    void aGroupThatFails_isWrittenItemByItem_soOnlyTheFailingItemFails() throws Exception {
        GroupCommit<Integer, String> writes = new GroupCommit<>(items -> {
            together(items);
            throw ApiException.unprocessable("steps", "the day is full");
        }, item -> {
            if (item == 4) {
                throw ApiException.unprocessable("steps", "item 4's day is full");
            }
            return alone(item);
        }, 100);

        List<Object> answers = submitWhileTheFirstIsHeld(writes, 1, 2, 3, 4, 5, 6);

        assertThat(answers.get(3)).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e).hasMessage("steps item 4's day is full"));
        assertThat(answers).containsExactly("1", "2", "3", answers.get(3), "5", "6");
        assertThat(alone).containsExactly(1, 2, 3, 5, 6);
    }

    @Test
    void aFailureThatSaysTryAgain_isEveryItemsAnswer_withoutWritingEachAlone() throws Exception {
        ApiException busy = ApiException.unavailable("The database is busy with other writes; try again", 1);
        GroupCommit<Integer, String> writes = new GroupCommit<>(items -> {
            together(items);
            throw busy;
        }, this::alone, 100);

        List<Object> answers = submitWhileTheFirstIsHeld(writes, 1, 2, 3, 4);

        assertThat(answers).containsExactly("1", busy, busy, busy);
        assertThat(alone).containsExactly(1);
    }

    @Test
    void anErrorInAGroup_isEveryItemsAnswer_andTheNextWriteStillRuns() throws Exception {
        OutOfMemoryError full = new OutOfMemoryError("test");
        GroupCommit<Integer, String> writes = new GroupCommit<>(items -> {
            together(items);
            throw full;
        }, this::alone, 100);

        List<Object> answers = submitWhileTheFirstIsHeld(writes, 1, 2, 3);

        assertThat(answers).containsExactly("1", full, full);
        assertThat(writes.submit(7)).isEqualTo("7");
    }

    @Test
    void aWriteInterruptedWhileWaiting_isNeverWritten_andIsToldToTryAgain() throws Exception {
        GroupCommit<Integer, String> writes = new GroupCommit<>(this::together, this::alone, 100);
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> writes.submit(1));
        assertThat(firstIsIn.await(10, TimeUnit.SECONDS)).isTrue();
        List<Object> outcome = new ArrayList<>();
        Thread second = new Thread(() -> {
            try {
                outcome.add(writes.submit(2));
            } catch (RuntimeException e) {
                outcome.add(e);
            }
        });
        second.start();
        awaitWaiting(writes, 1);

        second.interrupt();
        second.join(10_000);
        release.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("1");
        assertThat(outcome).singleElement().isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.status()).isEqualTo(503));
        assertThat(alone).containsExactly(1);
        assertThat(groups).isEmpty();
    }

    /**
     * Submits the first item, holds its write inside until the rest wait behind it, then lets it
     * go; each item's answer (its result or what it threw) in the items' order.
     */
    private List<Object> submitWhileTheFirstIsHeld(GroupCommit<Integer, String> writes, Integer... items)
            throws Exception {
        List<CompletableFuture<Object>> answers = new ArrayList<>();
        answers.add(submit(writes, items[0]));
        assertThat(firstIsIn.await(10, TimeUnit.SECONDS)).isTrue();
        for (int i = 1; i < items.length; i++) {
            answers.add(submit(writes, items[i]));
            // One at a time, so they queue in the order given.
            awaitWaiting(writes, i);
        }
        release.countDown();
        List<Object> results = new ArrayList<>();
        for (CompletableFuture<Object> answer : answers) {
            results.add(answer.get(10, TimeUnit.SECONDS));
        }
        return results;
    }

    private static CompletableFuture<Object> submit(GroupCommit<Integer, String> writes, int item) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return writes.submit(item);
            } catch (RuntimeException | Error e) {
                return e;
            }
        });
    }

    private static void awaitWaiting(GroupCommit<Integer, String> writes, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (writes.waiting() < count) {
            assertThat(System.nanoTime()).as("%d writes waiting in time", count).isLessThan(deadline);
            Thread.sleep(1);
        }
    }

    private List<String> together(List<Integer> items) {
        groups.add(List.copyOf(items));
        return items.stream().map(String::valueOf).toList();
    }

    /** Writes one item; the first write of the test stays inside until released. */
    private String alone(Integer item) {
        alone.add(item);
        if (firstIsIn.getCount() > 0) {
            firstIsIn.countDown();
            try {
                assertThat(release.await(10, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
        return String.valueOf(item);
    }
}
