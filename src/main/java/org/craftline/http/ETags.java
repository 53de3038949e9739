package org.craftline.http;

import jakarta.ws.rs.core.EntityTag;
import java.util.List;
import java.util.stream.Collectors;

/** Strong entity tags derived from a version (a task's, a worker's rules'): {@code "v3"}. */
public final class ETags {

    private ETags() {
    }

    public static String of(int version) {
        return "\"v" + version + "\"";
    }

    public static EntityTag entityTag(int version) {
        return new EntityTag("v" + version);
    }

    /**
     * An {@code If-Match} field as one list, however many header lines carried it (RFC 9110: lines
     * of a list field are one list, joined by commas); null when there is none or it is blank.
     */
    public static String header(List<String> lines) {
        if (lines == null) {
            return null;
        }
        String joined = lines.stream().filter(line -> line != null && !line.isBlank()).map(String::strip)
                .collect(Collectors.joining(", "));
        return joined.isEmpty() ? null : joined;
    }

    /**
     * Whether an {@code If-Match} header admits the current version: {@code *} or any listed tag
     * equal to the current one. Weak tags never match, as RFC 9110 requires for If-Match.
     */
    public static boolean matches(String ifMatch, int version) {
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
