package nl.orgcoach.organisation.importing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.orgcoach.organisation.ImportKind;
import nl.orgcoach.organisation.ImportResult;
import nl.orgcoach.organisation.importing.CsvFile.Row;

/** interdependencies.csv: one row per ordered pair of (already imported) units. */
final class InterdependencyImport extends KindImport {

  private record Pair(UUID from, UUID to) {}

  private record Existing(UUID id, String description, int strength) {}

  private record Incoming(int line, Pair pair, String description, int strength) {}

  InterdependencyImport(CsvFile file, Db db) {
    super(file, db);
  }

  @Override
  ImportResult run() {
    Map<String, UUID> units = ids("unit");
    Map<Pair, Existing> existing = new HashMap<>();
    db.jdbc.query(
        "SELECT id, from_unit_id, to_unit_id, description, strength FROM interdependency WHERE client_id = ?",
        rs -> {
          existing.put(
              new Pair(rs.getObject(2, UUID.class), rs.getObject(3, UUID.class)),
              new Existing(rs.getObject(1, UUID.class), rs.getString(4), rs.getInt(5)));
        },
        db.client);

    Map<Pair, Incoming> incoming = new LinkedHashMap<>();
    for (Row row : file.rows()) {
      String from = required(row, "from_unit_id");
      String to = required(row, "to_unit_id");
      String description = required(row, "description");
      String rawStrength = file.cell(row, "strength");
      int strength = 0;
      if (rawStrength.isEmpty()) {
        problems.add(row.line(), "strength", "import.value.required");
      } else if (!rawStrength.matches("[123]")) {
        problems.add(
            row.line(), "strength", "import.strength.invalid", CsvFile.abbreviate(rawStrength));
      } else {
        strength = Integer.parseInt(rawStrength);
      }
      boolean known = true;
      if (from != null && !units.containsKey(from)) {
        problems.add(row.line(), "from_unit_id", "import.unit.unknown", from);
        known = false;
      }
      if (to != null && !units.containsKey(to)) {
        problems.add(row.line(), "to_unit_id", "import.unit.unknown", to);
        known = false;
      }
      if (from == null || to == null || !known) {
        continue;
      }
      if (from.equals(to)) {
        problems.add(row.line(), "to_unit_id", "import.interdependency.self");
        continue;
      }
      Pair pair = new Pair(units.get(from), units.get(to));
      Incoming before = incoming.get(pair);
      if (before != null) {
        problems.add(
            row.line(), "to_unit_id", "import.interdependency.duplicate", from, to, before.line());
        continue;
      }
      incoming.put(pair, new Incoming(row.line(), pair, description, strength));
    }
    problems.throwIfAny();

    List<Incoming> inserts = new ArrayList<>();
    List<Incoming> updates = new ArrayList<>();
    Map<Pair, UUID> idOf = new HashMap<>();
    for (Incoming i : incoming.values()) {
      Existing e = existing.get(i.pair());
      if (e == null) {
        idOf.put(i.pair(), UUID.randomUUID());
        inserts.add(i);
      } else if (e.description().equals(i.description()) && e.strength() == i.strength()) {
        unchanged++;
      } else {
        idOf.put(i.pair(), e.id());
        updates.add(i);
      }
    }
    db.skipped(unchanged);
    db.batch(
        """
        INSERT INTO interdependency (id, client_id, from_unit_id, to_unit_id, description, strength)
        VALUES (?, ?, ?, ?, ?, ?)
        """,
        inserts,
        (ps, i) -> {
          Db.uuid(ps, 1, idOf.get(i.pair()));
          Db.uuid(ps, 2, db.client);
          Db.uuid(ps, 3, i.pair().from());
          Db.uuid(ps, 4, i.pair().to());
          Db.text(ps, 5, i.description());
          ps.setInt(6, i.strength());
        });
    db.batch(
        "UPDATE interdependency SET description = ?, strength = ? WHERE id = ? AND client_id = ?",
        updates,
        (ps, i) -> {
          Db.text(ps, 1, i.description());
          ps.setInt(2, i.strength());
          Db.uuid(ps, 3, idOf.get(i.pair()));
          Db.uuid(ps, 4, db.client);
        });
    created = inserts.size();
    updated = updates.size();
    return result(ImportKind.INTERDEPENDENCIES);
  }
}
