package nl.orgcoach.organisation.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import nl.orgcoach.access.AccessAdministration;
import nl.orgcoach.access.ClientScope;
import nl.orgcoach.organisation.ImportKind;
import nl.orgcoach.organisation.ImportResult;
import nl.orgcoach.platform.NotFoundException;
import nl.orgcoach.support.CsvBuilder;
import nl.orgcoach.support.IntegrationTest;
import nl.orgcoach.support.StructureCounts;
import nl.orgcoach.support.TestClients;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
@AutoConfigureMockMvc
class ImportJobsTest {

  @Autowired ImportJobs jobs;
  @Autowired AccessAdministration admin;
  @Autowired JdbcClient jdbc;

  ClientScope scope;

  @BeforeEach
  void newClient() {
    scope = TestClients.scope(admin, "Jobs");
  }

  ImportJobs.Job waitFor(UUID id) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    ImportJobs.Job job = jobs.get(scope, id);
    while (!job.finished() && System.nanoTime() < deadline) {
      Thread.sleep(50);
      job = jobs.get(scope, id);
    }
    return job;
  }

  @Test
  void aLargeFileRecordsItsProgressAndResult() throws Exception {
    CsvBuilder units = CsvBuilder.units();
    for (int i = 0; i < 12_000; i++) {
      units.row("U" + i, "Eenheid " + i, i == 0 ? "" : "U" + ((i - 1) / 4), "");
    }
    UUID id = jobs.start(scope, ImportKind.UNITS, units.bytes(), "units.csv");
    ImportJobs.Job job = waitFor(id);
    assertThat(job.status()).isEqualTo(ImportJobs.Status.SUCCEEDED);
    assertThat(job.rowsTotal()).isEqualTo(12_000);
    assertThat(job.rowsDone()).isEqualTo(12_000);
    assertThat(job.percent()).isEqualTo(100);
    assertThat(job.finishedAt()).isNotNull();
    assertThat(job.outcome().result())
        .isEqualTo(new ImportResult(ImportKind.UNITS, 12_000, 12_000, 0, 0));
    assertThat(jobs.recent(scope, 5)).extracting(ImportJobs.Job::id).containsExactly(id);
  }

  @Test
  void aBadFileStoresItsProblemsAsMessageKeys() throws Exception {
    byte[] csv = CsvBuilder.units().row("U1", "Top", "U1", "").row("U2", "", "", "").bytes();
    ImportJobs.Job job = waitFor(jobs.start(scope, ImportKind.UNITS, csv, "units.csv"));
    assertThat(job.status()).isEqualTo(ImportJobs.Status.FAILED);
    assertThat(job.outcome().error()).isEqualTo("import.failed");
    assertThat(job.outcome().args()).containsExactly("2");
    assertThat(job.outcome().problems())
        .extracting(ImportJobs.StoredProblem::line, ImportJobs.StoredProblem::code)
        .containsExactly(
            org.assertj.core.api.Assertions.tuple(2, "import.unit.ownParent"),
            org.assertj.core.api.Assertions.tuple(3, "import.value.required"));
    assertThat(StructureCounts.of(jdbc, scope.id())).containsEntry("unit", 0);
  }

  @Test
  void jobsOfOtherClientsDoNotExistAndAbandonedJobsShowAsInterrupted() {
    UUID id = UUID.randomUUID();
    jdbc.sql(
            """
            INSERT INTO import_job (id, client_id, kind, file_name, status, phase, rows_total, rows_done, created_by, created_at)
            VALUES (:id, :c, 'PEOPLE', 'p.csv', 'RUNNING', 'WRITING', 10, 5, 'x', :at)
            """)
        .param("id", id)
        .param("c", scope.id())
        .param("at", OffsetDateTime.now(ZoneOffset.UTC).minusHours(3))
        .update();
    ImportJobs.Job job = jobs.get(scope, id);
    assertThat(job.finished()).isTrue();
    assertThat(job.outcome().error()).isEqualTo("import.interrupted");
    ClientScope other = TestClients.scope(admin, "Jobs other");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> jobs.get(other, id))
        .isInstanceOf(NotFoundException.class);
    assertThat(jobs.recent(other, 5)).isEmpty();
  }
}
