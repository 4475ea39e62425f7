package nl.orgcoach.organisation.structure;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import nl.orgcoach.access.ClientScope;
import nl.orgcoach.organisation.OrganisationRoles;
import nl.orgcoach.organisation.SettingKind;
import nl.orgcoach.platform.NotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The client system as JSON: units, people, settings and interdependencies. Reads are open to every
 * role of the client; writes to admins, coaches and HR. The same rules as the UI, through the same
 * {@link StructureEditing}.
 */
@RestController
@RequestMapping("/api/v1/clients/{clientId}")
@Tag(
    name = "Organisation",
    description = "Units, people, settings (gremia) and interdependencies of a client")
class StructureApiController {

  static final int MAX_PAGE = 500;

  private final Units units;
  private final People people;
  private final Settings settings;
  private final Interdependencies interdependencies;
  private final StructureEditing editing;

  StructureApiController(
      Units units,
      People people,
      Settings settings,
      Interdependencies interdependencies,
      StructureEditing editing) {
    this.units = units;
    this.people = people;
    this.settings = settings;
    this.interdependencies = interdependencies;
    this.editing = editing;
  }

  @GetMapping("/units")
  @Operation(summary = "All units of the client, as a flat list with parent ids")
  List<Units.Unit> units(ClientScope scope) {
    return units.all(scope);
  }

  @GetMapping("/units/{unitId}")
  @Operation(summary = "One unit, with counts")
  Units.UnitNode unit(ClientScope scope, @PathVariable UUID unitId) {
    return units.node(scope, unitId).orElseThrow(() -> new NotFoundException("unit"));
  }

  @PostMapping("/units")
  @PreAuthorize(OrganisationRoles.EDITORS)
  @Operation(summary = "Create a unit")
  ResponseEntity<Units.Unit> createUnit(
      ClientScope scope, @RequestBody StructureEditing.UnitForm form) {
    UUID id = editing.saveUnit(scope, null, form);
    return ResponseEntity.created(
            URI.create("/api/v1/clients/" + scope.clientId() + "/units/" + id))
        .body(units.find(scope, id).orElseThrow());
  }

  @PutMapping("/units/{unitId}")
  @PreAuthorize(OrganisationRoles.EDITORS)
  @Operation(summary = "Replace a unit's fields")
  Units.Unit updateUnit(
      ClientScope scope, @PathVariable UUID unitId, @RequestBody StructureEditing.UnitForm form) {
    editing.saveUnit(scope, unitId, form);
    return units.find(scope, unitId).orElseThrow();
  }

  @GetMapping("/people")
  @Operation(summary = "People, searched and paged (size at most 500)")
  Page<People.PersonRow> people(
      ClientScope scope,
      @RequestParam(required = false) String q,
      @RequestParam(required = false) UUID unitId,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "100") int size) {
    int safeSize = Math.max(1, Math.min(size, MAX_PAGE));
    int safePage = Math.max(0, page);
    return new Page<>(
        people.search(scope, q, unitId, safePage * safeSize, safeSize),
        safePage,
        safeSize,
        people.count(scope, q, unitId));
  }

  @GetMapping("/people/{personId}")
  @Operation(summary = "One person")
  People.PersonRow person(ClientScope scope, @PathVariable UUID personId) {
    return people.find(scope, personId).orElseThrow(() -> new NotFoundException("person"));
  }

  @PostMapping("/people")
  @PreAuthorize(OrganisationRoles.EDITORS)
  @Operation(summary = "Create a person")
  ResponseEntity<People.PersonRow> createPerson(
      ClientScope scope, @RequestBody StructureEditing.PersonForm form) {
    UUID id = editing.savePerson(scope, null, form);
    return ResponseEntity.created(
            URI.create("/api/v1/clients/" + scope.clientId() + "/people/" + id))
        .body(people.find(scope, id).orElseThrow());
  }

  @PutMapping("/people/{personId}")
  @PreAuthorize(OrganisationRoles.EDITORS)
  @Operation(summary = "Replace a person's fields")
  People.PersonRow updatePerson(
      ClientScope scope,
      @PathVariable UUID personId,
      @RequestBody StructureEditing.PersonForm form) {
    editing.savePerson(scope, personId, form);
    return people.find(scope, personId).orElseThrow();
  }

  @GetMapping("/settings")
  @Operation(summary = "Settings (gremia), optionally of one kind")
  List<Settings.SettingRow> settings(
      ClientScope scope, @RequestParam(required = false) SettingKind kind) {
    return settings.all(scope, kind);
  }

  @GetMapping("/settings/{settingId}")
  @Operation(summary = "One setting with its members")
  SettingDetail setting(ClientScope scope, @PathVariable UUID settingId) {
    var s = settings.find(scope, settingId).orElseThrow(() -> new NotFoundException("setting"));
    return new SettingDetail(
        s, settings.members(scope, settingId).stream().map(People.PersonRow::id).toList());
  }

  @PostMapping("/settings")
  @PreAuthorize(OrganisationRoles.EDITORS)
  @Operation(summary = "Create a setting; memberIds are person ids (UUIDs)")
  ResponseEntity<SettingDetail> createSetting(
      ClientScope scope, @RequestBody StructureEditing.SettingForm form) {
    UUID id = editing.saveSetting(scope, null, form);
    return ResponseEntity.created(
            URI.create("/api/v1/clients/" + scope.clientId() + "/settings/" + id))
        .body(setting(scope, id));
  }

  @PutMapping("/settings/{settingId}")
  @PreAuthorize(OrganisationRoles.EDITORS)
  @Operation(summary = "Replace a setting's fields; memberIds, when given, replace the members")
  SettingDetail updateSetting(
      ClientScope scope,
      @PathVariable UUID settingId,
      @RequestBody StructureEditing.SettingForm form) {
    editing.saveSetting(scope, settingId, form);
    return setting(scope, settingId);
  }

  @GetMapping("/interdependencies")
  @Operation(
      summary = "Interdependencies, strongest first, optionally around one unit (at most 5000)")
  List<Interdependencies.Row> interdependencies(
      ClientScope scope, @RequestParam(required = false) UUID unitId) {
    return interdependencies.list(scope, unitId, 5000);
  }

  @GetMapping("/interdependencies/{interdependencyId}")
  @Operation(summary = "One interdependency")
  Interdependencies.Row interdependency(ClientScope scope, @PathVariable UUID interdependencyId) {
    return interdependencies
        .find(scope, interdependencyId)
        .orElseThrow(() -> new NotFoundException("interdependency"));
  }

  @PostMapping("/interdependencies")
  @PreAuthorize(OrganisationRoles.EDITORS)
  @Operation(summary = "Record that one unit depends on another (the same pair again updates it)")
  ResponseEntity<Interdependencies.Row> createInterdependency(
      ClientScope scope, @RequestBody StructureEditing.InterdependencyForm form) {
    UUID id = editing.saveInterdependency(scope, form);
    return ResponseEntity.created(
            URI.create("/api/v1/clients/" + scope.clientId() + "/interdependencies/" + id))
        .body(interdependencies.find(scope, id).orElseThrow());
  }

  @PutMapping("/interdependencies/{interdependencyId}")
  @PreAuthorize(OrganisationRoles.EDITORS)
  @Operation(summary = "Change description and strength of an interdependency")
  Interdependencies.Row updateInterdependency(
      ClientScope scope,
      @PathVariable UUID interdependencyId,
      @RequestBody StructureEditing.InterdependencyForm form) {
    var existing = interdependency(scope, interdependencyId);
    editing.saveInterdependency(
        scope,
        new StructureEditing.InterdependencyForm(
            existing.fromUnitId(), existing.toUnitId(), form.description(), form.strength()));
    return interdependency(scope, interdependencyId);
  }

  @DeleteMapping("/interdependencies/{interdependencyId}")
  @PreAuthorize(OrganisationRoles.EDITORS)
  @Operation(summary = "Delete an interdependency")
  ResponseEntity<Void> deleteInterdependency(
      ClientScope scope, @PathVariable UUID interdependencyId) {
    editing.deleteInterdependency(scope, interdependencyId);
    return ResponseEntity.noContent().build();
  }

  record Page<T>(List<T> items, int page, int size, int total) {}

  record SettingDetail(Settings.SettingRow setting, List<UUID> memberIds) {}
}
