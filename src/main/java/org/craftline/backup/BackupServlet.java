package org.craftline.backup;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import org.craftline.db.OneWriterAtATime;
import org.craftline.http.ServletProblems;
import org.craftline.problem.ApiException;
import org.craftline.problem.ProblemType;
import org.craftline.problem.UsageException;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /backup?to=/absolute/path.zip} on the admin port (127.0.0.1 only, like the other
 * operator tasks): an online backup of the running server's H2 database, which no other process
 * may open while the server runs. The {@code backup} command calls it.
 *
 * <p>The server often runs as root, and any page a local browser opens can send a POST to
 * 127.0.0.1. So the request must carry {@value #HEADER}, which a page can only send across origins
 * after a CORS preflight this port never answers; {@code http/LocalOperatorsOnly} has already
 * refused requests with an {@code Origin} or a {@code Host} that is not a loopback address.
 */
public final class BackupServlet extends HttpServlet {

    public static final String PATH = "/backup";
    /** The header the backup command sends; its value is {@value #HEADER_VALUE}. */
    public static final String HEADER = "X-Craftline-Backup";
    public static final String HEADER_VALUE = "1";
    private static final Logger LOG = LoggerFactory.getLogger(BackupServlet.class);

    private final transient Jdbi jdbi;
    private final transient ObjectMapper json = new ObjectMapper();

    public BackupServlet(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!HEADER_VALUE.equals(request.getHeader(HEADER))) {
            ServletProblems.write(response, ProblemType.FORBIDDEN, "a backup is asked for with the header " + HEADER + ": "
                    + HEADER_VALUE + ", as the backup command does");
            return;
        }
        String to = request.getParameter("to");
        try {
            if (to == null || !Path.of(to).isAbsolute()) {
                throw new UsageException("give the backup's absolute path as ?to=/path/to/backup.zip");
            }
            Path target = H2Backup.backupTarget(to);
            // As the one writer: BACKUP TO stores the database first, which must not catch a write half-way.
            long bytes = OneWriterAtATime.run(jdbi,
                    () -> jdbi.withHandle(handle -> H2Backup.backUp(handle.getConnection(), target)));
            LOG.info("Backed up the database to {} ({} bytes)", target, bytes);
            response.setContentType("application/json");
            json.writeValue(response.getOutputStream(), Map.of("file", target.toString(), "bytes", bytes));
        } catch (UsageException refused) {
            ServletProblems.write(response, ProblemType.BAD_REQUEST, refused.getMessage());
        } catch (ApiException busy) {
            ServletProblems.write(response, ProblemType.UNAVAILABLE, busy.getMessage());
        } catch (InvalidPathException unreadable) {
            ServletProblems.write(response, ProblemType.BAD_REQUEST, "the backup's path is not a path this system can use");
        } catch (Exception failed) {
            LOG.error("The backup to {} failed", to, failed);
            ServletProblems.write(response, ProblemType.INTERNAL, "The backup failed; the server's log says why");
        }
    }
}
