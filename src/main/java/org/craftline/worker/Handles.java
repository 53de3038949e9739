package org.craftline.worker;

/** The shape of a worker handle (and of a team name), shared by validation and documentation. */
public final class Handles {

    public static final String PATTERN = "[a-z0-9][a-z0-9_-]{1,31}";
    public static final String MESSAGE =
            "must be 2-32 characters of a-z, 0-9, _ and -, starting with a letter or digit";

    private Handles() {
    }
}
