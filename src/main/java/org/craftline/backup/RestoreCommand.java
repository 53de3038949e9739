package org.craftline.backup;

import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.db.DataSourceFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import org.craftline.CraftlineConfiguration;
import org.craftline.cli.OperatorCommand;
import org.craftline.problem.UsageException;

/**
 * {@code java -jar craftline.jar restore --from FILE.zip config.yml}: puts a backup where the
 * configuration's H2 URL points, which must be a database that does not exist yet, and checks that
 * it opens. Starting the server on it then upgrades its schema if the backup is older.
 */
public final class RestoreCommand extends OperatorCommand {

    public RestoreCommand() {
        super("restore", "Restore an H2 backup into a new data directory");
    }

    @Override
    public void configure(Subparser subparser) {
        super.configure(subparser);
        subparser.addArgument("--from").dest("from").required(true).metavar("FILE")
                .help("the zip file a backup wrote");
    }

    @Override
    protected void checkArguments(Namespace namespace) {
        H2Backup.requireBackupFile(Path.of(namespace.getString("from")));
    }

    @Override
    protected void execute(Bootstrap<CraftlineConfiguration> bootstrap, Namespace namespace,
                           CraftlineConfiguration configuration) throws Exception {
        DataSourceFactory database = configuration.getDataSourceFactory();
        Path databasePath = H2Backup.databasePath(database.getUrl());
        Path zip = Path.of(namespace.getString("from")).toAbsolutePath();
        H2Backup.restore(zip, databasePath);
        long tasks;
        try (Connection connection = DriverManager.getConnection(database.getUrl(), database.getUser(),
                database.getPassword());
             ResultSet count = connection.createStatement().executeQuery("SELECT COUNT(*) FROM tasks")) {
            count.next();
            tasks = count.getLong(1);
        } catch (SQLException unreadable) {
            // Leave no database behind that the server would start on and fail.
            Files.deleteIfExists(databasePath.resolveSibling(databasePath.getFileName() + H2Backup.FILE_ENDING));
            throw new UsageException(zip + " does not open as a Craftline database: "
                    + unreadable.getMessage().lines().findFirst().orElse(""));
        }
        System.out.println("Restored " + zip + " into " + databasePath + H2Backup.FILE_ENDING + " (" + tasks
                + (tasks == 1 ? " task" : " tasks") + "). Start the server with this configuration to use it.");
    }
}
