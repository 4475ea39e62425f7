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

/** units.csv: the unit tree. A parent may be in the file or already imported. */
final class UnitImport extends KindImport {

  private record Existing(UUID id, String name, String kind, UUID parent) {}

  private record Incoming(int line, String id, String name, String kind, String parent) {}

  UnitImport(CsvFile file, Db db) {
    super(file, db);
  }

  @Override
  ImportResult run() {
    Map<String, Existing> existing = new HashMap<>();
    Map<UUID, String> externalOf = new HashMap<>();
    db.jdbc.query(
        "SELECT id, external_id, name, kind, parent_id FROM unit WHERE client_id = ?",
        rs -> {
          UUID id = rs.getObject(1, UUID.class);
          existing.put(
              rs.getString(2),
              new Existing(id, rs.getString(3), rs.getString(4), rs.getObject(5, UUID.class)));
          externalOf.put(id, rs.getString(2));
        },
        db.client);

    Map<String, Incoming> incoming = new LinkedHashMap<>();
    for (Row row : file.rows()) {
      String id = required(row, "unit_id");
      String name = required(row, "name");
      String parent = optional(row, "parent_id");
      String kind = optional(row, "kind");
      if (id == null) {
        continue;
      }
      Incoming before = incoming.get(id);
      if (before != null) {
        problems.add(row.line(), "unit_id", "import.id.duplicate", id, before.line());
        continue;
      }
      if (id.equals(parent)) {
        problems.add(row.line(), "parent_id", "import.unit.ownParent");
        parent = null;
      }
      incoming.put(id, new Incoming(row.line(), id, name, kind, parent));
    }
    for (Incoming u : incoming.values()) {
      if (u.parent() != null
          && !incoming.containsKey(u.parent())
          && !existing.containsKey(u.parent())) {
        problems.add(u.line(), "parent_id", "import.unit.parentUnknown", u.parent());
      }
    }
    // The tree as it would be after the import: the file's rows over the existing ones.
    java.util.function.Function<String, String> parentOf =
        id -> {
          Incoming u = incoming.get(id);
          if (u != null) {
            return u.parent();
          }
          Existing e = existing.get(id);
          return e == null || e.parent() == null ? null : externalOf.get(e.parent());
        };
    for (List<String> cycle : Hierarchy.cycles(incoming.keySet(), parentOf)) {
      for (String id : cycle) {
        Incoming u = incoming.get(id);
        if (u != null) {
          problems.add(u.line(), "parent_id", "import.unit.cycle", path(cycle));
        }
      }
    }
    problems.throwIfAny();

    Map<String, UUID> idOf = new HashMap<>();
    existing.forEach((ext, e) -> idOf.put(ext, e.id()));
    List<String> fresh = new ArrayList<>();
    for (Incoming u : incoming.values()) {
      if (!existing.containsKey(u.id())) {
        idOf.put(u.id(), UUID.randomUUID());
        fresh.add(u.id());
      }
    }
    List<Incoming> inserts = new ArrayList<>();
    for (String id : Hierarchy.topDown(fresh, id -> incoming.get(id).parent())) {
      inserts.add(incoming.get(id));
    }
    record Update(UUID id, String name, String kind, UUID parent) {}
    List<Update> updates = new ArrayList<>();
    for (Incoming u : incoming.values()) {
      Existing e = existing.get(u.id());
      if (e == null) {
        continue;
      }
      String kind = file.has("kind") ? u.kind() : e.kind();
      UUID parent =
          file.has("parent_id") ? (u.parent() == null ? null : idOf.get(u.parent())) : e.parent();
      if (same(u.name(), e.name()) && same(kind, e.kind()) && same(parent, e.parent())) {
        unchanged++;
      } else {
        updates.add(new Update(e.id(), u.name(), kind, parent));
      }
    }
    db.skipped(unchanged);
    db.batch(
        "INSERT INTO unit (id, client_id, external_id, name, kind, parent_id) VALUES (?, ?, ?, ?, ?, ?)",
        inserts,
        (ps, u) -> {
          Db.uuid(ps, 1, idOf.get(u.id()));
          Db.uuid(ps, 2, db.client);
          Db.text(ps, 3, u.id());
          Db.text(ps, 4, u.name());
          Db.text(ps, 5, u.kind());
          Db.uuid(ps, 6, u.parent() == null ? null : idOf.get(u.parent()));
        });
    db.batch(
        "UPDATE unit SET name = ?, kind = ?, parent_id = ? WHERE id = ? AND client_id = ?",
        updates,
        (ps, u) -> {
          Db.text(ps, 1, u.name());
          Db.text(ps, 2, u.kind());
          Db.uuid(ps, 3, u.parent());
          Db.uuid(ps, 4, u.id());
          Db.uuid(ps, 5, db.client);
        });
    created = inserts.size();
    updated = updates.size();
    return result(ImportKind.UNITS);
  }
}
