package nl.orgcoach.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.orgcoach.organisation.ImportKind;
import nl.orgcoach.organisation.SettingKind;
import nl.orgcoach.platform.CsvSafety;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class OrganisationGeneratorTest {

  static final java.util.regex.Pattern EMAIL =
      java.util.regex.Pattern.compile("^[a-z]\\.[a-z]+[0-9]*@[a-z.-]+\\.nl$");

  @Test
  void sameSeedSameFilesOtherSeedOtherFiles() throws IOException {
    OrganisationSpec spec = OrganisationSpec.zorggroepIJsselland();
    for (ImportKind kind : ImportKind.values()) {
      assertThat(text(OrganisationGenerator.of(spec), kind))
          .isEqualTo(text(OrganisationGenerator.of(spec), kind));
    }
    OrganisationSpec other =
        new OrganisationSpec(
            spec.name(),
            spec.domain(),
            spec.sector(),
            spec.people(),
            spec.units(),
            spec.levels(),
            spec.levelSizes(),
            spec.seed() + 1);
    assertThat(text(OrganisationGenerator.of(other), ImportKind.PEOPLE))
        .isNotEqualTo(text(OrganisationGenerator.of(spec), ImportKind.PEOPLE));
  }

  @Test
  void theLargerDemoClientHas300PeopleIn25UnitsOver4Levels() throws IOException {
    Org org = Org.of(OrganisationSpec.zorggroepIJsselland());
    assertThat(org.units).hasSize(25);
    assertThat(org.people).hasSize(300);
    assertThat(org.depths()).containsExactly(1, 3, 6, 15);
    org.assertWellFormed();
    assertThat(org.settingKinds())
        .containsExactlyInAnyOrder(
            "MANAGEMENT_TEAM", "TEAM_MEETING", "WORKS_COUNCIL", "PROJECT_BOARD", "CLIENT_MEETING");
    assertThat(org.settings.stream().filter(s -> s.get("kind").equals("TEAM_MEETING"))).hasSize(15);
    // Top and the three divisions each have a management team.
    assertThat(org.settings.stream().filter(s -> s.get("kind").equals("MANAGEMENT_TEAM")))
        .hasSize(4);
    assertThat(org.settings.stream().filter(s -> s.get("kind").equals("WORKS_COUNCIL")))
        .singleElement()
        .satisfies(s -> assertThat(s.get("members").split("\\|")).hasSize(7));
    assertThat(org.interdependencies).hasSizeGreaterThanOrEqualTo(15);
    assertThat(org.people.stream().map(p -> p.get("job_title")))
        .contains(
            "voorzitter raad van bestuur",
            "directeur",
            "manager zorg",
            "teamleider",
            "verzorgende IG",
            "planner");
    assertThat(
            org.people.stream()
                .map(p -> p.get("last_name"))
                .filter(n -> n.matches("^(van|de|'t|ter|ten|in) .*")))
        .isNotEmpty();
  }

  @Test
  void theSmallDemoClientHasAbout40People() throws IOException {
    Org org = Org.of(OrganisationSpec.gemeenteWolderwijk());
    assertThat(org.people).hasSize(40);
    assertThat(org.depths()).hasSize(3);
    org.assertWellFormed();
    assertThat(org.people.get(0).get("email")).endsWith("@wolderwijk.nl");
  }

  @Test
  void theBenchmarkClientHas100000PeopleIn5000UnitsOver6Levels() throws IOException {
    long start = System.nanoTime();
    Org org = Org.of(OrganisationSpec.benchmark());
    assertThat(org.units).hasSize(5_000);
    assertThat(org.people).hasSize(100_000);
    assertThat(org.depths()).hasSize(6);
    org.assertWellFormed();
    assertThat(org.settings).hasSizeGreaterThan(3_000);
    assertThat(org.interdependencies).hasSizeGreaterThan(3_000);
    assertThat(System.nanoTime() - start)
        .as("generating and checking takes seconds, not minutes")
        .isLessThan(60_000_000_000L);
  }

  @Test
  void generatesTheBenchmarkClientInSeconds() throws IOException {
    OrganisationGenerator.of(OrganisationSpec.benchmark())
        .write(ImportKind.PEOPLE, java.io.Writer.nullWriter());
    long start = System.nanoTime();
    OrganisationGenerator generator = OrganisationGenerator.of(OrganisationSpec.benchmark());
    for (ImportKind kind : ImportKind.values()) {
      generator.write(kind, java.io.Writer.nullWriter());
    }
    assertThat((System.nanoTime() - start) / 1_000_000).as("milliseconds").isLessThan(5_000);
  }

  @Test
  void demoUsersAreATeamLeaderAndAMemberOfTheirTeam() throws IOException {
    OrganisationGenerator generator =
        OrganisationGenerator.of(OrganisationSpec.zorggroepIJsselland());
    Org org = Org.of(OrganisationSpec.zorggroepIJsselland());
    CSVRecord manager = org.person(generator.demoManagerId());
    CSVRecord employee = org.person(generator.demoEmployeeId());
    assertThat(manager.get("job_title")).isEqualTo("teamleider");
    assertThat(employee.get("manager_id")).isEqualTo(manager.get("person_id"));
    assertThat(generator.displayName(generator.demoEmployeeId()))
        .isEqualTo(employee.get("first_name") + " " + employee.get("last_name"));
  }

  @Test
  void apportionKeepsTheTotalAndTheMinimum() {
    int[] shares = OrganisationGenerator.apportion(100, new double[] {1, 2, 3.5, 0.1}, 2);
    assertThat(Arrays.stream(shares).sum()).isEqualTo(100);
    assertThat(Arrays.stream(shares).min().getAsInt()).isGreaterThanOrEqualTo(2);
  }

  static String text(OrganisationGenerator generator, ImportKind kind) throws IOException {
    StringWriter out = new StringWriter();
    generator.write(kind, out);
    return out.toString();
  }

  /** The four files parsed back, the way the importer reads them. */
  record Org(
      List<CSVRecord> units,
      List<CSVRecord> people,
      List<CSVRecord> settings,
      List<CSVRecord> interdependencies) {

    static Org of(OrganisationSpec spec) throws IOException {
      OrganisationGenerator g = OrganisationGenerator.of(spec);
      return new Org(
          parse(
              g,
              ImportKind.UNITS,
              OrganisationGenerator.UNIT_HEADER,
              "unit_id, name, parent_id, kind"),
          parse(
              g,
              ImportKind.PEOPLE,
              OrganisationGenerator.PEOPLE_HEADER,
              "person_id, first_name, last_name, email, job_title, unit_id, manager_id"),
          parse(
              g,
              ImportKind.SETTINGS,
              OrganisationGenerator.SETTING_HEADER,
              "setting_id, name, kind, unit_id, members"),
          parse(
              g,
              ImportKind.INTERDEPENDENCIES,
              OrganisationGenerator.INTERDEPENDENCY_HEADER,
              "from_unit_id, to_unit_id, description, strength"));
    }

    /** Parses a file and checks its header against the documented column names. */
    static List<CSVRecord> parse(
        OrganisationGenerator g, ImportKind kind, List<String> header, String documented)
        throws IOException {
      assertThat(header).containsExactly(documented.split(", "));
      String text = text(g, kind);
      var parser =
          CSVFormat.DEFAULT
              .builder()
              .setHeader()
              .setSkipHeaderRecord(true)
              .get()
              .parse(new StringReader(text));
      assertThat(parser.getHeaderNames()).as(kind + " header").containsExactlyElementsOf(header);
      List<CSVRecord> records = parser.getRecords();
      List<String> bad = new ArrayList<>();
      for (CSVRecord r : records) {
        if (r.size() != header.size()) {
          bad.add("line " + r.getRecordNumber() + " has " + r.size() + " cells");
        }
        for (String cell : r) {
          if (CsvSafety.looksLikeFormula(cell)
              || cell.indexOf('\n') >= 0
              || cell.length() > 100_000) {
            bad.add("line " + r.getRecordNumber() + ": " + cell);
          }
        }
      }
      assertThat(bad).as(kind + " rows the importer would refuse").isEmpty();
      return records;
    }

    CSVRecord person(String id) {
      return people.stream().filter(p -> p.get("person_id").equals(id)).findFirst().orElseThrow();
    }

    List<Integer> depths() {
      Map<String, String> parentOf = new HashMap<>();
      units.forEach(u -> parentOf.put(u.get("unit_id"), u.get("parent_id")));
      int[] counts = new int[20];
      int max = 0;
      for (String id : parentOf.keySet()) {
        int depth = 0;
        for (String p = parentOf.get(id); !p.isEmpty(); p = parentOf.get(p)) {
          depth++;
        }
        counts[depth]++;
        max = Math.max(max, depth);
      }
      List<Integer> result = new ArrayList<>();
      for (int d = 0; d <= max; d++) {
        result.add(counts[d]);
      }
      return result;
    }

    Set<String> settingKinds() {
      Set<String> kinds = new HashSet<>();
      settings.forEach(s -> kinds.add(s.get("kind")));
      return kinds;
    }

    /** Checks what the importer checks (and a little more), collecting every problem. */
    void assertWellFormed() {
      List<String> problems = new ArrayList<>();
      Set<String> unitIds = new HashSet<>();
      Set<String> unitNames = new HashSet<>();
      for (CSVRecord u : units) {
        check(problems, unitIds.add(u.get("unit_id")), "duplicate unit id", u);
        check(problems, unitNames.add(u.get("name")), "duplicate unit name", u);
        check(
            problems,
            !u.get("name").isBlank() && u.get("name").length() <= 200,
            "bad unit name",
            u);
      }
      for (CSVRecord u : units) {
        check(
            problems,
            u.get("parent_id").isEmpty() || unitIds.contains(u.get("parent_id")),
            "unknown parent",
            u);
      }
      assertThat(units.stream().filter(u -> u.get("parent_id").isEmpty()))
          .as("one top unit")
          .hasSize(1);

      Map<String, String> managerOf = new HashMap<>();
      Set<String> emails = new HashSet<>();
      Set<String> unitsWithPeople = new HashSet<>();
      for (CSVRecord p : people) {
        check(
            problems,
            managerOf.put(p.get("person_id"), p.get("manager_id")) == null,
            "duplicate person id",
            p);
        check(problems, emails.add(p.get("email")), "duplicate e-mail", p);
        check(problems, EMAIL.matcher(p.get("email")).matches(), "bad e-mail", p);
        check(
            problems,
            !p.get("first_name").isBlank() && !p.get("last_name").isBlank(),
            "no name",
            p);
        check(problems, unitIds.contains(p.get("unit_id")), "unknown unit", p);
        unitsWithPeople.add(p.get("unit_id"));
      }
      assertThat(unitsWithPeople).as("every unit has people").isEqualTo(unitIds);
      assertThat(managerOf.values().stream().filter(String::isEmpty))
          .as("one person at the top")
          .hasSize(1);
      for (String id : managerOf.keySet()) {
        Set<String> seen = new HashSet<>();
        for (String m = id; m != null && !m.isEmpty(); m = managerOf.get(m)) {
          if (!managerOf.containsKey(m)) {
            problems.add("unknown manager " + m + " above " + id);
          }
          if (!seen.add(m)) {
            problems.add("reporting cycle through " + id);
            break;
          }
        }
      }

      Set<String> settingIds = new HashSet<>();
      Set<String> kinds =
          Set.of(Arrays.stream(SettingKind.values()).map(Enum::name).toArray(String[]::new));
      for (CSVRecord s : settings) {
        check(problems, settingIds.add(s.get("setting_id")), "duplicate setting id", s);
        check(problems, kinds.contains(s.get("kind")), "bad kind", s);
        check(
            problems,
            s.get("unit_id").isEmpty() || unitIds.contains(s.get("unit_id")),
            "unknown unit",
            s);
        String[] members = s.get("members").split("\\|");
        check(problems, Set.of(members).size() == members.length, "duplicate member", s);
        check(
            problems, Arrays.stream(members).allMatch(managerOf::containsKey), "unknown member", s);
      }

      Set<String> pairs = new HashSet<>();
      for (CSVRecord d : interdependencies) {
        check(
            problems,
            unitIds.contains(d.get("from_unit_id")) && unitIds.contains(d.get("to_unit_id")),
            "unknown unit",
            d);
        check(problems, !d.get("from_unit_id").equals(d.get("to_unit_id")), "depends on itself", d);
        check(
            problems,
            pairs.add(d.get("from_unit_id") + ">" + d.get("to_unit_id")),
            "duplicate pair",
            d);
        check(
            problems,
            !d.get("description").isBlank() && d.get("description").length() <= 300,
            "bad description",
            d);
        check(problems, Set.of("1", "2", "3").contains(d.get("strength")), "bad strength", d);
      }
      assertThat(problems).isEmpty();
    }

    static void check(List<String> problems, boolean ok, String problem, CSVRecord row) {
      if (!ok) {
        problems.add(problem + " on line " + (row.getRecordNumber() + 1) + ": " + row);
      }
    }
  }
}
