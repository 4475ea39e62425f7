package nl.orgcoach.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import nl.orgcoach.observation.DefaultFramework;
import nl.orgcoach.organisation.Constellation;
import nl.orgcoach.organisation.ConstellationDerivation;
import nl.orgcoach.organisation.ReportingSnapshot;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/**
 * Fills a migrated database (PostgreSQL with COPY, or H2 with JDBC batches) with the observation
 * data of issue 4: a benchmark data generator, not a use case. It writes straight into the tables
 * and keeps the rules of the module itself:
 *
 * <ul>
 *   <li>one client of 5,000 people in 281 units (a board, 5 divisions, 25 departments, 250 teams)
 *       with reporting lines: everyone reports to the head of their unit, a head to the head of the
 *       parent unit; {@code person_history} holds the lines as they were, including 100 team
 *       members who moved to another team of their department on {@link Spec#moveDay()} (two
 *       periods each), so that a constellation derives from the chart of its own date;
 *   <li>settings: a team meeting per team, a management team per department and per division, each
 *       with its members;
 *   <li>{@link Spec#coaches()} coach users (all with the password {@link #PASSWORD}), assigned to
 *       the client and coaching the one engagement, whose framework is the default one (12
 *       behaviours);
 *   <li>30,000 meetings over two years (team meetings with and without their lead, management
 *       teams, ad-hoc work sessions across teams; sometimes a guest by name), each with its
 *       attendees; every observation is of an attendee, on the meeting's date;
 *   <li>300,000 observations of 1–4 behaviours each (about 750,000 ratings), each with its stored
 *       constellation ({@code observation_attendee}, {@code present}, {@code dominant}) derived by
 *       the production {@link ConstellationDerivation} from that date's lines;
 *   <li>ratings: most people behave the same whoever is in the room (a personal level per behaviour
 *       plus noise); 5 % are incongruent ({@link Result#incongruent()}): clearly more favourable
 *       when a superior is present, and clearly less with their direct reports (a manager) or their
 *       peers (anyone else).
 * </ul>
 *
 * Deterministic: the same seed gives the same data, ids included. The database must be migrated
 * (start the app on it, as {@code ObservationBenchmark} does, and pass its {@code DataSource}) and
 * hold no client of the same name. Usage:
 *
 * <pre>
 * ObservationLoad.Result data = ObservationLoad.generate(app.getBean(DataSource.class), 20261127L);
 * // data.clientId(), data.engagementId(), data.coaches().get(0).email() + PASSWORD, data.busyPerson()
 * </pre>
 */
public final class ObservationLoad {

  /** The password of every generated coach. */
  public static final String PASSWORD = "bench-password-2026";

  /** The client's name. */
  public static final String CLIENT_NAME = "Zorggroep Waalweide";

  /** How big and how long; the data's "today" is {@code start + days}. */
  public record Spec(
      int teams,
      int people,
      int meetings,
      int observations,
      int coaches,
      int movers,
      LocalDate start,
      int days,
      double incongruentShare,
      long seed) {

    /** The size of issue 4, ending on 2026-11-27. */
    public static Spec issue4(long seed) {
      return new Spec(
          250, 5_000, 30_000, 300_000, 50, 100, LocalDate.of(2024, 11, 27), 730, 0.05, seed);
    }

    /** The day (from the start) on which the movers change teams. */
    public int moveDay() {
      return days / 2;
    }

    public LocalDate end() {
      return start.plusDays(days);
    }
  }

  /** A generated coach: a user with role COACH who coaches the engagement. */
  public record Coach(UUID id, String email) {}

  /**
   * What was written.
   *
   * @param busyPerson the person with the most observations (for profile timings)
   * @param incongruent the people generated as incongruent (about 5 %)
   * @param dominant observations by stored dominant constellation
   * @param millis generation and writing together; {@code vacuumMillis} the VACUUM ANALYZE after
   */
  public record Result(
      UUID clientId,
      UUID engagementId,
      List<Coach> coaches,
      UUID busyPerson,
      int busyPersonObservations,
      Set<UUID> incongruent,
      int people,
      int historyRows,
      int settings,
      int meetings,
      long meetingAttendees,
      int observations,
      long ratings,
      long observationAttendees,
      Map<String, Integer> dominant,
      long millis,
      long vacuumMillis) {

    /** The first coach, for a single session. */
    public Coach coach() {
      return coaches.get(0);
    }
  }

  /** Generates {@link Spec#issue4} into the database behind {@code dataSource}. */
  public static Result generate(DataSource dataSource, long seed) throws SQLException {
    return generate(dataSource, Spec.issue4(seed));
  }

  public static Result generate(DataSource dataSource, Spec spec) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      return new ObservationLoad(spec).run(c);
    }
  }

  /**
   * The data an earlier {@link #generate} left in this database (to rerun a benchmark without
   * generating again): ids and counts read back; {@code incongruent} is empty (it is not stored)
   * and the times are zero.
   */
  public static Result existing(DataSource dataSource) throws SQLException {
    var jdbc = org.springframework.jdbc.core.simple.JdbcClient.create(dataSource);
    UUID client =
        jdbc.sql("SELECT id FROM client WHERE name = :n")
            .param("n", CLIENT_NAME)
            .query(UUID.class)
            .single();
    UUID engagement =
        jdbc.sql("SELECT id FROM engagement WHERE client_id = :c")
            .param("c", client)
            .query(UUID.class)
            .single();
    List<Coach> coaches =
        jdbc.sql(
                "SELECT u.id, u.email FROM app_user u JOIN engagement_coach c ON c.user_id = u.id"
                    + " WHERE c.engagement_id = :e ORDER BY u.email")
            .param("e", engagement)
            .query(Coach.class)
            .list();
    record Busy(UUID personId, int n) {}
    Busy busy =
        jdbc.sql(
                "SELECT person_id, count(*) AS n FROM observation WHERE client_id = :c"
                    + " GROUP BY person_id ORDER BY count(*) DESC, person_id DESC"
                    + " FETCH FIRST 1 ROWS ONLY")
            .param("c", client)
            .query(Busy.class)
            .single();
    Map<String, Integer> dominant = new java.util.TreeMap<>();
    jdbc.sql(
            "SELECT COALESCE(dominant, 'NONE'), count(*) FROM observation WHERE client_id = :c"
                + " GROUP BY dominant")
        .param("c", client)
        .query(
            rs -> {
              dominant.put(rs.getString(1), rs.getInt(2));
            });
    java.util.function.Function<String, Long> count =
        table ->
            jdbc.sql("SELECT count(*) FROM " + table + " WHERE client_id = :c")
                .param("c", client)
                .query(Long.class)
                .single();
    return new Result(
        client,
        engagement,
        coaches,
        busy.personId(),
        busy.n(),
        Set.of(),
        count.apply("person").intValue(),
        count.apply("person_history").intValue(),
        count.apply("setting").intValue(),
        count.apply("meeting").intValue(),
        count.apply("meeting_attendee"),
        count.apply("observation").intValue(),
        count.apply("observation_rating"),
        count.apply("observation_attendee"),
        dominant,
        0,
        0);
  }

  private static final String[] FIRST = {
    "Anna", "Bram", "Chantal", "Daan", "Eva", "Fatima", "Gerrit", "Hanneke", "Ilse", "Jeroen",
    "Karin", "Lars", "Marieke", "Niels", "Olga", "Pieter", "Quinten", "Rosa", "Sanne", "Thijs",
    "Ursula", "Vincent", "Wendy", "Yusuf", "Zoë", "Mohamed", "Lotte", "Ruben", "Noor", "Kees",
    "Femke", "Joost", "Priya", "Sem", "Ingrid", "Bas", "Esra", "Tim", "Mila", "Hendrik"
  };
  private static final String[] LAST = {
    "de Vries",
    "Jansen",
    "van den Berg",
    "Bakker",
    "Visser",
    "Smit",
    "Meijer",
    "de Boer",
    "Mulder",
    "de Groot",
    "Bos",
    "Vos",
    "Peters",
    "Hendriks",
    "van Leeuwen",
    "Dekker",
    "Brouwer",
    "de Wit",
    "Dijkstra",
    "Smits",
    "de Graaf",
    "van der Meer",
    "van der Linden",
    "Kok",
    "Jacobs",
    "de Haan",
    "Vermeulen",
    "van den Heuvel",
    "van der Veen",
    "van den Broek",
    "de Bruijn",
    "de Jong",
    "Schouten",
    "van Beek",
    "Willems",
    "van Dijk",
    "Hoekstra",
    "Koster",
    "Prins",
    "Yilmaz",
    "El Amrani",
    "Kramer",
    "Huisman",
    "Post",
    "Kuipers",
    "Verhoeven",
    "Lambers"
  };
  private static final String[] PLACES = {
    "Tiel", "Culemborg", "Zaltbommel", "Geldermalsen", "Druten", "Wijchen", "Beneden-Leeuwen"
  };
  private static final String[] GUESTS = {
    "Stagiair HBO-V",
    "Inspecteur IGJ",
    "Adviseur van de zorgverzekeraar",
    "Cliëntenraadslid",
    "Interim-manager",
    "Projectleider ICT"
  };
  private static final String[] NOTES = {
    "Vroeg eerst iedereen om een reactie.",
    "Sprak een collega direct aan op de afspraak.",
    "Nam het besluit zonder de anderen te horen.",
    "Legde uit waarom het besluit zo viel.",
    "Bleef stil toen de spanning opliep.",
    "Gaf toe dat de planning niet klopte.",
    "Bood hulp aan bij de overdracht."
  };
  private static final String[] SESSIONS = {
    "Werksessie roosteren", "Werksessie overdracht", "Intervisie", "Verbetersessie kwaliteit"
  };

  private static final LocalDate ALWAYS = LocalDate.of(1900, 1, 1);

  /** One person: where they were before and after {@link Spec#moveDay()}. */
  private static final class P {
    final UUID id;
    final String first;
    final String last;
    final String key; // the sort key of a meeting's attendee list: last name, first name
    U unit;
    UUID manager;
    U unitBefore;
    UUID managerBefore;
    boolean head;
    final double[] level;
    int effect; // 0: consistent; 1: incongruent vs reports (a manager); 2: vs peers

    P(UUID id, String first, String last, int behaviours) {
      this.id = id;
      this.first = first;
      this.last = last;
      this.key = last + " " + first + " " + id;
      this.level = new double[behaviours];
    }
  }

  /** One unit; a team's members before and after the moves. */
  private static final class U {
    final UUID id;
    final String external;
    final String name;
    final String kind;
    final U parent;
    final List<U> children = new ArrayList<>();
    P head;
    final List<P> staff = new ArrayList<>(); // people of the unit other than the head
    final List<P> before = new ArrayList<>(); // a team's members until the move day
    UUID setting;

    U(UUID id, String external, String name, String kind, U parent) {
      this.id = id;
      this.external = external;
      this.name = name;
      this.kind = kind;
      this.parent = parent;
      if (parent != null) {
        parent.children.add(this);
      }
    }
  }

  private record Meeting(
      UUID id, int day, UUID setting, String title, List<P> people, List<String> guests) {}

  private final Spec spec;
  private final Random r;
  private final List<DefaultFramework.Row> framework = DefaultFramework.rows();
  private final List<U> units = new ArrayList<>();
  private final List<U> teams = new ArrayList<>();
  private final List<U> departments = new ArrayList<>();
  private final List<U> divisions = new ArrayList<>();
  private final List<P> people = new ArrayList<>();
  private U board;

  private ObservationLoad(Spec spec) {
    this.spec = spec;
    this.r = new Random(spec.seed());
  }

  private UUID uuid() {
    // Version-4 shaped, from the seeded generator, so that a rerun gives the same ids.
    long hi = (r.nextLong() & ~0xF000L) | 0x4000L;
    long lo = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(hi, lo);
  }

  private double gaussian() {
    return r.nextGaussian();
  }

  private Result run(Connection c) throws SQLException {
    long started = System.nanoTime();
    boolean autoCommit = c.getAutoCommit();
    c.setAutoCommit(false);
    Result result;
    try {
      result = write(c, started);
      c.commit();
    } catch (SQLException | RuntimeException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(autoCommit);
    }
    long vacuum = System.nanoTime();
    if (BulkRows.postgres(c)) {
      try (Statement s = c.createStatement()) {
        // What autovacuum would have done by then: statistics and the visibility map.
        s.execute("VACUUM ANALYZE");
      }
    }
    long done = System.nanoTime();
    return new Result(
        result.clientId(),
        result.engagementId(),
        result.coaches(),
        result.busyPerson(),
        result.busyPersonObservations(),
        result.incongruent(),
        result.people(),
        result.historyRows(),
        result.settings(),
        result.meetings(),
        result.meetingAttendees(),
        result.observations(),
        result.ratings(),
        result.observationAttendees(),
        result.dominant(),
        (vacuum - started) / 1_000_000,
        (done - vacuum) / 1_000_000);
  }

  private Result write(Connection c, long started) throws SQLException {
    UUID client = uuid();
    OffsetDateTime created = at(-30, 9, 0);
    new BulkRows(c, "client", "id, name, created_at").add(client, CLIENT_NAME, created).flush();

    // Coaches: one password hash for all (bcrypt is slow on purpose).
    String hash = PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(PASSWORD);
    List<Coach> coaches = new ArrayList<>();
    BulkRows users =
        new BulkRows(
            c,
            "app_user",
            "id, email, display_name, password_hash, role, client_id, person_id, enabled,"
                + " created_at");
    BulkRows assignments = new BulkRows(c, "coach_assignment", "user_id, client_id");
    for (int i = 1; i <= spec.coaches(); i++) {
      Coach coach = new Coach(uuid(), String.format("coach%02d@waalweide.bench", i));
      coaches.add(coach);
      users.add(coach.id(), coach.email(), "Coach " + i, hash, "COACH", null, null, true, created);
      assignments.add(coach.id(), client);
    }
    users.flush();
    assignments.flush();

    organisation();
    int history = writeOrganisation(c, client);
    int settings = writeSettings(c, client);

    UUID engagement = uuid();
    P sponsor = board.head;
    new BulkRows(
            c,
            "engagement",
            "id, client_id, title, description, sponsor_person_id, starts_on, ends_on, created_at")
        .add(
            engagement,
            client,
            "Congruent leidinggeven: twee jaar meekijken",
            "Benchmark-engagement van issue 4: observaties in het werk, de hele organisatie.",
            sponsor.id,
            spec.start(),
            spec.end().plusDays(180),
            at(0, 9, 0))
        .flush();
    BulkRows engagementCoaches =
        new BulkRows(c, "engagement_coach", "engagement_id, user_id, client_id");
    coaches.forEach(coach -> engagementCoaches.add(engagement, coach.id(), client));
    engagementCoaches.flush();
    new BulkRows(c, "engagement_unit", "engagement_id, unit_id, client_id")
        .add(engagement, board.id, client)
        .flush();
    new BulkRows(c, "behaviour_framework", "engagement_id, client_id, created_at")
        .add(engagement, client, at(0, 9, 5))
        .flush();
    BulkRows behaviourRows =
        new BulkRows(
            c,
            "behaviour",
            "id, client_id, engagement_id, code, name_nl, name_en, description_nl,"
                + " description_en, indicators_nl, indicators_en, sort_order, retired_at");
    List<UUID> behaviours = new ArrayList<>();
    int order = 1;
    for (DefaultFramework.Row d : framework) {
      UUID id = uuid();
      behaviours.add(id);
      behaviourRows.add(
          id,
          client,
          engagement,
          d.code(),
          d.nameNl(),
          d.nameEn(),
          d.descriptionNl(),
          d.descriptionEn(),
          d.indicatorsNl(),
          d.indicatorsEn(),
          order++,
          null);
    }
    behaviourRows.flush();

    List<Meeting> meetings = meetings();
    BulkRows meetingRows =
        new BulkRows(
            c,
            "meeting",
            "id, client_id, engagement_id, setting_id, title, held_on, created_by, created_at");
    BulkRows meetingAttendees =
        new BulkRows(c, "meeting_attendee", "id, meeting_id, client_id, person_id, outsider_name");
    Coach[] sitting = new Coach[meetings.size()];
    for (int k = 0; k < meetings.size(); k++) {
      Meeting m = meetings.get(k);
      sitting[k] = coaches.get(r.nextInt(coaches.size()));
      meetingRows.add(
          m.id(),
          client,
          engagement,
          m.setting(),
          m.title(),
          date(m.day()),
          sitting[k].id(),
          at(m.day(), 8, r.nextInt(60)));
      for (P p : m.people()) {
        meetingAttendees.add(uuid(), m.id(), client, p.id, null);
      }
      for (String guest : m.guests()) {
        meetingAttendees.add(uuid(), m.id(), client, null, guest);
      }
    }
    meetingRows.flush();
    meetingAttendees.flush();

    // Observations, streamed: observations, then their ratings and attendees, in chunks.
    ReportingSnapshot before = snapshot(true);
    ReportingSnapshot after = snapshot(false);
    BulkRows observations =
        new BulkRows(
            c,
            "observation",
            "id, client_id, engagement_id, meeting_id, person_id, observed_on, observer_id, note,"
                + " bright_spot, present, dominant, idempotency_key, recorded_at");
    BulkRows ratings =
        new BulkRows(c, "observation_rating", "observation_id, behaviour_id, client_id, rating");
    BulkRows stored =
        new BulkRows(
            c,
            "observation_attendee",
            "observation_id, client_id, seq, person_id, outsider_name, category, relation,"
                + " unit_id");
    Map<UUID, Integer> perPerson = new HashMap<>();
    Map<String, Integer> dominants = new java.util.TreeMap<>();
    int made = 0;
    int[] order12 = new int[behaviours.size()];
    for (int k = 0; k < meetings.size(); k++) {
      Meeting m = meetings.get(k);
      int due = (int) ((long) spec.observations() * (k + 1) / meetings.size()) - made;
      if (k == meetings.size() - 1) {
        due = spec.observations() - made; // the last meeting makes up any shortfall
      }
      List<P> seen = new ArrayList<>(m.people());
      Collections.shuffle(seen, r);
      ReportingSnapshot lines = m.day() < spec.moveDay() ? before : after;
      // Everyone present at most once, unless the meetings so far fell well short: then some are
      // seen twice (another moment of a long meeting). The last meeting makes up the rest.
      int n =
          k == meetings.size() - 1
              ? due
              : Math.min(due, seen.size() * (due > seen.size() + 20 ? 2 : 1));
      int minute = 0;
      for (int i = 0; i < n; i++) {
        P observed = seen.get(i % seen.size());
        List<UUID> others = new ArrayList<>();
        for (P p : m.people()) {
          if (p != observed) {
            others.add(p.id);
          }
        }
        Constellation derived = ConstellationDerivation.derive(observed.id, others, lines);
        EnumSet<nl.orgcoach.stats.Constellation> present =
            EnumSet.noneOf(nl.orgcoach.stats.Constellation.class);
        for (Constellation.Attendee a : derived.attendees()) {
          present.add(nl.orgcoach.stats.Constellation.valueOf(a.category().name()));
        }
        if (!m.guests().isEmpty()) {
          present.add(nl.orgcoach.stats.Constellation.OUTSIDERS_PRESENT);
        }
        nl.orgcoach.stats.Constellation dominant =
            present.isEmpty() ? null : nl.orgcoach.stats.Constellation.dominant(present);
        UUID id = uuid();
        minute += 3 + r.nextInt(8);
        observations.add(
            id,
            client,
            engagement,
            m.id(),
            observed.id,
            date(m.day()),
            sitting[k].id(),
            r.nextInt(5) == 0 ? NOTES[r.nextInt(NOTES.length)] : null,
            r.nextInt(33) == 0,
            present.stream().map(Enum::name).collect(Collectors.joining(",")),
            dominant == null ? null : dominant.name(),
            uuid(),
            at(m.day(), 10 + minute / 60, minute % 60));
        int coded = 1 + r.nextInt(4);
        for (int b = 0; b < order12.length; b++) {
          order12[b] = b;
        }
        for (int j = 0; j < coded; j++) {
          int pick = j + r.nextInt(order12.length - j);
          int b = order12[pick];
          order12[pick] = order12[j];
          order12[j] = b;
          double latent = observed.level[b] + shift(observed, dominant) + 0.8 * gaussian();
          int rating = (int) Math.max(1, Math.min(5, Math.round(latent)));
          ratings.add(id, behaviours.get(b), client, rating);
        }
        int seq = 0;
        for (Constellation.Attendee a : derived.attendees()) {
          stored.add(
              id,
              client,
              seq++,
              a.personId(),
              null,
              a.category().name(),
              a.relation().name(),
              a.unitId());
        }
        for (String guest : m.guests()) {
          stored.add(
              id,
              client,
              seq++,
              null,
              guest,
              Constellation.Category.OUTSIDERS_PRESENT.name(),
              Constellation.Relation.NOT_OF_CLIENT.name(),
              null);
        }
        perPerson.merge(observed.id, 1, Integer::sum);
        dominants.merge(dominant == null ? "NONE" : dominant.name(), 1, Integer::sum);
        made++;
      }
      if (observations.pending() >= 10_000 || k == meetings.size() - 1) {
        observations.flush();
        ratings.flush();
        stored.flush();
      }
    }
    if (made != spec.observations()) {
      throw new IllegalStateException("made " + made + " observations");
    }
    var busiest =
        perPerson.entrySet().stream()
            .max(Map.Entry.<UUID, Integer>comparingByValue().thenComparing(Map.Entry::getKey))
            .orElseThrow();
    Set<UUID> incongruent = new LinkedHashSet<>();
    people.stream().filter(p -> p.effect != 0).forEach(p -> incongruent.add(p.id));
    long attendeeRows = meetingAttendees.written();
    return new Result(
        client,
        engagement,
        coaches,
        busiest.getKey(),
        busiest.getValue(),
        Collections.unmodifiableSet(incongruent),
        people.size(),
        history,
        settings,
        meetings.size(),
        attendeeRows,
        made,
        ratings.written(),
        stored.written(),
        dominants,
        (System.nanoTime() - started) / 1_000_000,
        0);
  }

  /**
   * How the constellation moves an incongruent person's ratings: up with a superior in the room,
   * down with their reports (a manager) or their peers (anyone else). Consistent people: 0.
   */
  private static double shift(P p, nl.orgcoach.stats.Constellation dominant) {
    if (p.effect == 0 || dominant == null) {
      return 0;
    }
    return switch (dominant) {
      case SUPERIORS_PRESENT -> 0.9;
      case DIRECT_REPORTS_PRESENT -> p.effect == 1 ? -1.0 : 0;
      case PEERS_PRESENT -> p.effect == 2 ? -1.0 : 0;
      case OUTSIDERS_PRESENT -> 0;
    };
  }

  // --- the organisation ------------------------------------------------------------------------

  private void organisation() {
    int teamsPerDepartment = spec.teams() / 25;
    board = unit("U0000", "Raad van bestuur", "Bestuur", null);
    for (int d = 0; d < 5; d++) {
      U division = unit(String.format("U%d", d + 1), "Divisie " + PLACES[d], "Divisie", board);
      divisions.add(division);
      for (int a = 0; a < 5; a++) {
        U department =
            unit(
                String.format("U%d%d", d + 1, a + 1),
                "Afdeling " + PLACES[d] + " " + (char) ('A' + a),
                "Afdeling",
                division);
        departments.add(department);
        for (int t = 0; t < teamsPerDepartment; t++) {
          U team =
              unit(
                  String.format("U%d%d%02d", d + 1, a + 1, t + 1),
                  "Team " + PLACES[d] + " " + (char) ('A' + a) + (t + 1),
                  "Team",
                  department);
          teams.add(team);
        }
      }
    }
    // Heads top-down, so that every manager exists before their reports; a few staff above teams.
    for (U u : units) {
      u.head = person(u, u.parent == null ? null : u.parent.head.id);
      u.head.head = true;
      int staff = u == board ? 2 : teams.contains(u) ? 0 : u.kind.equals("Divisie") ? 2 : 1;
      for (int s = 0; s < staff; s++) {
        u.staff.add(person(u, u.head.id));
      }
    }
    int left = spec.people() - people.size();
    // Team sizes 12–27 around the mean, adding up to exactly the number of people asked for.
    int[] sizes = new int[teams.size()];
    int sum = 0;
    for (int t = 0; t < sizes.length; t++) {
      sizes[t] = Math.max(8, left / teams.size() - 7 + r.nextInt(15));
      sum += sizes[t];
    }
    for (int t = 0; sum != left; t = (t + 1) % sizes.length) {
      int step = Integer.signum(left - sum);
      if (sizes[t] + step >= 8) {
        sizes[t] += step;
        sum += step;
      }
    }
    for (int t = 0; t < teams.size(); t++) {
      U team = teams.get(t);
      for (int k = 0; k < sizes[t]; k++) {
        team.staff.add(person(team, team.head.id));
      }
    }
    for (P p : people) {
      p.unitBefore = p.unit;
      p.managerBefore = p.manager;
    }
    teams.forEach(team -> team.before.addAll(team.staff));
    // The movers: team members who change to another team of their department half-way.
    for (int moved = 0; moved < spec.movers(); ) {
      U from = teams.get(r.nextInt(teams.size()));
      if (from.staff.size() <= 8) {
        continue;
      }
      List<U> siblings = from.parent.children;
      U to = siblings.get(r.nextInt(siblings.size()));
      if (to == from) {
        continue;
      }
      P p = from.staff.remove(r.nextInt(from.staff.size()));
      if (p.unit != p.unitBefore) {
        from.staff.add(p);
        continue;
      }
      to.staff.add(p);
      p.unit = to;
      p.manager = to.head.id;
      moved++;
    }
    // Personal levels per behaviour; 5% incongruent.
    for (P p : people) {
      double person = 3.1 + 0.45 * gaussian();
      for (int b = 0; b < p.level.length; b++) {
        p.level[b] = person + 0.35 * gaussian();
      }
      if (r.nextDouble() < spec.incongruentShare()) {
        p.effect = p.head ? 1 : 2;
      }
    }
  }

  private U unit(String external, String name, String kind, U parent) {
    U u = new U(uuid(), external, name, kind, parent);
    units.add(u);
    return u;
  }

  private P person(U unit, UUID manager) {
    P p =
        new P(
            uuid(), FIRST[r.nextInt(FIRST.length)], LAST[r.nextInt(LAST.length)], framework.size());
    p.unit = unit;
    p.manager = manager;
    people.add(p);
    return p;
  }

  private int writeOrganisation(Connection c, UUID client) throws SQLException {
    BulkRows unitRows =
        new BulkRows(c, "unit", "id, client_id, external_id, name, kind, parent_id");
    for (U u : units) {
      unitRows.add(u.id, client, u.external, u.name, u.kind, u.parent == null ? null : u.parent.id);
    }
    unitRows.flush();
    BulkRows personRows =
        new BulkRows(
            c,
            "person",
            "id, client_id, external_id, first_name, last_name, email, job_title, unit_id,"
                + " manager_id");
    BulkRows historyRows =
        new BulkRows(
            c,
            "person_history",
            "client_id, person_id, unit_id, manager_person_id, valid_from, valid_to");
    int n = 0;
    for (P p : people) {
      n++;
      String title =
          p.head
              ? switch (p.unit.kind) {
                case "Bestuur" -> "Bestuurder";
                case "Divisie" -> "Divisiedirecteur";
                case "Afdeling" -> "Afdelingsmanager";
                default -> "Teamleider";
              }
              : teams.contains(p.unitBefore) ? "Verzorgende IG" : "Beleidsadviseur";
      personRows.add(
          p.id,
          client,
          String.format("P%05d", n),
          p.first,
          p.last,
          String.format("p%05d@waalweide.bench", n),
          title,
          p.unit.id,
          p.manager);
      if (p.unit == p.unitBefore) {
        historyRows.add(client, p.id, p.unit.id, p.manager, ALWAYS, null);
      } else {
        historyRows.add(
            client, p.id, p.unitBefore.id, p.managerBefore, ALWAYS, date(spec.moveDay()));
        historyRows.add(client, p.id, p.unit.id, p.manager, date(spec.moveDay()), null);
      }
    }
    personRows.flush();
    historyRows.flush();
    return (int) historyRows.written();
  }

  private int writeSettings(Connection c, UUID client) throws SQLException {
    BulkRows settings =
        new BulkRows(c, "setting", "id, client_id, external_id, name, kind, unit_id");
    BulkRows members = new BulkRows(c, "setting_member", "setting_id, person_id, client_id");
    int n = 0;
    for (U u : units) {
      if (u == board) {
        continue;
      }
      u.setting = uuid();
      boolean team = teams.contains(u);
      settings.add(
          u.setting,
          client,
          "S-" + u.external,
          (team ? "Teamoverleg " : "MT ") + u.name,
          team ? "TEAM_MEETING" : "MANAGEMENT_TEAM",
          u.id);
      n++;
      Set<P> in = new LinkedHashSet<>();
      in.add(u.head);
      if (team) {
        in.addAll(u.staff); // the current members
      } else {
        u.children.forEach(child -> in.add(child.head));
      }
      for (P p : in) {
        members.add(u.setting, p.id, client);
      }
    }
    settings.flush();
    members.flush();
    return n;
  }

  private ReportingSnapshot snapshot(boolean before) {
    List<ReportingSnapshot.Line> lines = new ArrayList<>(people.size());
    for (P p : people) {
      lines.add(
          before
              ? new ReportingSnapshot.Line(p.id, p.unitBefore.id, p.managerBefore)
              : new ReportingSnapshot.Line(p.id, p.unit.id, p.manager));
    }
    return ReportingSnapshot.of(before ? spec.start() : date(spec.moveDay()), lines);
  }

  // --- the meetings ----------------------------------------------------------------------------

  private List<Meeting> meetings() {
    List<Meeting> list = new ArrayList<>(spec.meetings());
    for (int k = 0; k < spec.meetings(); k++) {
      int day = (int) ((long) k * spec.days() / spec.meetings());
      boolean early = day < spec.moveDay();
      Set<P> in = new LinkedHashSet<>();
      List<String> guests = new ArrayList<>();
      UUID setting = null;
      String title;
      int kind = r.nextInt(100);
      if (kind < 70) {
        // A team meeting, of a busy team more often; a quarter of them without the team lead.
        double x = r.nextDouble();
        U team = teams.get((int) (teams.size() * Math.pow(x, 1.3)));
        List<P> members = early ? team.before : team.staff;
        setting = team.setting;
        title = "Teamoverleg " + team.name;
        if (r.nextInt(4) != 0) {
          in.add(team.head);
        }
        if (r.nextInt(10) == 0) {
          in.add(team.parent.head);
        }
        int size = Math.min(members.size(), 7 + r.nextInt(8));
        pick(members, size, in);
      } else if (kind < 87) {
        U department = departments.get(r.nextInt(departments.size()));
        setting = department.setting;
        title = "MT " + department.name;
        if (r.nextInt(10) != 0) {
          in.add(department.head);
        }
        if (r.nextInt(4) == 0) {
          in.add(department.parent.head);
        }
        in.addAll(department.staff);
        List<P> leads = department.children.stream().map(t -> t.head).toList();
        pick(leads, Math.min(leads.size(), 6 + r.nextInt(5)), in);
      } else if (kind < 93) {
        U division = divisions.get(r.nextInt(divisions.size()));
        setting = division.setting;
        title = "MT " + division.name;
        in.add(division.head);
        if (r.nextInt(3) == 0) {
          in.add(board.head);
        }
        in.addAll(division.staff);
        division.children.forEach(d -> in.add(d.head));
      } else {
        // Ad hoc: people of several teams of one department, sometimes with a lead.
        U department = departments.get(r.nextInt(departments.size()));
        title = SESSIONS[r.nextInt(SESSIONS.length)] + " " + department.name;
        int size = 6 + r.nextInt(7);
        while (in.size() < size) {
          U team = department.children.get(r.nextInt(department.children.size()));
          List<P> members = early ? team.before : team.staff;
          in.add(r.nextInt(8) == 0 ? team.head : members.get(r.nextInt(members.size())));
        }
      }
      if (r.nextInt(12) == 0) {
        guests.add(GUESTS[r.nextInt(GUESTS.length)]);
      }
      List<P> sorted = new ArrayList<>(in);
      sorted.sort(Comparator.comparing(p -> p.key));
      list.add(new Meeting(uuid(), day, setting, title, List.copyOf(sorted), List.copyOf(guests)));
    }
    return list;
  }

  private void pick(List<P> from, int n, Set<P> into) {
    List<P> copy = new ArrayList<>(from);
    for (int i = 0; i < n && i < copy.size(); i++) {
      int j = i + r.nextInt(copy.size() - i);
      P t = copy.get(i);
      copy.set(i, copy.get(j));
      copy.set(j, t);
      into.add(copy.get(i));
    }
  }

  private OffsetDateTime at(int day, int hour, int minute) {
    return spec.start().plusDays(day).atTime(hour, minute).atOffset(ZoneOffset.UTC);
  }

  private LocalDate date(int day) {
    return spec.start().plusDays(day);
  }
}
