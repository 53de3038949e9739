package org.craftline.timer;

import java.time.Instant;
import org.craftline.step.Mode;

/**
 * The worker's timer as {@code GET /api/me/timer} shows it: {@code running} false and nothing else
 * when none runs; else the step being timed, when it started (the server's clock) and the seconds
 * since, so that every device shows the same time.
 */
public record Timer(boolean running, String activity, Mode mode, String tool, Instant startedAt, Long elapsedSeconds) {

    static final Timer NONE = new Timer(false, null, null, null, null, null);
}
