package nl.orgcoach.organisation.structure;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.orgcoach.access.ClientScope;
import nl.orgcoach.organisation.SettingKind;
import nl.orgcoach.organisation.history.PersonHistory;
import nl.orgcoach.platform.CsvSafety;
import nl.orgcoach.platform.EmailAddresses;
import nl.orgcoach.platform.NotFoundException;
import nl.orgcoach.platform.UserError;
import nl.orgcoach.platform.UserError.Problem;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Edits of the client system made one at a time, in the UI or through the API. Every rule of a
 * valid structure is checked here before anything is written: ids of other clients are unknown,
 * units form a tree, reporting lines have no cycles. All problems of one edit are reported at once.
 * A change of a person's unit or manager is also written to their history, in the same transaction.
 */
@Service
@Transactional
class StructureEditing {

  private final Units units;
  private final People people;
  private final Settings settings;
  private final Interdependencies interdependencies;
  private final PersonHistory history;

  StructureEditing(
      Units units,
      People people,
      Settings settings,
      Interdependencies interdependencies,
      PersonHistory history) {
    this.units = units;
    this.people = people;
    this.settings = settings;
    this.interdependencies = interdependencies;
    this.history = history;
  }

  UUID saveUnit(ClientScope scope, UUID id, UnitForm form) {
    var problems = new ArrayList<Problem>();
    String ext = text(form.externalId(), "externalId", 100, true, problems);
    String name = text(form.name(), "name", 200, true, problems);
    String kind = text(form.kind(), "kind", 100, false, problems);
    if (id != null) {
      units.find(scope, id).orElseThrow(() -> new NotFoundException("unit"));
    }
    if (form.parentId() != null) {
      if (units.find(scope, form.parentId()).isEmpty()) {
        problems.add(field("parentId", "structure.unit.parent.unknown"));
      } else if (id != null && units.isInSubtree(scope, id, form.parentId())) {
        problems.add(field("parentId", "structure.unit.parent.cycle"));
      }
    }
    if (ext != null && units.externalIdTaken(scope, ext, id)) {
      problems.add(field("externalId", "structure.externalId.taken"));
    }
    failIfAny(problems);
    var unit =
        new Units.Unit(id == null ? UUID.randomUUID() : id, ext, name, kind, form.parentId());
    if (id == null) {
      units.insert(scope, unit);
    } else {
      units.update(scope, unit);
    }
    return unit.id();
  }

  UUID savePerson(ClientScope scope, UUID id, PersonForm form) {
    var problems = new ArrayList<Problem>();
    String ext = text(form.externalId(), "externalId", 100, true, problems);
    String first = text(form.firstName(), "firstName", 100, true, problems);
    String last = text(form.lastName(), "lastName", 150, true, problems);
    String email = text(form.email(), "email", 254, false, problems);
    String job = text(form.jobTitle(), "jobTitle", 200, false, problems);
    if (email != null && !EmailAddresses.isValid(email)) {
      problems.add(field("email", "structure.email.invalid"));
    }
    if (id != null) {
      people.find(scope, id).orElseThrow(() -> new NotFoundException("person"));
    }
    if (form.unitId() == null) {
      problems.add(field("unitId", "structure.required"));
    } else if (units.find(scope, form.unitId()).isEmpty()) {
      problems.add(field("unitId", "structure.unit.unknown"));
    }
    if (form.managerId() != null) {
      if (people.find(scope, form.managerId()).isEmpty()) {
        problems.add(field("managerId", "structure.manager.unknown"));
      } else if (id != null && people.isInReportingLineBelow(scope, id, form.managerId())) {
        problems.add(field("managerId", "structure.manager.cycle"));
      }
    }
    if (ext != null && people.externalIdTaken(scope, ext, id)) {
      problems.add(field("externalId", "structure.externalId.taken"));
    }
    failIfAny(problems);
    var person =
        new People.Person(
            id == null ? UUID.randomUUID() : id,
            ext,
            first,
            last,
            email == null ? null : email.toLowerCase(java.util.Locale.ROOT),
            job,
            form.unitId(),
            form.managerId());
    if (id == null) {
      people.insert(scope, person);
    } else {
      people.update(scope, person);
    }
    history.recordChange(scope.id(), person.id());
    return person.id();
  }

  UUID saveSetting(ClientScope scope, UUID id, SettingForm form) {
    var problems = new ArrayList<Problem>();
    String ext = text(form.externalId(), "externalId", 100, true, problems);
    String name = text(form.name(), "name", 200, true, problems);
    if (form.kind() == null) {
      problems.add(field("kind", "structure.required"));
    }
    if (id != null) {
      settings.find(scope, id).orElseThrow(() -> new NotFoundException("setting"));
    }
    if (form.unitId() != null && units.find(scope, form.unitId()).isEmpty()) {
      problems.add(field("unitId", "structure.unit.unknown"));
    }
    List<UUID> members = form.memberIds() == null ? List.of() : form.memberIds();
    for (UUID member : members) {
      if (people.find(scope, member).isEmpty()) {
        problems.add(field("memberIds", "structure.member.unknown"));
        break;
      }
    }
    if (ext != null && settings.externalIdTaken(scope, ext, id)) {
      problems.add(field("externalId", "structure.externalId.taken"));
    }
    failIfAny(problems);
    var setting =
        new Settings.Setting(
            id == null ? UUID.randomUUID() : id, ext, name, form.kind(), form.unitId());
    if (id == null) {
      settings.insert(scope, setting);
    } else {
      settings.update(scope, setting);
    }
    if (form.memberIds() != null) {
      settings.replaceMembers(scope, setting.id(), members);
    }
    return setting.id();
  }

  /** Records that one unit depends on another; the same pair again updates it. */
  UUID saveInterdependency(ClientScope scope, InterdependencyForm form) {
    var problems = new ArrayList<Problem>();
    String description = text(form.description(), "description", 300, true, problems);
    if (form.fromUnitId() == null || units.find(scope, form.fromUnitId()).isEmpty()) {
      problems.add(field("fromUnitId", "structure.unit.unknown"));
    }
    if (form.toUnitId() == null || units.find(scope, form.toUnitId()).isEmpty()) {
      problems.add(field("toUnitId", "structure.unit.unknown"));
    }
    if (form.fromUnitId() != null && form.fromUnitId().equals(form.toUnitId())) {
      problems.add(field("toUnitId", "structure.interdependency.self"));
    }
    if (form.strength() == null || form.strength() < 1 || form.strength() > 3) {
      problems.add(field("strength", "structure.interdependency.strength"));
    }
    failIfAny(problems);
    var existing = interdependencies.between(scope, form.fromUnitId(), form.toUnitId());
    if (existing.isPresent()) {
      interdependencies.update(scope, existing.get(), description, form.strength());
      return existing.get();
    }
    UUID id = UUID.randomUUID();
    interdependencies.insert(
        scope, id, form.fromUnitId(), form.toUnitId(), description, form.strength());
    return id;
  }

  void deleteInterdependency(ClientScope scope, UUID id) {
    if (!interdependencies.delete(scope, id)) {
      throw new NotFoundException("interdependency");
    }
  }

  private static String text(
      String value, String field, int max, boolean required, List<Problem> problems) {
    String trimmed = value == null ? null : value.strip();
    if (trimmed == null || trimmed.isEmpty()) {
      if (required) {
        problems.add(field(field, "structure.required"));
      }
      return null;
    }
    if (trimmed.length() > max) {
      problems.add(new Problem(null, field, "structure.tooLong", List.of(String.valueOf(max))));
    }
    if (CsvSafety.looksLikeFormula(trimmed)) {
      problems.add(field(field, "structure.formula"));
    }
    return trimmed;
  }

  private static Problem field(String field, String key) {
    return new Problem(null, field, key, List.of());
  }

  private static void failIfAny(List<Problem> problems) {
    if (!problems.isEmpty()) {
      throw new UserError("structure.invalid", problems);
    }
  }

  record UnitForm(String externalId, String name, String kind, UUID parentId) {}

  record PersonForm(
      String externalId,
      String firstName,
      String lastName,
      String email,
      String jobTitle,
      UUID unitId,
      UUID managerId) {}

  record SettingForm(
      String externalId, String name, SettingKind kind, UUID unitId, List<UUID> memberIds) {}

  record InterdependencyForm(
      UUID fromUnitId, UUID toUnitId, String description, Integer strength) {}
}
