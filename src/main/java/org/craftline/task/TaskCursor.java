package org.craftline.task;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import org.craftline.problem.ApiException;

/**
 * The position after the last task of a page, in list order (date descending, then id descending).
 * Keyset paging rather than offsets: a page stays correct while tasks are added, and reading deep
 * pages costs the same as the first. Opaque to clients so the encoding can change.
 */
record TaskCursor(LocalDate date, long id) {

    static String after(TaskRow row) {
        String plain = row.workDate() + ":" + row.id();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    static TaskCursor parse(String cursor) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int colon = plain.indexOf(':');
            return new TaskCursor(LocalDate.parse(plain.substring(0, colon)), Long.parseLong(plain.substring(colon + 1)));
        } catch (RuntimeException e) {
            throw ApiException.badParameter("cursor", "is not a cursor this API issued; pass nextCursor back unchanged");
        }
    }
}
