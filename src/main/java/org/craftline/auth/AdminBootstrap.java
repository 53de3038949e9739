package org.craftline.auth;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.craftline.access.Role;
import org.craftline.files.OwnerOnly;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure someone can administer a new installation. With CRAFTLINE_ADMIN_TOKEN set, that value
 * is an admin token (only its hash is stored). Otherwise, when no usable admin token exists, one is
 * made and written to a file only its owner can read; it is also printed once, but only when
 * standard output is a terminal (a person watching), never when it goes to a file or a log
 * collector, which would keep it.
 */
public final class AdminBootstrap {

    static final int MIN_ENV_TOKEN_LENGTH = 32;
    private static final Logger LOG = LoggerFactory.getLogger(AdminBootstrap.class);

    private final TokenDao tokens;
    private final TokenIssuer issuer;
    private final Clock clock;
    private final PrintStream console;
    private final boolean terminal;

    /** @param terminal whether {@code console} is a terminal a person reads, not a file or a pipe */
    public AdminBootstrap(TokenDao tokens, TokenIssuer issuer, Clock clock, PrintStream console, boolean terminal) {
        this.tokens = tokens;
        this.issuer = issuer;
        this.clock = clock;
        this.console = console;
        this.terminal = terminal;
    }

    /** Whether standard output is a terminal: Java knows only whether both standard input and output are. */
    // On Java 17 a null console is the answer; Java 22's Console.isTerminal() would replace this.
    @SuppressWarnings("SystemConsoleNull")
    public static boolean stdoutIsTerminal() {
        return System.console() != null;
    }

    public void ensureAdminToken(String environmentToken, Path tokenFile) throws IOException {
        if (environmentToken != null && !environmentToken.isBlank()) {
            adopt(environmentToken.trim());
            return;
        }
        if (tokens.countUsableAdminTokens(clock.instant()) > 0) {
            return;
        }
        IssuedToken issued = issuer.issue(null, Role.ADMIN, null, "first-start admin token");
        write(tokenFile, issued.token());
        Path where = tokenFile.toAbsolutePath().normalize();
        // The console, not the log: log lines travel to aggregators, and a token must never be in one.
        if (terminal) {
            console.println("""

                    ================================================================================
                     Craftline first start: an admin token was created. It is shown only this once.

                       %s

                     Also saved, readable only by this user, in %s
                     Use it as:  curl -H 'Authorization: Bearer <token>' ...
                    ================================================================================
                    """.formatted(issued.token(), where));
        } else {
            console.println("""

                    ================================================================================
                     Craftline first start: an admin token was created and saved, readable only by
                     this user, in %s
                     (not printed here: standard output is not a terminal, and may be kept)
                     Use it as:  curl -H "Authorization: Bearer $(cat %s)" ...
                    ================================================================================
                    """.formatted(where, where));
        }
        LOG.info("Created the first admin token (id {}) and wrote it to {}", issued.id(), where);
    }

    private void adopt(String token) {
        if (token.length() < MIN_ENV_TOKEN_LENGTH) {
            throw new IllegalStateException("CRAFTLINE_ADMIN_TOKEN must be at least " + MIN_ENV_TOKEN_LENGTH
                    + " characters long; generate one with: openssl rand -base64 32");
        }
        issuer.adoptAsAdmin(Tokens.hash(token));
        LOG.info("CRAFTLINE_ADMIN_TOKEN is an admin token");
    }

    private static void write(Path file, String token) throws IOException {
        OwnerOnly.directory(file.toAbsolutePath().getParent());
        Files.deleteIfExists(file);
        Files.writeString(OwnerOnly.newFile(file), token + System.lineSeparator(), StandardCharsets.UTF_8);
    }
}
