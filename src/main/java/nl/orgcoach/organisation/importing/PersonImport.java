package nl.orgcoach.organisation.importing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import nl.orgcoach.organisation.ImportKind;
import nl.orgcoach.organisation.ImportResult;
import nl.orgcoach.organisation.history.PersonHistory;
import nl.orgcoach.organisation.importing.CsvFile.Row;
import nl.orgcoach.platform.EmailAddresses;

/**
 * people.csv: people, their unit (already imported) and their manager (in the file or already
 * imported). Reporting lines may not loop, also not through people imported earlier.
 */
final class PersonImport extends KindImport {

  /** The same rule as for user accounts: something@domain.tld, no spaces. */
  private record Existing(
      UUID id,
      String firstName,
      String lastName,
      String email,
      String jobTitle,
      UUID unit,
      UUID manager) {}

  private record Incoming(
      int line,
      String id,
      String firstName,
      String lastName,
      String email,
      String jobTitle,
      String unit,
      String manager) {}

  private final PersonHistory history;

  PersonImport(CsvFile file, Db db, PersonHistory history) {
    super(file, db);
    this.history = history;
  }

  @Override
  ImportResult run() {
    Map<String, UUID> units = ids("unit");
    Map<String, Existing> existing = new HashMap<>();
    Map<UUID, String> externalOf = new HashMap<>();
    db.jdbc.query(
        """
        SELECT id, external_id, first_name, last_name, email, job_title, unit_id, manager_id
        FROM person WHERE client_id = ?
        """,
        rs -> {
          UUID id = rs.getObject(1, UUID.class);
          existing.put(
              rs.getString(2),
              new Existing(
                  id,
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getString(6),
                  rs.getObject(7, UUID.class),
                  rs.getObject(8, UUID.class)));
          externalOf.put(id, rs.getString(2));
        },
        db.client);

    Map<String, Incoming> incoming = new LinkedHashMap<>();
    for (Row row : file.rows()) {
      String id = required(row, "person_id");
      String first = required(row, "first_name");
      String last = required(row, "last_name");
      String email = optional(row, "email");
      String job = optional(row, "job_title");
      String unit = required(row, "unit_id");
      String manager = optional(row, "manager_id");
      if (email != null && !EmailAddresses.isValid(email)) {
        problems.add(row.line(), "email", "import.email.invalid", CsvFile.abbreviate(email));
      }
      if (unit != null && !units.containsKey(unit)) {
        problems.add(row.line(), "unit_id", "import.unit.unknown", unit);
      }
      if (id == null) {
        continue;
      }
      Incoming before = incoming.get(id);
      if (before != null) {
        problems.add(row.line(), "person_id", "import.id.duplicate", id, before.line());
        continue;
      }
      if (id.equals(manager)) {
        problems.add(row.line(), "manager_id", "import.person.ownManager");
        manager = null;
      }
      incoming.put(id, new Incoming(row.line(), id, first, last, email, job, unit, manager));
    }
    for (Incoming p : incoming.values()) {
      if (p.manager() != null
          && !incoming.containsKey(p.manager())
          && !existing.containsKey(p.manager())) {
        problems.add(p.line(), "manager_id", "import.person.managerUnknown", p.manager());
      }
    }
    // Reporting lines as they would be after the import: the file's rows over the existing ones.
    Function<String, String> managerOf =
        id -> {
          Incoming p = incoming.get(id);
          if (p != null) {
            return p.manager();
          }
          Existing e = existing.get(id);
          return e == null || e.manager() == null ? null : externalOf.get(e.manager());
        };
    for (List<String> cycle : Hierarchy.cycles(incoming.keySet(), managerOf)) {
      for (String id : cycle) {
        Incoming p = incoming.get(id);
        if (p != null) {
          problems.add(p.line(), "manager_id", "import.person.cycle", path(cycle));
        }
      }
    }
    problems.throwIfAny();

    Map<String, UUID> idOf = new HashMap<>();
    existing.forEach((ext, e) -> idOf.put(ext, e.id()));
    List<String> fresh = new ArrayList<>();
    for (Incoming p : incoming.values()) {
      if (!existing.containsKey(p.id())) {
        idOf.put(p.id(), UUID.randomUUID());
        fresh.add(p.id());
      }
    }
    List<Incoming> inserts = new ArrayList<>(fresh.size());
    for (String id : Hierarchy.topDown(fresh, id -> incoming.get(id).manager())) {
      inserts.add(incoming.get(id));
    }
    List<Existing> updates = new ArrayList<>();
    List<UUID> moved = new ArrayList<>();
    for (Incoming p : incoming.values()) {
      Existing e = existing.get(p.id());
      if (e == null) {
        continue;
      }
      // Optional columns missing from the header keep what was there.
      Existing after =
          new Existing(
              e.id(),
              p.firstName(),
              p.lastName(),
              file.has("email") ? p.email() : e.email(),
              file.has("job_title") ? p.jobTitle() : e.jobTitle(),
              units.get(p.unit()),
              file.has("manager_id")
                  ? (p.manager() == null ? null : idOf.get(p.manager()))
                  : e.manager());
      if (after.equals(e)) {
        unchanged++;
      } else {
        updates.add(after);
        if (!Objects.equals(after.unit(), e.unit())
            || !Objects.equals(after.manager(), e.manager())) {
          moved.add(e.id());
        }
      }
    }
    db.skipped(unchanged);
    db.batch(
        """
        INSERT INTO person (id, client_id, external_id, first_name, last_name, email, job_title, unit_id, manager_id)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
        """,
        inserts,
        (ps, p) -> {
          Db.uuid(ps, 1, idOf.get(p.id()));
          Db.uuid(ps, 2, db.client);
          Db.text(ps, 3, p.id());
          Db.text(ps, 4, p.firstName());
          Db.text(ps, 5, p.lastName());
          Db.text(ps, 6, p.email());
          Db.text(ps, 7, p.jobTitle());
          Db.uuid(ps, 8, units.get(p.unit()));
          Db.uuid(ps, 9, p.manager() == null ? null : idOf.get(p.manager()));
        });
    db.batch(
        """
        UPDATE person SET first_name = ?, last_name = ?, email = ?, job_title = ?, unit_id = ?, manager_id = ?
        WHERE id = ? AND client_id = ?
        """,
        updates,
        (ps, p) -> {
          Db.text(ps, 1, p.firstName());
          Db.text(ps, 2, p.lastName());
          Db.text(ps, 3, p.email());
          Db.text(ps, 4, p.jobTitle());
          Db.uuid(ps, 5, p.unit());
          Db.uuid(ps, 6, p.manager());
          Db.uuid(ps, 7, p.id());
          Db.uuid(ps, 8, db.client);
        });
    // The reporting lines of new people, and of people whose unit or manager changed, enter their
    // history in this transaction; only those people are looked at.
    history.recordNew(
        db.client,
        inserts.stream()
            .map(
                p ->
                    new PersonHistory.NewPerson(
                        idOf.get(p.id()),
                        units.get(p.unit()),
                        p.manager() == null ? null : idOf.get(p.manager())))
            .toList());
    history.recordChanges(db.client, moved);
    created = inserts.size();
    updated = updates.size();
    return result(ImportKind.PEOPLE);
  }
}
