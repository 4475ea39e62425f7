package nl.orgcoach.organisation.structure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import nl.orgcoach.access.AccessAdministration;
import nl.orgcoach.access.ClientScope;
import nl.orgcoach.organisation.SettingKind;
import nl.orgcoach.organisation.structure.StructureEditing.InterdependencyForm;
import nl.orgcoach.organisation.structure.StructureEditing.PersonForm;
import nl.orgcoach.organisation.structure.StructureEditing.SettingForm;
import nl.orgcoach.organisation.structure.StructureEditing.UnitForm;
import nl.orgcoach.platform.NotFoundException;
import nl.orgcoach.platform.UserError;
import nl.orgcoach.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class StructureEditingTest {

  @Autowired AccessAdministration administration;
  @Autowired StructureEditing editing;
  @Autowired Units units;
  @Autowired People people;
  @Autowired Settings settings;
  @Autowired Interdependencies interdependencies;
  @Autowired JdbcClient jdbc;

  ClientScope scope;
  ClientScope other;

  @BeforeEach
  void clients() {
    scope =
        administration.systemScope(
            administration.createClient("Zorg " + UUID.randomUUID()), "test");
    other =
        administration.systemScope(
            administration.createClient("Ander " + UUID.randomUUID()), "test");
  }

  @Test
  void buildsATreeAndShowsItOneLevelAtATime() {
    UUID top = unit(scope, "RVB", "Raad van bestuur", null);
    UUID division = unit(scope, "ZN", "Zorg Noord", top);
    UUID team = unit(scope, "ZN-T1", "Team Wijk 1", division);
    UUID director = person(scope, "P1", "Anna", "de Vries", top, null);
    UUID manager = person(scope, "P2", "Bram", "Jansen", division, director);
    person(scope, "P3", "Cor", "Bakker", team, manager);
    person(scope, "P4", "Dewi", "Pinas", team, manager);

    assertThat(units.roots(scope))
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.name()).isEqualTo("Raad van bestuur");
              assertThat(n.childCount()).isEqualTo(1);
              assertThat(n.personCount()).isEqualTo(1);
              assertThat(n.head()).isEqualTo("de Vries, Anna");
            });
    assertThat(units.children(scope, division))
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.personCount()).isEqualTo(2);
              // The team's members report to a manager outside the team, so both count as its head;
              // the first by name.
              assertThat(n.head()).isEqualTo("Bakker, Cor");
            });
    assertThat(units.headcountOfSubtree(scope, top)).isEqualTo(4);
    assertThat(units.path(scope, team))
        .extracting(Units.UnitRef::name)
        .containsExactly("Raad van bestuur", "Zorg Noord", "Team Wijk 1");
    assertThat(people.managementChain(scope, people.idsByExternal(scope, List.of("P3")).get("P3")))
        .extracting(People.PersonRow::externalId)
        .containsExactly("P2", "P1");
    assertThat(units.roots(other)).isEmpty();
  }

  @Test
  void refusesToPlaceAUnitBelowItself() {
    UUID top = unit(scope, "A", "A", null);
    UUID middle = unit(scope, "B", "B", top);
    UUID bottom = unit(scope, "C", "C", middle);

    assertThatThrownBy(() -> editing.saveUnit(scope, top, new UnitForm("A", "A", null, bottom)))
        .isInstanceOfSatisfying(
            UserError.class,
            e ->
                assertThat(e.details())
                    .extracting(UserError.Problem::messageKey)
                    .containsExactly("structure.unit.parent.cycle"));
    assertThat(units.find(scope, top).orElseThrow().parentId()).isNull();
  }

  @Test
  void refusesAReportingCycle() {
    UUID unit = unit(scope, "U", "Unit", null);
    UUID boss = person(scope, "B", "Bea", "Boss", unit, null);
    UUID middle = person(scope, "M", "Mo", "Midden", unit, boss);
    UUID worker = person(scope, "W", "Wim", "Werker", unit, middle);

    assertThatThrownBy(
            () ->
                editing.savePerson(
                    scope, boss, new PersonForm("B", "Bea", "Boss", null, null, unit, worker)))
        .isInstanceOfSatisfying(
            UserError.class,
            e ->
                assertThat(e.details())
                    .extracting(UserError.Problem::field)
                    .containsExactly("managerId"));
    assertThat(people.find(scope, boss).orElseThrow().managerId()).isNull();
  }

  @Test
  void treatsAnotherClientsIdsAsUnknown() {
    UUID foreignUnit = unit(other, "X", "Elders", null);
    UUID foreignPerson = person(other, "X1", "Xander", "Elders", foreignUnit, null);
    UUID own = unit(scope, "O", "Eigen", null);

    assertThatThrownBy(
            () -> editing.saveUnit(scope, null, new UnitForm("N", "Nieuw", null, foreignUnit)))
        .isInstanceOf(UserError.class);
    assertThatThrownBy(
            () ->
                editing.savePerson(
                    scope, null, new PersonForm("N1", "N", "N", null, null, own, foreignPerson)))
        .isInstanceOf(UserError.class);
    assertThatThrownBy(
            () ->
                editing.saveUnit(scope, foreignUnit, new UnitForm("X", "Overgenomen", null, null)))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(
            () ->
                editing.saveSetting(
                    scope,
                    null,
                    new SettingForm(
                        "S", "MT", SettingKind.MANAGEMENT_TEAM, own, List.of(foreignPerson))))
        .isInstanceOf(UserError.class);
    assertThatThrownBy(
            () ->
                editing.saveInterdependency(
                    scope, new InterdependencyForm(own, foreignUnit, "x", 2)))
        .isInstanceOf(UserError.class);
    assertThat(units.find(other, foreignUnit).orElseThrow().name()).isEqualTo("Elders");
    assertThat(units.all(scope)).hasSize(1);
  }

  @Test
  void reportsEveryBadFieldAtOnceAndWritesNothing() {
    UUID unit = unit(scope, "U", "Unit", null);
    assertThatThrownBy(
            () ->
                editing.savePerson(
                    scope,
                    null,
                    new PersonForm(
                        "U", "=HYPERLINK(\"http://x\")", "", "geen-mail", null, null, null)))
        .isInstanceOfSatisfying(
            UserError.class,
            e ->
                assertThat(e.details())
                    .extracting(UserError.Problem::field)
                    .contains("firstName", "lastName", "email", "unitId"));
    assertThat(people.count(scope, null, null)).isZero();
    assertThat(unit).isNotNull();
  }

  @Test
  void keepsExternalIdsUniquePerClient() {
    unit(scope, "U1", "Een", null);
    unit(other, "U1", "Een elders", null);
    assertThatThrownBy(() -> unit(scope, "U1", "Twee", null)).isInstanceOf(UserError.class);
  }

  @Test
  void settingMembersAndInterdependenciesRoundTrip() {
    UUID a = unit(scope, "A", "Planning", null);
    UUID b = unit(scope, "B", "Zorg", null);
    UUID p = person(scope, "P", "Pim", "Plan", a, null);
    UUID q = person(scope, "Q", "Quinten", "Zorg", b, null);
    UUID setting =
        editing.saveSetting(
            scope,
            null,
            new SettingForm("MT", "MT Zorg", SettingKind.MANAGEMENT_TEAM, b, List.of(p, q, p)));
    assertThat(settings.members(scope, setting))
        .extracting(People.PersonRow::id)
        .containsExactlyInAnyOrder(p, q);
    assertThat(settings.ofPerson(scope, q))
        .extracting(Settings.SettingRow::name)
        .containsExactly("MT Zorg");

    UUID dep = editing.saveInterdependency(scope, new InterdependencyForm(b, a, "roosters", 3));
    UUID again =
        editing.saveInterdependency(scope, new InterdependencyForm(b, a, "roosters en inval", 2));
    assertThat(again).isEqualTo(dep);
    assertThat(interdependencies.list(scope, a, 10))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.description()).isEqualTo("roosters en inval");
              assertThat(r.strength()).isEqualTo(2);
            });
    assertThatThrownBy(
            () -> editing.saveInterdependency(scope, new InterdependencyForm(a, a, "zelf", 4)))
        .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.details()).hasSize(2));
    editing.deleteInterdependency(scope, dep);
    assertThat(interdependencies.count(scope)).isZero();
    assertThatThrownBy(() -> editing.deleteInterdependency(scope, dep))
        .isInstanceOf(NotFoundException.class);
  }

  private UUID unit(ClientScope s, String ext, String name, UUID parent) {
    return editing.saveUnit(s, null, new UnitForm(ext, name, null, parent));
  }

  private UUID person(
      ClientScope s, String ext, String first, String last, UUID unit, UUID manager) {
    return editing.savePerson(
        s,
        null,
        new PersonForm(
            ext, first, last, ext.toLowerCase() + "@example.nl", "medewerker", unit, manager));
  }
}
