package nl.orgcoach.organisation.importing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.orgcoach.organisation.ImportKind;
import nl.orgcoach.organisation.ImportResult;
import nl.orgcoach.organisation.SettingKind;
import nl.orgcoach.organisation.importing.CsvFile.Row;
import nl.orgcoach.platform.CsvSafety;

/**
 * settings.csv: settings (gremia), their kind, unit and members. When the file has a members
 * column, it replaces each listed setting's members; without it, members are left alone.
 */
final class SettingImport extends KindImport {

  private record Existing(UUID id, String name, String kind, UUID unit) {}

  private record Incoming(
      int line, String id, String name, String kind, String unit, Set<String> members) {}

  SettingImport(CsvFile file, Db db) {
    super(file, db);
  }

  @Override
  ImportResult run() {
    Map<String, UUID> units = ids("unit");
    Map<String, UUID> people = ids("person");
    Map<String, Existing> existing = new HashMap<>();
    db.jdbc.query(
        "SELECT id, external_id, name, kind, unit_id FROM setting WHERE client_id = ?",
        rs -> {
          existing.put(
              rs.getString(2),
              new Existing(
                  rs.getObject(1, UUID.class),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getObject(5, UUID.class)));
        },
        db.client);
    Map<UUID, Set<UUID>> members = new HashMap<>();
    db.jdbc.query(
        "SELECT setting_id, person_id FROM setting_member WHERE client_id = ?",
        rs -> {
          members
              .computeIfAbsent(rs.getObject(1, UUID.class), k -> new java.util.HashSet<>())
              .add(rs.getObject(2, UUID.class));
        },
        db.client);

    Map<String, Incoming> incoming = new LinkedHashMap<>();
    for (Row row : file.rows()) {
      String id = required(row, "setting_id");
      String name = required(row, "name");
      String kind = required(row, "kind");
      String unit = optional(row, "unit_id");
      String memberList = optional(row, "members");
      if (kind != null) {
        String normal = kind.toUpperCase(Locale.ROOT).replace(' ', '_');
        if (Arrays.stream(SettingKind.values()).noneMatch(k -> k.name().equals(normal))) {
          problems.add(
              row.line(), "kind", "import.setting.kind", CsvFile.abbreviate(kind), kinds());
        }
        kind = normal;
      }
      if (unit != null && !units.containsKey(unit)) {
        problems.add(row.line(), "unit_id", "import.unit.unknown", unit);
      }
      Set<String> listed = new LinkedHashSet<>();
      if (memberList != null) {
        for (String m : memberList.split("\\|")) {
          String member = m.strip();
          if (member.isEmpty()) {
            continue;
          }
          if (CsvSafety.looksLikeFormula(member)) {
            problems.add(row.line(), "members", "import.value.formula", CsvFile.abbreviate(member));
          } else if (!people.containsKey(member)) {
            problems.add(
                row.line(), "members", "import.member.unknown", CsvFile.abbreviate(member));
          } else {
            listed.add(member);
          }
        }
      }
      if (id == null) {
        continue;
      }
      Incoming before = incoming.get(id);
      if (before != null) {
        problems.add(row.line(), "setting_id", "import.id.duplicate", id, before.line());
        continue;
      }
      incoming.put(id, new Incoming(row.line(), id, name, kind, unit, listed));
    }
    problems.throwIfAny();

    boolean replaceMembers = file.has("members");
    Map<String, UUID> idOf = new HashMap<>();
    List<Incoming> inserts = new ArrayList<>();
    List<Existing> updates = new ArrayList<>();
    List<UUID> replaced = new ArrayList<>();
    List<UUID[]> memberRows = new ArrayList<>();
    for (Incoming s : incoming.values()) {
      Existing e = existing.get(s.id());
      UUID id = e == null ? UUID.randomUUID() : e.id();
      idOf.put(s.id(), id);
      Set<UUID> wanted = new LinkedHashSet<>();
      s.members().forEach(m -> wanted.add(people.get(m)));
      boolean membersChanged = replaceMembers && !wanted.equals(members.getOrDefault(id, Set.of()));
      if (membersChanged) {
        if (e != null) {
          replaced.add(id);
        }
        wanted.forEach(p -> memberRows.add(new UUID[] {id, p}));
      }
      if (e == null) {
        inserts.add(s);
        continue;
      }
      UUID unit = file.has("unit_id") ? (s.unit() == null ? null : units.get(s.unit())) : e.unit();
      Existing after = new Existing(e.id(), s.name(), s.kind(), unit);
      if (after.equals(e) && !membersChanged) {
        unchanged++;
      } else {
        // A change of members alone also counts as an update of the setting.
        updates.add(after);
      }
    }
    db.skipped(unchanged);
    db.batch(
        "INSERT INTO setting (id, client_id, external_id, name, kind, unit_id) VALUES (?, ?, ?, ?, ?, ?)",
        inserts,
        (ps, s) -> {
          Db.uuid(ps, 1, idOf.get(s.id()));
          Db.uuid(ps, 2, db.client);
          Db.text(ps, 3, s.id());
          Db.text(ps, 4, s.name());
          Db.text(ps, 5, s.kind());
          Db.uuid(ps, 6, s.unit() == null ? null : units.get(s.unit()));
        });
    db.batch(
        "UPDATE setting SET name = ?, kind = ?, unit_id = ? WHERE id = ? AND client_id = ?",
        updates,
        (ps, s) -> {
          Db.text(ps, 1, s.name());
          Db.text(ps, 2, s.kind());
          Db.uuid(ps, 3, s.unit());
          Db.uuid(ps, 4, s.id());
          Db.uuid(ps, 5, db.client);
        });
    db.batch(
        "DELETE FROM setting_member WHERE setting_id = ? AND client_id = ?",
        replaced,
        (ps, id) -> {
          Db.uuid(ps, 1, id);
          Db.uuid(ps, 2, db.client);
        },
        false);
    db.batch(
        "INSERT INTO setting_member (setting_id, person_id, client_id) VALUES (?, ?, ?)",
        memberRows,
        (ps, m) -> {
          Db.uuid(ps, 1, m[0]);
          Db.uuid(ps, 2, m[1]);
          Db.uuid(ps, 3, db.client);
        },
        false);
    created = inserts.size();
    updated = updates.size();
    return result(ImportKind.SETTINGS);
  }

  private static String kinds() {
    return String.join(", ", Arrays.stream(SettingKind.values()).map(Enum::name).toList());
  }
}
