package nl.orgcoach.organisation.structure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import nl.orgcoach.access.AccessAdministration;
import nl.orgcoach.access.ClientScope;
import nl.orgcoach.organisation.SettingKind;
import nl.orgcoach.organisation.structure.StructureEditing.InterdependencyForm;
import nl.orgcoach.organisation.structure.StructureEditing.PersonForm;
import nl.orgcoach.organisation.structure.StructureEditing.SettingForm;
import nl.orgcoach.organisation.structure.StructureEditing.UnitForm;
import nl.orgcoach.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The list filters of people, settings and interdependencies, which become SQL only when given:
 * every combination of given and absent filters, over random data, returns exactly the rows that
 * the same filter done in Java keeps. A second client with data of the same shape must never show.
 * On PostgreSQL each statement runs more than five times, past the point where the driver prepares
 * it on the server and PostgreSQL may switch to a generic plan.
 */
@IntegrationTest
class StructureListFiltersTest {

  private static final String[] FIRST = {"Anna", "Bram", "Cor", "Dewi", "Eva", "Fatima"};
  private static final String[] LAST = {"de Vries", "Jansen", "Bakker", "Pinas", "Anand"};
  private static final String[] JOBS = {"verpleegkundige", "teamleider", "Planner", null};

  @Autowired AccessAdministration administration;
  @Autowired StructureEditing editing;
  @Autowired People people;
  @Autowired Settings settings;
  @Autowired Interdependencies interdependencies;

  final long seed = new Random().nextLong();
  final Random random = new Random(seed);
  ClientScope scope;
  Data mine;
  Data theirs;

  record Person(
      UUID id, String ext, String first, String last, String email, String job, UUID unit) {}

  record Setting(UUID id, SettingKind kind) {}

  record Link(UUID id, UUID from, UUID to) {}

  record Data(List<UUID> units, List<Person> people, List<Setting> settings, List<Link> links) {}

  @BeforeEach
  void data() {
    scope = scope("Filters");
    mine = generate(scope);
    theirs = generate(scope("Ander"));
  }

  @Test
  void peopleForEveryCombinationOfUnitAndText() {
    List<String> queries =
        new ArrayList<>(
            Arrays.asList(
                null, "", "  ", "an", " ANNA ", "de v", "example", "team", "zzz", "%", "_", "\\"));
    queries.add(mine.people().get(0).ext().toLowerCase(Locale.ROOT));
    queries.add(" " + mine.people().get(1).ext() + " ");
    queries.add(mine.people().get(2).email());
    for (UUID unit : unitFilters(mine, theirs)) {
      for (String query : queries) {
        Set<UUID> expected = new HashSet<>();
        for (Person p : mine.people()) {
          if ((unit == null || p.unit().equals(unit)) && matches(p, query)) {
            expected.add(p.id());
          }
        }
        String what = "seed " + seed + ", unit " + unit + ", query '" + query + "'";
        List<People.PersonRow> all = people.search(scope, query, unit, 0, 1000);
        assertThat(all).as(what).extracting(People.PersonRow::id).hasSameElementsAs(expected);
        assertThat(all).as(what).hasSize(expected.size());
        assertThat(people.count(scope, query, unit)).as(what).isEqualTo(expected.size());
        assertThat(people.search(scope, query, unit, 2, 3))
            .as(what)
            .isEqualTo(all.subList(Math.min(2, all.size()), Math.min(5, all.size())));
      }
    }
  }

  @Test
  void settingsForEveryKind() {
    for (SettingKind kind : withNull(SettingKind.values())) {
      List<UUID> expected =
          mine.settings().stream()
              .filter(s -> kind == null || s.kind() == kind)
              .map(Setting::id)
              .toList();
      assertThat(settings.all(scope, kind))
          .as("seed %d, kind %s", seed, kind)
          .extracting(Settings.SettingRow::id)
          .containsExactlyInAnyOrderElementsOf(expected);
    }
  }

  @Test
  void interdependenciesForEveryUnit() {
    for (UUID unit : unitFilters(mine, theirs)) {
      List<UUID> expected =
          mine.links().stream()
              .filter(l -> unit == null || l.from().equals(unit) || l.to().equals(unit))
              .map(Link::id)
              .toList();
      String what = "seed " + seed + ", unit " + unit;
      List<Interdependencies.Row> all = interdependencies.list(scope, unit, 1000);
      assertThat(all)
          .as(what)
          .extracting(Interdependencies.Row::id)
          .containsExactlyInAnyOrderElementsOf(expected);
      assertThat(interdependencies.list(scope, unit, 2))
          .as(what)
          .isEqualTo(all.subList(0, Math.min(2, all.size())));
    }
  }

  /** No unit, each of the client's units, a unit of the other client and an unknown id. */
  private static List<UUID> unitFilters(Data mine, Data theirs) {
    List<UUID> units = new ArrayList<>();
    units.add(null);
    units.addAll(mine.units());
    units.add(theirs.units().get(0));
    units.add(UUID.randomUUID());
    return units;
  }

  /** The search as the people page describes it, done in Java. */
  private static boolean matches(Person p, String query) {
    if (query == null || query.isBlank()) {
      return true;
    }
    String text = query.trim().toLowerCase(Locale.ROOT);
    String part = text.replace("\\", "").replace("%", "").replace("_", "");
    return (p.first() + " " + p.last()).toLowerCase(Locale.ROOT).contains(part)
        || p.email().toLowerCase(Locale.ROOT).contains(part)
        || (p.job() != null && p.job().toLowerCase(Locale.ROOT).contains(part))
        || p.ext().toLowerCase(Locale.ROOT).equals(text);
  }

  private ClientScope scope(String name) {
    return administration.systemScope(
        administration.createClient(name + " " + UUID.randomUUID()), "test");
  }

  private Data generate(ClientScope s) {
    List<UUID> units = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      UUID parent = units.isEmpty() ? null : units.get(random.nextInt(units.size()));
      units.add(editing.saveUnit(s, null, new UnitForm("U" + i, "Unit " + i, null, parent)));
    }
    List<Person> persons = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      String first = pick(FIRST);
      String last = pick(LAST);
      String email = first.toLowerCase(Locale.ROOT) + "." + i + "@example.nl";
      String job = pick(JOBS);
      UUID unit = units.get(random.nextInt(units.size()));
      String ext = "P" + i;
      UUID id =
          editing.savePerson(s, null, new PersonForm(ext, first, last, email, job, unit, null));
      persons.add(new Person(id, ext, first, last, email, job, unit));
    }
    List<Setting> kinds = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      SettingKind kind = pick(SettingKind.values());
      UUID unit = random.nextBoolean() ? null : units.get(random.nextInt(units.size()));
      UUID id =
          editing.saveSetting(s, null, new SettingForm("S" + i, "Overleg " + i, kind, unit, null));
      kinds.add(new Setting(id, kind));
    }
    List<Link> links = new ArrayList<>();
    Set<List<UUID>> pairs = new HashSet<>();
    for (int i = 0; i < 6; i++) {
      UUID from = units.get(random.nextInt(units.size()));
      UUID to = units.get(random.nextInt(units.size()));
      if (from.equals(to) || !pairs.add(List.of(from, to))) {
        continue;
      }
      UUID id =
          editing.saveInterdependency(
              s, new InterdependencyForm(from, to, "levert aan", 1 + random.nextInt(3)));
      links.add(new Link(id, from, to));
    }
    return new Data(units, persons, kinds, links);
  }

  private <T> T pick(T[] values) {
    return values[random.nextInt(values.length)];
  }

  @SafeVarargs
  private static <T> List<T> withNull(T... values) {
    List<T> all = new ArrayList<>();
    all.add(null);
    all.addAll(Arrays.asList(values));
    return all;
  }
}
