package nl.orgcoach.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import nl.orgcoach.access.ClientScope;
import nl.orgcoach.organisation.ImportKind;
import nl.orgcoach.organisation.StructureImport;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A fictional Dutch client organisation written as the four import files of docs/import-format.md.
 * The same spec (and seed) always gives the same bytes. The unit tree is planned in memory (a few
 * arrays per unit); people, settings and interdependencies are derived from it while they are
 * written, so a 100,000-person client streams out without holding its rows.
 *
 * <p>Shape: every unit has a manager (the first person of the unit), who reports to the manager of
 * the parent unit; everyone else in a unit reports to its manager. Units above the teams have a few
 * staff (controller, HR-adviseur, …); the rest of the people work in teams.
 */
public final class OrganisationGenerator {

  public static final List<String> UNIT_HEADER = List.of("unit_id", "name", "parent_id", "kind");
  public static final List<String> PEOPLE_HEADER =
      List.of(
          "person_id", "first_name", "last_name", "email", "job_title", "unit_id", "manager_id");
  public static final List<String> SETTING_HEADER =
      List.of("setting_id", "name", "kind", "unit_id", "members");
  public static final List<String> INTERDEPENDENCY_HEADER =
      List.of("from_unit_id", "to_unit_id", "description", "strength");

  private static final List<String> QUARTERS =
      List.of(
          "Noord",
          "Zuid",
          "Oost",
          "West",
          "Centrum",
          "Noordoost",
          "Zuidwest",
          "Noordwest",
          "Zuidoost");

  private static final CSVFormat CSV = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get();

  private final OrganisationSpec spec;
  private final SectorCatalogue cat;
  private final List<String> kinds;
  private final List<String> places;
  private final int units;
  private final int[] parent;
  private final int[] level;
  private final int[] branch; // -1 for the top, branches.size() for the support branch
  private final int[] function; // support function of a unit below level 1, else -1
  private final String[] unitName;
  private final int[][] children;
  private final int[] firstPerson;
  private final int[] size;
  private final int people;

  private OrganisationGenerator(OrganisationSpec spec) {
    this.spec = spec;
    this.cat = SectorCatalogue.of(spec.sector());
    this.kinds = cat.levelKinds(spec.levels());
    this.places = spec.units() <= 100 ? DutchNames.IJSSEL_TOWNS : DutchNames.TOWNS;
    this.units = spec.units();
    parent = new int[units];
    level = new int[units];
    branch = new int[units];
    function = new int[units];
    unitName = new String[units];
    children = new int[units][];
    firstPerson = new int[units];
    size = new int[units];
    planUnits();
    people = planPeople();
  }

  public static OrganisationGenerator of(OrganisationSpec spec) {
    return new OrganisationGenerator(spec);
  }

  public OrganisationSpec spec() {
    return spec;
  }

  public int unitCount() {
    return units;
  }

  public int personCount() {
    return people;
  }

  /** The external id of a team leader of a care or service team: the demo's manager user. */
  public String demoManagerId() {
    return personId(firstPerson[firstPrimaryTeam()]);
  }

  /** The external id of a member of that team: the demo's employee user. */
  public String demoEmployeeId() {
    return personId(firstPerson[firstPrimaryTeam()] + 1);
  }

  /** First and last name of a generated person. */
  public String displayName(String personId) {
    Person p = person(Integer.parseInt(personId) - 100_001);
    return p.firstName + " " + p.lastName;
  }

  /**
   * Writes the four files into {@code dir} as units.csv, people.csv, settings.csv and
   * interdependencies.csv.
   */
  public Map<ImportKind, Path> writeTo(Path dir) throws IOException {
    Files.createDirectories(dir);
    Map<ImportKind, Path> files = new EnumMap<>(ImportKind.class);
    for (ImportKind kind : ImportKind.values()) {
      Path file = dir.resolve(fileName(kind));
      try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        write(kind, w);
      }
      files.put(kind, file);
    }
    return files;
  }

  public static String fileName(ImportKind kind) {
    return kind.name().toLowerCase(Locale.ROOT) + ".csv";
  }

  /** Writes one file; the writer is flushed, not closed. */
  public void write(ImportKind kind, Writer out) throws IOException {
    CSVPrinter csv = new CSVPrinter(out, CSV);
    switch (kind) {
      case UNITS -> writeUnits(csv);
      case PEOPLE -> writePeople(csv);
      case SETTINGS -> writeSettings(csv);
      case INTERDEPENDENCIES -> writeInterdependencies(csv);
    }
    csv.flush();
  }

  /** One file as bytes: handy for the small demo clients. */
  public byte[] bytes(ImportKind kind) {
    var buffer = new java.io.ByteArrayOutputStream();
    try (Writer w = new java.io.OutputStreamWriter(buffer, StandardCharsets.UTF_8)) {
      write(kind, w);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return buffer.toByteArray();
  }

  /** Imports the four files, in their order, into this client (the demo and the benchmarks). */
  public void importInto(StructureImport imports, ClientScope scope) {
    for (ImportKind kind : ImportKind.values()) {
      imports.importCsv(scope, kind, new java.io.ByteArrayInputStream(bytes(kind)), fileName(kind));
    }
  }

  // ---- planning the tree -------------------------------------------------------------------

  private SplittableRandom random(long stream) {
    return new SplittableRandom(spec.seed() * 0x9E3779B97F4A7C15L + stream);
  }

  private void planUnits() {
    int[] sizes = levelSizes();
    SplittableRandom r = random(1);
    Map<String, Integer> usedNames = new HashMap<>();
    String[] place = new String[units];
    int supportBranch = cat.branches().size();
    parent[0] = -1;
    branch[0] = -1;
    function[0] = -1;
    unitName[0] = cat.topName();
    usedNames.put(unitName[0], 1);
    int levelStart = 0;
    int next = 1;
    int[] supportCounter = new int[sizes.length];
    int[] primaryCounter = new int[cat.branches().size()];
    // Places come round in a shuffled order, so that neighbouring departments get different towns.
    List<String> placeOrder = new ArrayList<>(places);
    for (int i = placeOrder.size() - 1; i > 0; i--) {
      java.util.Collections.swap(placeOrder, i, r.nextInt(i + 1));
    }
    int placeCounter = 0;
    for (int l = 0; l + 1 < sizes.length; l++) {
      int count = sizes[l];
      double[] weights = new double[count];
      for (int i = 0; i < count; i++) {
        int u = levelStart + i;
        boolean support = branch[u] == supportBranch;
        weights[i] = (support ? 0.45 : 1.0) * (0.75 + 0.5 * r.nextDouble());
      }
      int[] childCounts = apportion(sizes[l + 1], weights, 1);
      for (int i = 0; i < count; i++) {
        int p = levelStart + i;
        children[p] = new int[childCounts[i]];
        for (int c = 0; c < childCounts[i]; c++) {
          int u = next++;
          children[p][c] = u;
          parent[u] = p;
          level[u] = l + 1;
          if (l == 0) {
            // The last division is the support branch (bedrijfsvoering), the others deliver the
            // work.
            branch[u] =
                (c == childCounts[i] - 1 && childCounts[i] > 1) ? supportBranch : c % supportBranch;
          } else {
            branch[u] = branch[p];
          }
          boolean support = branch[u] == supportBranch;
          function[u] = support && l >= 1 ? supportCounter[l + 1]++ % cat.functions().size() : -1;
          place[u] =
              place[p] != null || l == 0 || support
                  ? place[p]
                  : placeOrder.get(placeCounter++ % placeOrder.size());
          unitName[u] =
              uniqueName(
                  usedNames, baseName(u, c, kinds.get(l + 1), place[u], primaryCounter), place[u]);
        }
      }
      levelStart += count;
    }
    for (int u = 0; u < units; u++) {
      if (children[u] == null) {
        children[u] = new int[0];
      }
    }
    nameSupportDepartments(usedNames);
  }

  /**
   * A support department is named after the teams it holds ("Dienst Planning en HR"), which are
   * only known once the tree is complete; its head then heads the first of them.
   */
  private void nameSupportDepartments(Map<String, Integer> usedNames) {
    for (int u = 0; u < units; u++) {
      String kind = kinds.get(level[u]);
      boolean department =
          kind.equals("afdeling") || kind.equals("sector") || kind.equals("domein");
      if (function[u] < 0 || children[u].length == 0 || !department || level[u] < 2) {
        continue;
      }
      List<Integer> functions = new ArrayList<>();
      for (int c : children[u]) {
        int leaf = c;
        while (children[leaf] != null && children[leaf].length > 0) {
          leaf = children[leaf][0];
        }
        if (!functions.contains(function[leaf]) && functions.size() < 2) {
          functions.add(function[leaf]);
        }
      }
      function[u] = functions.get(0);
      String name = "Dienst " + cat.functions().get(functions.get(0)).shortLabel();
      if (functions.size() > 1) {
        name += " en " + cat.functions().get(functions.get(1)).shortLabel();
      }
      unitName[u] = uniqueName(usedNames, name, null);
    }
  }

  private String baseName(int u, int index, String kind, String place, int[] primaryCounter) {
    boolean support = branch[u] == cat.branches().size();
    SectorCatalogue.Branch b = support ? cat.support() : cat.branches().get(branch[u]);
    String fn = function[u] >= 0 ? cat.functions().get(function[u]).label() : null;
    if (level[u] == 1) {
      return capitalise(kind) + " " + b.label();
    }
    return switch (kind) {
      case "team" -> {
        if (support) {
          yield "Team " + fn;
        }
        int n = primaryCounter[branch[u]]++;
        yield b.teams().get(n % b.teams().size());
      }
      case "regio" -> "Regio " + (place == null ? fn : place);
      case "afdeling", "sector", "domein" ->
          support ? "Dienst " + fn : b.departmentPrefix() + " " + place;
      default ->
          capitalise(kind)
              + " "
              + (support ? fn : place)
              + "-"
              + QUARTERS.get(index % QUARTERS.size());
    };
  }

  private static String uniqueName(Map<String, Integer> used, String base, String place) {
    String name = base;
    if (used.containsKey(name) && place != null && !base.contains(place)) {
      name = base + " " + place;
    }
    Integer seen = used.get(name);
    used.put(name, seen == null ? 1 : seen + 1);
    return seen == null ? name : name + " " + (seen + 1);
  }

  private int[] levelSizes() {
    if (spec.levelSizes() != null) {
      return spec.levelSizes().stream().mapToInt(Integer::intValue).toArray();
    }
    int levels = spec.levels();
    // Solve 1 + b + b² + … + b^(levels-1) = units for the branching factor b.
    double lo = 1, hi = units;
    for (int i = 0; i < 100; i++) {
      double b = (lo + hi) / 2, sum = 0;
      for (int l = 0; l < levels; l++) {
        sum += Math.pow(b, l);
      }
      if (sum > units) {
        hi = b;
      } else {
        lo = b;
      }
    }
    int[] sizes = new int[levels];
    int total = 0;
    for (int l = 0; l < levels - 1; l++) {
      sizes[l] = l == 0 ? 1 : Math.max(sizes[l - 1], (int) Math.round(Math.pow(lo, l)));
      total += sizes[l];
    }
    sizes[levels - 1] = units - total;
    return sizes;
  }

  /**
   * Divides {@code total} over the weights, each share at least {@code min}, by largest remainder.
   */
  static int[] apportion(int total, double[] weights, int min) {
    int n = weights.length;
    int[] shares = new int[n];
    int rest = total - min * n;
    if (rest < 0) {
      throw new IllegalArgumentException(
          "cannot give " + n + " shares " + min + " each out of " + total);
    }
    double sum = 0;
    for (double w : weights) {
      sum += w;
    }
    double[] remainders = new double[n];
    int given = 0;
    for (int i = 0; i < n; i++) {
      double exact = rest * weights[i] / sum;
      shares[i] = min + (int) exact;
      remainders[i] = exact - (int) exact;
      given += (int) exact;
    }
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, (a, b) -> Double.compare(remainders[b], remainders[a]));
    for (int i = 0; i < rest - given; i++) {
      shares[order[i]]++;
    }
    return shares;
  }

  private int planPeople() {
    SplittableRandom r = random(2);
    int leaves = 0;
    int[] staff = new int[units];
    int staffTotal = 0;
    for (int u = 0; u < units; u++) {
      if (children[u].length == 0) {
        leaves++;
      } else {
        staff[u] = u == 0 ? cat.topStaff().size() : 1 + r.nextInt(3);
        staffTotal += staff[u];
      }
    }
    int inTeams = spec.people() - units - staffTotal;
    if (inTeams < leaves) {
      java.util.Arrays.fill(staff, 0);
      inTeams = spec.people() - units;
    }
    double[] weights = new double[leaves];
    for (int i = 0; i < leaves; i++) {
      weights[i] = 0.7 + 0.6 * r.nextDouble();
    }
    int[] members = apportion(inTeams, weights, 1);
    int next = 0;
    int leaf = 0;
    for (int u = 0; u < units; u++) {
      firstPerson[u] = next;
      size[u] = 1 + (children[u].length == 0 ? members[leaf++] : staff[u]);
      next += size[u];
    }
    return next;
  }

  private int firstPrimaryTeam() {
    for (int u = 0; u < units; u++) {
      if (children[u].length == 0
          && branch[u] >= 0
          && branch[u] < cat.branches().size()
          && size[u] > 1) {
        return u;
      }
    }
    throw new IllegalStateException("no team");
  }

  // ---- people ------------------------------------------------------------------------------

  private record Person(String firstName, String lastName, int surname) {}

  private Person person(int p) {
    SplittableRandom r = random(1_000_000L + p);
    List<String> first = r.nextDouble() < cat.womenShare() ? DutchNames.WOMEN : DutchNames.MEN;
    int surname =
        Math.min(r.nextInt(DutchNames.SURNAMES.size()), r.nextInt(DutchNames.SURNAMES.size()));
    return new Person(first.get(pick(r, first.size())), DutchNames.SURNAMES.get(surname), surname);
  }

  /** Favours the front of a list: common names come up more often than rare ones. */
  private static int pick(SplittableRandom r, int n) {
    return Math.min(r.nextInt(n), r.nextInt(n));
  }

  private static String personId(int p) {
    return Integer.toString(100_001 + p);
  }

  private String unitId(int u) {
    return "U" + (10_001 + u);
  }

  private int unitOf(int p) {
    int lo = 0, hi = units - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (firstPerson[mid] <= p) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }

  private String jobTitle(int u, int k, SplittableRandom r) {
    boolean support = branch[u] == cat.branches().size();
    String kind = kinds.get(level[u]);
    if (k == 0) {
      if (support && level[u] >= 2 && !kind.equals("team")) {
        return "hoofd " + cat.functions().get(function[u]).label();
      }
      if (support && level[u] == 1) {
        return "directeur bedrijfsvoering";
      }
      return cat.managerTitles().get(kind);
    }
    if (children[u].length > 0) {
      List<String> staff = u == 0 ? cat.topStaff() : cat.staff();
      return u == 0 ? staff.get((k - 1) % staff.size()) : staff.get(r.nextInt(staff.size()));
    }
    if (support) {
      List<String> titles = cat.functions().get(function[u]).titles();
      return titles.get(pick(r, titles.size()));
    }
    SectorCatalogue.Branch b = cat.branches().get(branch[u]);
    int total = 0;
    for (int w : b.weights()) {
      total += w;
    }
    int x = r.nextInt(total);
    for (int i = 0; i < b.weights().length; i++) {
      x -= b.weights()[i];
      if (x < 0) {
        return b.titles().get(i);
      }
    }
    return b.titles().get(0);
  }

  private void writeUnits(CSVPrinter csv) throws IOException {
    csv.printRecord(UNIT_HEADER);
    for (int u = 0; u < units; u++) {
      csv.printRecord(
          unitId(u), unitName[u], parent[u] < 0 ? "" : unitId(parent[u]), kinds.get(level[u]));
    }
  }

  private void writePeople(CSVPrinter csv) throws IOException {
    csv.printRecord(PEOPLE_HEADER);
    String[] surnameSlugs =
        DutchNames.SURNAMES.stream().map(DutchNames::slug).toArray(String[]::new);
    Map<String, String> initials = new HashMap<>();
    for (String name : DutchNames.WOMEN) {
      initials.put(name, DutchNames.slug(name.substring(0, 1)));
    }
    for (String name : DutchNames.MEN) {
      initials.put(name, DutchNames.slug(name.substring(0, 1)));
    }
    Map<String, Integer> emails = new HashMap<>(people * 2);
    String domain = "@" + spec.domain();
    for (int u = 0; u < units; u++) {
      String unit = unitId(u);
      String manager = parent[u] < 0 ? "" : personId(firstPerson[parent[u]]);
      String own = personId(firstPerson[u]);
      for (int k = 0; k < size[u]; k++) {
        int p = firstPerson[u] + k;
        Person person = person(p);
        SplittableRandom r = random(3_000_000L + p);
        String local = initials.get(person.firstName) + "." + surnameSlugs[person.surname];
        Integer seen = emails.merge(local, 1, Integer::sum);
        String email = (seen == 1 ? local : local + seen) + domain;
        csv.printRecord(
            personId(p),
            person.firstName,
            person.lastName,
            email,
            jobTitle(u, k, r),
            unit,
            k == 0 ? manager : own);
      }
    }
  }

  // ---- settings ----------------------------------------------------------------------------

  private final class Settings {
    private final CSVPrinter csv;
    private final Map<String, Integer> names = new HashMap<>();
    private int next;

    Settings(CSVPrinter csv) {
      this.csv = csv;
    }

    void add(String name, String kind, int unit, Set<Integer> members) throws IOException {
      Integer seen = names.merge(name, 1, Integer::sum);
      StringBuilder ids = new StringBuilder();
      for (int p : members) {
        if (ids.length() > 0) {
          ids.append('|');
        }
        ids.append(personId(p));
      }
      csv.printRecord(
          "S" + (10_001 + next++),
          seen == 1 ? name : name + " " + seen,
          kind,
          unit < 0 ? "" : unitId(unit),
          ids);
    }
  }

  private void writeSettings(CSVPrinter csv) throws IOException {
    csv.printRecord(SETTING_HEADER);
    Settings settings = new Settings(csv);
    SplittableRandom r = random(4);
    // Management teams of the top and of every division: its manager, its first staff member, the
    // managers of the units below.
    for (int u = 0; u < units && level[u] <= 1; u++) {
      if (children[u].length == 0) {
        continue;
      }
      Set<Integer> members = new LinkedHashSet<>();
      members.add(firstPerson[u]);
      if (size[u] > 1) {
        members.add(firstPerson[u] + 1);
      }
      for (int c : children[u]) {
        members.add(firstPerson[c]);
      }
      String name =
          u == 0
              ? (spec.sector() == OrganisationSpec.Sector.CARE ? "Bestuursteam" : "Directieteam")
              : "MT " + unitName[u];
      settings.add(name, "MANAGEMENT_TEAM", u, members);
    }
    // Team meetings: every team, everyone in it.
    for (int u = 0; u < units; u++) {
      if (children[u].length == 0) {
        Set<Integer> members = new LinkedHashSet<>();
        for (int k = 0; k < size[u]; k++) {
          members.add(firstPerson[u] + k);
        }
        String team = unitName[u].startsWith("Team ") ? unitName[u].substring(5) : unitName[u];
        settings.add("Teamoverleg " + team, "TEAM_MEETING", u, members);
      }
    }
    // Works council: members from different teams (a personnel representation below 50 people).
    List<Integer> teams = new ArrayList<>();
    for (int u = 0; u < units; u++) {
      if (children[u].length == 0 && size[u] > 1) {
        teams.add(u);
      }
    }
    int councilSize = people < 50 ? 3 : people <= 1000 ? 7 : 25;
    Set<Integer> council = new LinkedHashSet<>();
    Set<Integer> councilTeams = new HashSet<>();
    for (int attempt = 0; council.size() < councilSize && attempt < councilSize * 20; attempt++) {
      int team = teams.get(r.nextInt(teams.size()));
      if (councilTeams.add(team) || councilTeams.size() >= teams.size()) {
        council.add(firstPerson[team] + 1 + r.nextInt(size[team] - 1));
      }
    }
    settings.add(
        people < 50 ? "Personeelsvertegenwoordiging" : "Ondernemingsraad",
        "WORKS_COUNCIL",
        0,
        council);
    // Project boards: a director as sponsor, managers from across the organisation, a staff member.
    int boards = Math.max(1, Math.min(people / 150, 3 + people / 2_000));
    List<Integer> divisions = new ArrayList<>();
    List<Integer> managers = new ArrayList<>();
    for (int u = 1; u < units; u++) {
      if (level[u] == 1) {
        divisions.add(u);
      } else {
        managers.add(u);
      }
    }
    for (int i = 0; i < boards; i++) {
      int sponsor = divisions.get(r.nextInt(divisions.size()));
      Set<Integer> members = new LinkedHashSet<>();
      members.add(firstPerson[sponsor]);
      for (int m = 0; m < 2 + r.nextInt(3) && !managers.isEmpty(); m++) {
        members.add(firstPerson[managers.get(r.nextInt(managers.size()))]);
      }
      if (size[0] > 1) {
        members.add(firstPerson[0] + 1 + r.nextInt(size[0] - 1));
      }
      settings.add(
          cat.projects().get(i % cat.projects().size()), "PROJECT_BOARD", sponsor, members);
    }
    // Client meetings: the units just above the teams of the primary branches, with their manager
    // and a few people from their teams.
    for (int u = 0; u < units; u++) {
      if (level[u] == spec.levels() - 2 && branch[u] >= 0 && branch[u] < cat.branches().size()) {
        Set<Integer> members = new LinkedHashSet<>();
        members.add(firstPerson[u]);
        for (int c : children[u]) {
          members.add(firstPerson[c]);
          if (size[c] > 1) {
            members.add(firstPerson[c] + 1 + r.nextInt(size[c] - 1));
          }
        }
        settings.add(cat.clientMeetingPrefix() + " " + unitName[u], "CLIENT_MEETING", u, members);
      }
    }
  }

  // ---- interdependencies -------------------------------------------------------------------

  private void writeInterdependencies(CSVPrinter csv) throws IOException {
    csv.printRecord(INTERDEPENDENCY_HEADER);
    SplittableRandom r = random(5);
    Set<Long> pairs = new HashSet<>();
    List<Integer> supportTeams = new ArrayList<>();
    List<Integer> primaryTeams = new ArrayList<>();
    for (int u = 0; u < units; u++) {
      if (children[u].length == 0) {
        (function[u] >= 0 ? supportTeams : primaryTeams).add(u);
      }
    }
    for (int u : primaryTeams) {
      if (!supportTeams.isEmpty()) {
        int s = supportTeams.get(r.nextInt(supportTeams.size()));
        List<String> needs = cat.functions().get(function[s]).needs();
        dependency(csv, pairs, u, s, needs.get(r.nextInt(needs.size())), strength(r));
      }
      int[] siblings = children[parent[u]];
      if (siblings.length > 1 && r.nextDouble() < 0.6) {
        int s = siblings[r.nextInt(siblings.length)];
        dependency(
            csv,
            pairs,
            u,
            s,
            cat.siblingNeeds().get(r.nextInt(cat.siblingNeeds().size())),
            1 + r.nextInt(2));
      }
    }
    // Support teams lean on each other too: planning on HR, finance on planning, and so on.
    for (int u : supportTeams) {
      if (supportTeams.size() > 1 && r.nextDouble() < 0.5) {
        int s = supportTeams.get(r.nextInt(supportTeams.size()));
        if (function[s] != function[u]) {
          List<String> needs = cat.functions().get(function[s]).needs();
          dependency(csv, pairs, u, s, needs.get(r.nextInt(needs.size())), strength(r));
        }
      }
    }
    // Divisions depend on the support division for their budget and reports.
    int supportDivision = -1;
    for (int c : children[0]) {
      if (branch[c] == cat.branches().size()) {
        supportDivision = c;
      }
    }
    for (int c : children[0]) {
      if (supportDivision >= 0 && c != supportDivision) {
        dependency(csv, pairs, c, supportDivision, "begroting en managementrapportages", 2);
      }
    }
  }

  private void dependency(
      CSVPrinter csv, Set<Long> pairs, int from, int to, String description, int strength)
      throws IOException {
    if (from != to && pairs.add((long) from * units + to)) {
      csv.printRecord(unitId(from), unitId(to), description, strength);
    }
  }

  /** Mostly considerable, sometimes light or critical. */
  private static int strength(SplittableRandom r) {
    int x = r.nextInt(20);
    return x < 6 ? 1 : x < 15 ? 2 : 3;
  }

  private static String capitalise(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
