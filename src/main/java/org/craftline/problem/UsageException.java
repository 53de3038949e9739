package org.craftline.problem;

/**
 * A mistake of the person running a command or an operator endpoint (a missing option, a backup
 * file that exists already, a database URL Craftline cannot use), told in its message as the
 * one line they see. Anything else thrown from a command is a bug and keeps its stack trace.
 */
public final class UsageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
