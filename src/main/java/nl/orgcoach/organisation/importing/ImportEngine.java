package nl.orgcoach.organisation.importing;

import java.io.InputStream;
import nl.orgcoach.access.AuditLog;
import nl.orgcoach.access.AuditType;
import nl.orgcoach.access.ClientScope;
import nl.orgcoach.organisation.ImportKind;
import nl.orgcoach.organisation.ImportResult;
import nl.orgcoach.organisation.StructureImported;
import nl.orgcoach.organisation.history.PersonHistory;
import nl.orgcoach.platform.DatabaseKind;
import nl.orgcoach.platform.UserError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs one import: read and check the file, then, in a single transaction, check every row against
 * the client's data and write all of it, or nothing (see docs/adr/0004-import-all-or-nothing.md).
 * The transaction starts by locking the client's row, so two imports for one client run one after
 * the other and each validates against what the other wrote.
 */
@Service
public class ImportEngine {

  private static final Logger log = LoggerFactory.getLogger(ImportEngine.class);

  private final JdbcTemplate jdbc;
  private final TransactionTemplate tx;
  private final ApplicationEventPublisher events;
  private final AuditLog audit;
  private final PersonHistory history;
  private final DatabaseKind database;

  ImportEngine(
      JdbcTemplate jdbc,
      PlatformTransactionManager transactions,
      ApplicationEventPublisher events,
      AuditLog audit,
      PersonHistory history,
      DatabaseKind database) {
    this.jdbc = jdbc;
    this.database = database;
    this.history = history;
    this.tx = new TransactionTemplate(transactions);
    this.events = events;
    this.audit = audit;
  }

  /** Imports synchronously; throws a {@link UserError} listing the problems if the file is bad. */
  public ImportResult run(ClientScope scope, ImportKind kind, InputStream csv, String fileName) {
    return run(scope, kind, csv, fileName, Progress.NONE);
  }

  ImportResult run(
      ClientScope scope, ImportKind kind, InputStream csv, String fileName, Progress progress) {
    String what = kind + (fileName == null || fileName.isBlank() ? "" : " " + fileName);
    long started = System.nanoTime();
    try {
      progress.phase(Progress.Phase.READING, 0);
      CsvFile file = CsvFile.read(kind, csv);
      progress.phase(Progress.Phase.VALIDATING, file.rows().size());
      ImportResult result =
          tx.execute(
              status -> {
                jdbc.queryForList(lockClient(), scope.id());
                Db db =
                    new Db(jdbc, scope.id(), progressAfterValidation(progress, file.rows().size()));
                ImportResult r =
                    switch (kind) {
                      case UNITS -> new UnitImport(file, db).run();
                      case PEOPLE -> new PersonImport(file, db, history).run();
                      case SETTINGS -> new SettingImport(file, db).run();
                      case INTERDEPENDENCIES -> new InterdependencyImport(file, db).run();
                    };
                // Published inside the transaction: listeners run after it commits.
                events.publishEvent(new StructureImported(scope.clientId(), scope.actor(), r));
                return r;
              });
      progress.phase(Progress.Phase.DONE, result.rows());
      log.info(
          "Imported {} for client {}: {} rows ({} created, {} updated, {} unchanged) in {} ms",
          what,
          scope.id(),
          result.rows(),
          result.created(),
          result.updated(),
          result.unchanged(),
          (System.nanoTime() - started) / 1_000_000);
      audit.recordAs(
          scope.actor(),
          AuditType.IMPORT_SUCCEEDED,
          scope.clientId(),
          what
              + ": "
              + result.rows()
              + " rows, "
              + result.created()
              + " created, "
              + result.updated()
              + " updated, "
              + result.unchanged()
              + " unchanged");
      return result;
    } catch (UserError e) {
      audit.recordAs(
          scope.actor(), AuditType.IMPORT_FAILED, scope.clientId(), what + ": " + summary(e));
      throw e;
    } catch (DataIntegrityViolationException e) {
      // Only possible if someone changed the structure by hand between our reads and writes.
      log.warn("Import {} for client {} conflicted with a concurrent change", what, scope.id(), e);
      audit.recordAs(scope.actor(), AuditType.IMPORT_FAILED, scope.clientId(), what + ": conflict");
      throw Problems.fileProblem(null, null, "import.conflict");
    }
  }

  /**
   * Locks the client's row for the length of the import. On PostgreSQL "no key update", so that
   * inserts elsewhere that refer to the client (audit entries, import jobs) are not held up by it.
   */
  private String lockClient() {
    return "SELECT id FROM client WHERE id = ? "
        + (database.postgres() ? "FOR NO KEY UPDATE" : "FOR UPDATE");
  }

  /** Switches the job to the writing phase when the first row is written. */
  private static Progress progressAfterValidation(Progress progress, int total) {
    return new Progress() {
      boolean writing;

      @Override
      public void phase(Phase phase, int t) {
        progress.phase(phase, t);
      }

      @Override
      public void rowsDone(int done) {
        if (!writing) {
          writing = true;
          progress.phase(Phase.WRITING, total);
        }
        progress.rowsDone(done);
      }
    };
  }

  private static String summary(UserError e) {
    Object[] args = e.args();
    String count = args.length > 0 ? String.valueOf(args[0]) : "?";
    String first =
        e.details().isEmpty()
            ? e.messageKey()
            : e.details().get(0).messageKey()
                + (e.details().get(0).line() == null
                    ? ""
                    : " at line " + e.details().get(0).line());
    return count + " problem(s), first: " + first;
  }
}
