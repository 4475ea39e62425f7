package nl.orgcoach.bench;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Rows of one table for a benchmark generator, written in chunks while they are made: COPY (CSV) on
 * PostgreSQL, JDBC batches elsewhere (H2). The caller flushes (in foreign-key order when tables
 * refer to each other), so that millions of rows never sit in memory at once; rows that refer to
 * each other within one table must be added in order (a foreign key is checked row by row).
 */
final class BulkRows {

  private final Connection c;
  private final String table;
  private final String columns;
  private final int width;
  private final CopyManager copy;
  private final List<Object[]> rows = new ArrayList<>();
  private long written;

  BulkRows(Connection c, String table, String columns) throws SQLException {
    this.c = c;
    this.table = table;
    this.columns = columns;
    this.width = columns.split(",").length;
    this.copy = postgres(c) ? c.unwrap(PGConnection.class).getCopyAPI() : null;
  }

  static boolean postgres(Connection c) throws SQLException {
    return c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
  }

  BulkRows add(Object... values) {
    if (values.length != width) {
      throw new IllegalArgumentException(table + ": " + values.length + " values for " + width);
    }
    rows.add(values);
    return this;
  }

  /** Rows added and not yet written. */
  int pending() {
    return rows.size();
  }

  /** Rows written so far (after a last {@link #flush()}: all of them). */
  long written() {
    return written;
  }

  void flush() throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    if (copy != null) {
      copy();
    } else {
      batch();
    }
    written += rows.size();
    rows.clear();
  }

  private void copy() throws SQLException {
    StringBuilder sb = new StringBuilder(rows.size() * 100);
    for (Object[] row : rows) {
      csvLine(sb, row);
    }
    try {
      copy.copyIn(
          "COPY " + table + " (" + columns + ") FROM STDIN WITH (FORMAT csv)",
          new StringReader(sb.toString()));
    } catch (IOException e) {
      throw new SQLException(e);
    }
  }

  /**
   * Appends one line of COPY's CSV: strings quoted (so an empty string stays one), null as nothing
   * (NULL).
   */
  static void csvLine(StringBuilder sb, Object... values) {
    for (int k = 0; k < values.length; k++) {
      if (k > 0) {
        sb.append(',');
      }
      Object v = values[k];
      if (v instanceof String s) {
        sb.append('"').append(s.replace("\"", "\"\"")).append('"');
      } else if (v != null) {
        sb.append(v);
      }
    }
    sb.append('\n');
  }

  private void batch() throws SQLException {
    String marks = String.join(", ", Collections.nCopies(width, "?"));
    try (PreparedStatement s =
        c.prepareStatement("INSERT INTO " + table + " (" + columns + ") VALUES (" + marks + ")")) {
      int n = 0;
      for (Object[] row : rows) {
        for (int k = 0; k < width; k++) {
          s.setObject(k + 1, row[k]);
        }
        s.addBatch();
        if (++n % 5_000 == 0) {
          s.executeBatch();
        }
      }
      s.executeBatch();
    }
  }
}
