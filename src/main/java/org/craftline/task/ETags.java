package org.craftline.task;

import jakarta.ws.rs.core.EntityTag;

/** Strong entity tags derived from a task's version: {@code "v3"}. */
final class ETags {

    private ETags() {
    }

    static String of(int version) {
        return "\"v" + version + "\"";
    }

    static EntityTag entityTag(int version) {
        return new EntityTag("v" + version);
    }

    /**
     * Whether an {@code If-Match} header admits the current version: {@code *} or any listed tag
     * equal to the current one. Weak tags never match, as RFC 9110 requires for If-Match.
     */
    static boolean matches(String ifMatch, int version) {
        String current = of(version);
        for (String tag : ifMatch.split(",")) {
            String trimmed = tag.trim();
            if (trimmed.equals("*") || trimmed.equals(current)) {
                return true;
            }
        }
        return false;
    }
}
