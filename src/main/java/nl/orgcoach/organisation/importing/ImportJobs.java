package nl.orgcoach.organisation.importing;

import java.io.ByteArrayInputStream;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import nl.orgcoach.access.ClientScope;
import nl.orgcoach.organisation.ImportKind;
import nl.orgcoach.organisation.ImportResult;
import nl.orgcoach.platform.NotFoundException;
import nl.orgcoach.platform.UserError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports started from the web UI run in the background, so that a large file gets a progress bar
 * instead of a browser timeout. Jobs live in {@code import_job}: progress is written there in short
 * transactions of its own (the import's own transaction is invisible until it commits), so any node
 * can show it. Each node runs {@code orgcoach.imports.workers} imports at a time (default one: an
 * import is heavy on the database) and queues a few more; beyond that it refuses.
 */
@Service
class ImportJobs implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);
  static final int QUEUE = 4;
  private static final int OUTCOME_MAX = 100_000;
  private static final java.time.Duration ABANDONED = java.time.Duration.ofHours(2);

  enum Status {
    QUEUED,
    RUNNING,
    SUCCEEDED,
    FAILED
  }

  /** A job as pages show it. */
  public record Job(
      UUID id,
      ImportKind kind,
      String fileName,
      Status status,
      Progress.Phase phase,
      int rowsTotal,
      int rowsDone,
      String createdBy,
      OffsetDateTime createdAt,
      OffsetDateTime finishedAt,
      Outcome outcome) {

    public boolean finished() {
      return status == Status.SUCCEEDED || status == Status.FAILED;
    }

    public int percent() {
      return rowsTotal <= 0 ? 0 : (int) Math.min(100, 100L * rowsDone / rowsTotal);
    }
  }

  /** What a finished job left: the result, or the error and its problems as message keys. */
  public record Outcome(
      ImportResult result, String error, List<String> args, List<StoredProblem> problems) {}

  public record StoredProblem(Integer line, String field, String code, List<String> args) {}

  private final ImportEngine engine;
  private final JdbcClient jdbc;
  private final TransactionTemplate separate;
  private final JsonMapper json;
  private final ThreadPoolExecutor executor;

  ImportJobs(
      ImportEngine engine,
      JdbcClient jdbc,
      PlatformTransactionManager transactions,
      JsonMapper json,
      @Value("${orgcoach.imports.workers:1}") int workers) {
    this.engine = engine;
    this.jdbc = jdbc;
    this.separate = new TransactionTemplate(transactions);
    this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.json = json;
    AtomicInteger n = new AtomicInteger();
    this.executor =
        new ThreadPoolExecutor(
            workers,
            workers,
            0,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(QUEUE),
            r -> {
              Thread t = new Thread(r, "import-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  /** Queues an import of an uploaded file and answers its job id at once. */
  UUID start(ClientScope scope, ImportKind kind, byte[] bytes, String fileName) {
    UUID id = UUID.randomUUID();
    separate.executeWithoutResult(
        s ->
            jdbc.sql(
                    """
                    INSERT INTO import_job (id, client_id, kind, file_name, status, phase, rows_total, rows_done,
                                            created_by, created_at)
                    VALUES (:id, :client, :kind, :file, 'QUEUED', 'QUEUED', 0, 0, :by, :now)
                    """)
                .param("id", id)
                .param("client", scope.id())
                .param("kind", kind.name())
                .param("file", fileName == null ? null : truncate(fileName, 255))
                .param("by", truncate(scope.actor(), 254))
                .param("now", OffsetDateTime.now(ZoneOffset.UTC))
                .update());
    try {
      executor.execute(() -> run(scope, id, kind, bytes, fileName));
    } catch (RejectedExecutionException e) {
      finish(id, Status.FAILED, new Outcome(null, "import.queue.full", List.of(), List.of()));
      throw new UserError("import.queue.full");
    }
    return id;
  }

  private void run(ClientScope scope, UUID id, ImportKind kind, byte[] bytes, String fileName) {
    update(id, "UPDATE import_job SET status = 'RUNNING' WHERE id = :id", 0, null);
    try {
      ImportResult result =
          engine.run(scope, kind, new ByteArrayInputStream(bytes), fileName, new JobProgress(id));
      finish(id, Status.SUCCEEDED, new Outcome(result, null, List.of(), List.of()));
    } catch (UserError e) {
      List<StoredProblem> problems =
          e.details().stream()
              .map(p -> new StoredProblem(p.line(), p.field(), p.messageKey(), p.args()))
              .toList();
      List<String> args = new ArrayList<>();
      for (Object a : e.args()) {
        args.add(String.valueOf(a));
      }
      finish(id, Status.FAILED, new Outcome(null, e.messageKey(), args, problems));
    } catch (RuntimeException e) {
      log.error("Import job {} failed unexpectedly", id, e);
      finish(id, Status.FAILED, new Outcome(null, "import.unexpected", List.of(), List.of()));
    }
  }

  Job get(ClientScope scope, UUID id) {
    return jdbc.sql(SELECT + " WHERE client_id = :client AND id = :id")
        .param("client", scope.id())
        .param("id", id)
        .query((rs, i) -> map(rs))
        .optional()
        .orElseThrow(() -> new NotFoundException("import job"));
  }

  List<Job> recent(ClientScope scope, int limit) {
    return jdbc.sql(
            SELECT
                + " WHERE client_id = :client ORDER BY created_at DESC FETCH FIRST :limit ROWS ONLY")
        .param("client", scope.id())
        .param("limit", limit)
        .query((rs, i) -> map(rs))
        .list();
  }

  private static final String SELECT =
      """
      SELECT id, kind, file_name, status, phase, rows_total, rows_done, created_by, created_at, finished_at, outcome
      FROM import_job
      """;

  private Job map(java.sql.ResultSet rs) throws java.sql.SQLException {
    String outcome = rs.getString("outcome");
    String phase = rs.getString("phase");
    Status status = Status.valueOf(rs.getString("status"));
    OffsetDateTime created = rs.getObject("created_at", OffsetDateTime.class);
    if ((status == Status.QUEUED || status == Status.RUNNING)
        && created.isBefore(OffsetDateTime.now(ZoneOffset.UTC).minus(ABANDONED))) {
      // Its node stopped while it ran or waited (imports take seconds, not hours); its transaction
      // was rolled back with it, so nothing was written.
      return new Job(
          rs.getObject("id", UUID.class),
          ImportKind.valueOf(rs.getString("kind")),
          rs.getString("file_name"),
          Status.FAILED,
          Progress.Phase.DONE,
          rs.getInt("rows_total"),
          rs.getInt("rows_done"),
          rs.getString("created_by"),
          created,
          null,
          new Outcome(null, "import.interrupted", List.of(), List.of()));
    }
    return new Job(
        rs.getObject("id", UUID.class),
        ImportKind.valueOf(rs.getString("kind")),
        rs.getString("file_name"),
        status,
        phase == null ? null : Progress.Phase.valueOf(phase),
        rs.getInt("rows_total"),
        rs.getInt("rows_done"),
        rs.getString("created_by"),
        created,
        rs.getObject("finished_at", OffsetDateTime.class),
        outcome == null ? null : json.readValue(outcome, Outcome.class));
  }

  private void finish(UUID id, Status status, Outcome outcome) {
    String text = json.writeValueAsString(outcome);
    if (text.length() > OUTCOME_MAX) {
      // Cannot happen with the capped problem list, but a column overflow must not lose the status.
      text =
          json.writeValueAsString(
              new Outcome(outcome.result(), outcome.error(), outcome.args(), List.of()));
    }
    String stored = text;
    try {
      separate.executeWithoutResult(
          s ->
              jdbc.sql(
                      """
                      UPDATE import_job SET status = :status, phase = 'DONE', outcome = :outcome, finished_at = :now,
                             rows_done = CASE WHEN :ok THEN rows_total ELSE rows_done END
                      WHERE id = :id
                      """)
                  .param("status", status.name())
                  .param("outcome", stored)
                  .param("now", OffsetDateTime.now(ZoneOffset.UTC))
                  .param("ok", status == Status.SUCCEEDED)
                  .param("id", id)
                  .update());
    } catch (RuntimeException e) {
      log.error("Could not record the end of import job {}", id, e);
    }
  }

  private void update(UUID id, String sql, int number, String text) {
    try {
      separate.executeWithoutResult(
          s -> {
            var statement = jdbc.sql(sql).param("id", id);
            if (sql.contains(":n")) {
              statement = statement.param("n", number);
            }
            if (sql.contains(":t")) {
              statement = statement.param("t", text);
            }
            statement.update();
          });
    } catch (RuntimeException e) {
      // Progress is a courtesy: it must never break the import itself.
      log.warn("Could not record progress of import job {}: {}", id, e.getMessage());
    }
  }

  /**
   * Writes progress at phase changes and every few thousand rows, never more than twice a second.
   */
  private final class JobProgress implements Progress {

    private final UUID id;
    private int reported;
    private long reportedAt;

    JobProgress(UUID id) {
      this.id = id;
    }

    @Override
    public void phase(Phase phase, int total) {
      update(
          id,
          "UPDATE import_job SET phase = :t, rows_total = :n WHERE id = :id",
          total,
          phase.name());
      reportedAt = System.nanoTime();
    }

    @Override
    public void rowsDone(int done) {
      long now = System.nanoTime();
      if (done - reported >= 5000 || now - reportedAt >= 500_000_000L) {
        update(id, "UPDATE import_job SET rows_done = :n WHERE id = :id", done, null);
        reported = done;
        reportedAt = now;
      }
    }
  }

  @Override
  public void destroy() {
    executor.shutdownNow();
  }

  private static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }
}
