package nl.orgcoach.organisation.importing;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ParameterizedPreparedStatementSetter;

/**
 * The writing side of one import: JDBC batches of {@value #BATCH} statements (row-by-row statements
 * are an order of magnitude slower for 100,000 rows), progress counted as they go. Typed setters
 * rather than Spring's guessing, which asks the driver for parameter metadata on every null.
 */
final class Db {

  static final int BATCH = 1000;

  final JdbcTemplate jdbc;
  final UUID client;
  private final Progress progress;
  private int done;

  Db(JdbcTemplate jdbc, UUID client, Progress progress) {
    this.jdbc = jdbc;
    this.client = client;
    this.progress = progress;
  }

  <T> void batch(String sql, List<T> items, ParameterizedPreparedStatementSetter<T> setter) {
    batch(sql, items, setter, true);
  }

  /** {@code counts}: whether these statements are rows of the file (progress) or secondary rows. */
  <T> void batch(
      String sql, List<T> items, ParameterizedPreparedStatementSetter<T> setter, boolean counts) {
    for (int from = 0; from < items.size(); from += BATCH) {
      List<T> chunk = items.subList(from, Math.min(items.size(), from + BATCH));
      jdbc.batchUpdate(sql, chunk, chunk.size(), setter);
      if (counts) {
        done += chunk.size();
        progress.rowsDone(done);
      }
    }
  }

  /** Rows that needed no statement still count as done. */
  void skipped(int rows) {
    done += rows;
    progress.rowsDone(done);
  }

  static void uuid(PreparedStatement ps, int i, UUID value) throws SQLException {
    if (value == null) {
      ps.setNull(i, Types.OTHER);
    } else {
      ps.setObject(i, value);
    }
  }

  static void text(PreparedStatement ps, int i, String value) throws SQLException {
    if (value == null) {
      ps.setNull(i, Types.VARCHAR);
    } else {
      ps.setString(i, value);
    }
  }
}
