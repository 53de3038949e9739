package org.craftline.http;

import jakarta.ws.rs.core.EntityTag;
import java.util.List;
import java.util.stream.Collectors;
import org.craftline.problem.ApiException;

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

    /**
     * The {@code If-Match} of a request that replaces {@code what} ("a task"): one is required, so
     * that nobody overwrites a change they have not seen (428 without it).
     */
    public static String required(List<String> lines, String what) {
        String ifMatch = header(lines);
        if (ifMatch == null) {
            throw ApiException.preconditionRequired("Replacing " + what + " needs an If-Match header with the ETag "
                    + "from your last read of it, so that you cannot overwrite a change you have not seen");
        }
        return ifMatch;
    }

    /** 412 when {@code ifMatch}, if given, does not admit {@code version}, the current one of {@code what}. */
    public static void check(String ifMatch, int version, String what) {
        if (ifMatch != null && !matches(ifMatch, version)) {
            throw ApiException.preconditionFailed(what + " has changed: it is at ETag " + of(version)
                    + ", If-Match was " + ifMatch + ". Read it again and reapply your change.");
        }
    }
}
