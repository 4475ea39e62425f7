package nl.orgcoach.organisation.importing;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import nl.orgcoach.organisation.ImportKind;
import nl.orgcoach.organisation.ImportResult;
import nl.orgcoach.organisation.importing.CsvFile.Row;
import nl.orgcoach.platform.CsvSafety;

/**
 * One import of one file: read the client's existing rows in one query per table, check every row
 * (collecting all problems), then write inserts and updates in batches. Subclasses know their
 * columns and tables.
 */
abstract class KindImport {

  final CsvFile file;
  final Db db;
  final Problems problems = new Problems();
  int created;
  int updated;
  int unchanged;

  KindImport(CsvFile file, Db db) {
    this.file = file;
    this.db = db;
  }

  /** Validates and, if the file is good, writes; otherwise throws the report. */
  abstract ImportResult run();

  ImportResult result(ImportKind kind) {
    return new ImportResult(kind, file.rows().size(), created, updated, unchanged);
  }

  /** A required cell, checked; null (with a problem) if it is empty or bad. */
  String required(Row row, String column) {
    String v = file.cell(row, column);
    if (v.isEmpty()) {
      problems.add(row.line(), column, "import.value.required");
      return null;
    }
    return checked(row, column, v);
  }

  /** An optional cell, checked; null if it is empty or bad. */
  String optional(Row row, String column) {
    String v = file.cell(row, column);
    return v.isEmpty() ? null : checked(row, column, v);
  }

  private String checked(Row row, String column, String v) {
    if (CsvSafety.looksLikeFormula(v)) {
      problems.add(row.line(), column, "import.value.formula", CsvFile.abbreviate(v));
      return null;
    }
    int max = Columns.column(file.kind(), column).maxLength();
    if (v.length() > max) {
      problems.add(row.line(), column, "import.value.tooLong", max);
      return null;
    }
    return v;
  }

  /** External id to internal id of the client's rows in a table with an external_id column. */
  Map<String, UUID> ids(String table) {
    Map<String, UUID> ids = new HashMap<>();
    db.jdbc.query(
        "SELECT id, external_id FROM " + table + " WHERE client_id = ?",
        rs -> {
          ids.put(rs.getString(2), rs.getObject(1, UUID.class));
        },
        db.client);
    return ids;
  }

  /** A cycle as text for the report: a → b → c → a, shortened when long. */
  static String path(java.util.List<String> cycle) {
    StringBuilder sb = new StringBuilder();
    int shown = Math.min(cycle.size(), 8);
    for (int i = 0; i < shown; i++) {
      sb.append(cycle.get(i)).append(" → ");
    }
    if (shown < cycle.size()) {
      sb.append("… → ");
    }
    return sb.append(cycle.get(0)).toString();
  }

  static boolean same(Object a, Object b) {
    return a == null ? b == null : a.equals(b);
  }
}
