package org.craftline.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.codahale.metrics.MetricRegistry;
import io.dropwizard.db.DataSourceFactory;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.craftline.db.Migrations;
import org.craftline.db.SqlObjects;
import org.craftline.step.Mode;
import org.craftline.step.Step;
import org.craftline.task.TaskRequest;
import org.craftline.task.TaskService;
import org.craftline.values.Clocks;
import org.craftline.worker.CreateWorkerRequest;
import org.craftline.worker.WorkerDao;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * docs/security.md promises that an instance on a read-only replica publishes nothing and shows due weeks as
 * pending until the primary has published them. An H2 file opened read-only stands in for the
 * replica (it refuses writes as PostgreSQL's hot standby does, with its own SQLSTATE).
 */
class TeamPublisherTest {

    @Test
    void onAReadOnlyDatabase_nothingIsPublished_andDueWeeksWait() throws Exception {
        String url = "jdbc:h2:" + Files.createTempDirectory("replica").resolve("craftline");
        DataSourceFactory database = new DataSourceFactory();
        database.setDriverClass("org.h2.Driver");
        database.setUrl(url);
        database.setUser("sa");
        database.setPassword("");
        Migrations.apply(database, new MetricRegistry());
        Jdbi primary = SqlObjects.install(Jdbi.create(url, "sa", ""));
        WorkerDao workers = primary.onDemand(WorkerDao.class);
        TaskService tasks = new TaskService(primary, Clocks.system());
        for (int i = 0; i < 5; i++) {
            workers.insert(new CreateWorkerRequest("m" + i, "Member " + i, null, null, "env"), Clocks.system().instant());
            tasks.create(workers.findByHandle("m" + i).orElseThrow(), new TaskRequest(null,
                    LocalDate.parse("2024-09-03"), "t", null, List.of(new Step("sculpt", 60, Mode.CRAFT, null, null,
                            null, null))));
        }

        Jdbi replica = SqlObjects.install(Jdbi.create(url + ";ACCESS_MODE_DATA=r", "sa", ""));
        TeamPublisher publisher = new TeamPublisher(replica, Clocks.system(), 5, 14);
        assertThatCode(() -> publisher.publishDue("env")).doesNotThrowAnyException();
        List<Period> week = TeamCalendar.covering(Bucket.WEEK, LocalDate.parse("2024-09-02"),
                LocalDate.parse("2024-09-08"));
        PeriodSummary pending = TeamSeries.read(replica.onDemand(TeamCellDao.class), publisher, "env", Bucket.WEEK,
                week).series().get(0);

        assertThat(pending.pending()).isTrue();
        assertThat(pending.totalMinutes()).isNull();
        assertThat(pending.publishesOn()).isEqualTo(LocalDate.now(ZoneOffset.UTC));
        int publications = replica.withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM team_publications")
                .mapTo(Integer.class).one());
        assertThat(publications).isZero();
    }
}
