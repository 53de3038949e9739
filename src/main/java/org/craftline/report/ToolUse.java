package org.craftline.report;

import java.time.LocalDate;

/** Time spent with one tool in the report's range, and the first day it was ever used. */
public record ToolUse(String tool, long minutes, long craftMinutes, long executionMinutes, LocalDate firstUsed) {
}
