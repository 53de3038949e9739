package org.craftline.imports.capture;

import java.util.List;

/** The days one origin captured: a host for ActivityWatch; for WakaTime, whose export is one, no name. */
public record Origin(String name, List<CapturedDays.Day> days) {
}
