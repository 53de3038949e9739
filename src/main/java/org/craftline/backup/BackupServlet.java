package org.craftline.backup;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.craftline.problem.Problem;
import org.craftline.problem.ProblemType;
import org.craftline.problem.UsageException;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /backup?to=/absolute/path.zip} on the admin port (127.0.0.1 only, like the other
 * operator tasks): an online backup of the running server's H2 database, which no other process
 * may open while the server runs. The {@code backup} command calls it.
 */
public final class BackupServlet extends HttpServlet {

    public static final String PATH = "/backup";
    private static final Logger LOG = LoggerFactory.getLogger(BackupServlet.class);

    private final transient Jdbi jdbi;
    private final transient ObjectMapper json = new ObjectMapper();

    public BackupServlet(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String to = request.getParameter("to");
        try {
            if (to == null || !Path.of(to).isAbsolute()) {
                throw new UsageException("give the backup's absolute path as ?to=/path/to/backup.zip");
            }
            long bytes = jdbi.withHandle(handle -> H2Backup.backUp(handle.getConnection(), Path.of(to)));
            LOG.info("Backed up the database to {} ({} bytes)", to, bytes);
            response.setContentType("application/json");
            json.writeValue(response.getOutputStream(), Map.of("file", Path.of(to).toAbsolutePath().normalize().toString(),
                    "bytes", bytes));
        } catch (UsageException refused) {
            problem(response, ProblemType.BAD_REQUEST, refused.getMessage());
        } catch (Exception failed) {
            LOG.error("The backup to {} failed", to, failed);
            problem(response, ProblemType.INTERNAL, "The backup failed; the server's log says why");
        }
    }

    private void problem(HttpServletResponse response, ProblemType type, String detail) throws IOException {
        response.setStatus(type.status());
        response.setContentType(Problem.MEDIA_TYPE);
        json.writeValue(response.getOutputStream(), type.problem(detail));
    }
}
