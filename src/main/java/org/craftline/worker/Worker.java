package org.craftline.worker;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;

/** A person who logs their own work. The numeric id stays inside the service; clients use the handle. */
public record Worker(
        @JsonIgnore long id,
        String handle,
        String displayName,
        String occupation,
        String onetSoc,
        String team,
        Instant createdAt) implements Owner {
}
