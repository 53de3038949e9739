package org.craftline.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.jetty.HttpConnectorFactory;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import org.craftline.CraftlineConfiguration;
import org.craftline.cli.OperatorCommand;
import org.craftline.problem.UsageException;

/**
 * {@code java -jar craftline.jar backup --to FILE.zip config.yml}: a consistent backup of the H2
 * database. While the server runs, only it may open the file, so the command asks it, through its
 * admin port ({@link BackupServlet}); when nothing answers there, the command opens the file itself.
 */
public final class BackupCommand extends OperatorCommand {

    private static final Duration BACKUP_TIME_LIMIT = Duration.ofHours(1);

    public BackupCommand() {
        super("backup", "Back up the embedded H2 database, online, into a zip file");
    }

    @Override
    public void configure(Subparser subparser) {
        super.configure(subparser);
        subparser.addArgument("--to").dest("to").required(true).metavar("FILE")
                .help("the zip file to write; it must not exist yet");
    }

    @Override
    protected void checkArguments(Namespace namespace) {
        H2Backup.backupTarget(namespace.getString("to"));
    }

    @Override
    protected String whileTheServerRuns() {
        return "Give backup the server's own configuration, so that it finds the server's admin port and the server "
                + "makes the backup.";
    }

    @Override
    protected void execute(Bootstrap<CraftlineConfiguration> bootstrap, Namespace namespace,
                           CraftlineConfiguration configuration) throws Exception {
        DataSourceFactory database = configuration.getDataSourceFactory();
        Path databasePath = H2Backup.databasePath(database.getUrl());
        Path zip = H2Backup.backupTarget(namespace.getString("to"));
        long bytes;
        String how;
        try {
            bytes = askTheServer(adminPort(configuration), zip);
            how = "the running server's database";
        } catch (ConnectException noServer) {
            try (Connection connection = DriverManager.getConnection(database.getUrl(), database.getUser(),
                    database.getPassword())) {
                bytes = H2Backup.backUp(connection, zip);
            }
            how = databasePath + " (no server was running)";
        }
        System.out.println("Backed up " + how + " to " + zip + " (" + bytes + " bytes).");
    }

    private static long askTheServer(int adminPort, Path zip) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + adminPort + BackupServlet.PATH
                        + "?to=" + URLEncoder.encode(zip.toString(), StandardCharsets.UTF_8)))
                .header(BackupServlet.HEADER, BackupServlet.HEADER_VALUE)
                .timeout(BACKUP_TIME_LIMIT).POST(HttpRequest.BodyPublishers.noBody()).build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        JsonNode body = readJson(response.body());
        if (response.statusCode() != 200) {
            throw new UsageException("the server on admin port " + adminPort + " did not back up: "
                    + body.path("detail").asText("it answered " + response.statusCode()));
        }
        return body.path("bytes").asLong();
    }

    private static JsonNode readJson(String body) {
        try {
            return new ObjectMapper().readTree(body);
        } catch (IOException notJson) {
            return new ObjectMapper().createObjectNode();
        }
    }

    /** The configured admin port, where the server listens for operators on 127.0.0.1. */
    private static int adminPort(CraftlineConfiguration configuration) {
        if (configuration.getServerFactory() instanceof DefaultServerFactory server
                && !server.getAdminConnectors().isEmpty()
                && server.getAdminConnectors().get(0) instanceof HttpConnectorFactory connector) {
            return connector.getPort();
        }
        throw new UsageException("backup needs the server's admin port: configure server.adminConnectors "
                + "with an http connector, as config.yml does");
    }
}
