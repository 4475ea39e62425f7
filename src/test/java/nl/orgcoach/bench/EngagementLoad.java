package nl.orgcoach.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * Writes one large engagement straight into the tables of a client whose organisation is already
 * imported: a benchmark data generator, not a use case. It skips the aggregates for speed (JDBC
 * batches on H2, COPY on PostgreSQL), so it keeps their rules itself while it simulates the
 * engagement day by day:
 *
 * <ul>
 *   <li>every question has an owner of the client (a person, a team, or management); a status only
 *       reached through the transitions (merged into a question that was still being worked on and
 *       asked earlier; parked, asked back and withdrawn with a reason; answered only after at least
 *       one intervention);
 *   <li>every intervention answers 1–3 questions of this engagement that were asked before it and
 *       were open or taken up on that day, has 1–2 coaches of the engagement and 1–8 participant
 *       persons (plus the team itself for a team question);
 *   <li>every agreement is owned by a participant person of its intervention (never a coach);
 *   <li>follow-up questions refer to a question their intervention answered.
 * </ul>
 *
 * Deterministic: the same seed and organisation give the same engagement (ids included, apart from
 * those of the imported organisation and the coaches).
 */
final class EngagementLoad {

  /** How big and how long. {@code end} is "today" of the data: nothing happens after it. */
  record Spec(
      int questions, int interventions, int agreements, LocalDate start, int days, long seed) {

    static Spec issue3() {
      return new Spec(50_000, 100_000, 150_000, LocalDate.of(2024, 11, 25), 730, 20261127L);
    }

    LocalDate end() {
      return start.plusDays(days);
    }
  }

  /** A coach of the engagement (a user with role COACH, assigned to the client). */
  record Coach(UUID id, String email) {}

  /** What was written, and how long it took. */
  record Result(
      UUID engagementId,
      int questions,
      int followUps,
      int interventions,
      int participants,
      int answers,
      int agreements,
      Map<String, Integer> questionStatuses,
      Map<String, Integer> agreementStatuses,
      UUID busiestUnit,
      int busiestUnitQuestions,
      UUID medianUnit,
      int medianUnitQuestions,
      long simulateMillis,
      long writeMillis) {}

  private static final String[] TYPES_INDIVIDUAL = {
    "INDIVIDUAL_COACHING",
    "INDIVIDUAL_COACHING",
    "FEEDBACK_CONVERSATION",
    "CONFRONTING_CONVERSATION",
    "SUGGESTION"
  };
  private static final String[] TYPES_TEAM = {
    "TEAM_COACHING", "TEAM_COACHING", "SITTING_IN", "LEARNING_INTERVENTION", "SUGGESTION"
  };
  private static final String[] TYPES_ORGANISATION = {
    "SITTING_IN", "SUGGESTION", "LEARNING_INTERVENTION", "CONFRONTING_CONVERSATION", "OTHER"
  };

  private static final String[] INDIVIDUAL = {
    "Hoe geef ik mijn collega's feedback zonder dat het persoonlijk wordt?",
    "Hoe houd ik overzicht nu ik zelf mijn planning maak?",
    "Hoe zeg ik nee tegen extra diensten zonder het team te laten vallen?",
    "Hoe ga ik om met een collega die afspraken steeds niet nakomt?",
    "Wat is mijn rol als teamleider nu het team zelf roostert?",
    "Hoe verdeel ik mijn tijd tussen zorg en coördinerende taken?",
    "Hoe spreek ik mijn leidinggevende aan op een besluit dat ik niet snap?",
    "Hoe maak ik mijn zorgen over werkdruk bespreekbaar?"
  };
  private static final String[] TEAM = {
    "Hoe maken we als team zelf het rooster zonder dat het steeds schuurt?",
    "Hoe verdelen we de taken nu er geen teamleider meer alles regelt?",
    "Ons teamoverleg loopt steeds uit. Hoe maken we het korter en nuttiger?",
    "Hoe geven we elkaar feedback op de kwaliteit van het werk?",
    "Hoe zorgen we dat nieuwe collega's snel meedraaien?",
    "Hoe houden we de overdracht kort en volledig?",
    "Hoe houden we de werkdruk eerlijk verdeeld over het team?"
  };
  private static final String[] ORGANISATION = {
    "Welke besluiten mogen teams zelf nemen en welke niet?",
    "Hoe ondersteunen de leidinggevenden de teams in hun nieuwe rol?",
    "Hoe meten we of de nieuwe werkwijze het werk beter maakt?",
    "Hoe zorgen we dat het managementteam dezelfde koers uitdraagt?",
    "Hoe leren teams van elkaar zonder extra vergaderingen?"
  };
  private static final String[] REASONS_PARK = {
    "Wacht op het besluit van het managementteam.",
    "Komt terug als het nieuwe rooster draait.",
    "Eerst de evaluatie van de pilot afwachten."
  };
  private static final String[] REASONS_ASK_BACK = {
    "Over welk team gaat het precies, en wie is er nog meer bij betrokken?",
    "Wat is er al geprobeerd, en wat wil je dat er anders wordt?"
  };
  private static final String[] REASONS_WITHDRAW = {
    "De vraagsteller is vertrokken.", "Het probleem is inmiddels opgelost."
  };
  private static final String[] AGREEMENTS = {
    "Bespreekt in het volgende teamoverleg wat er goed ging en wat beter kan.",
    "Maakt een voorstel voor de taakverdeling en deelt het met het team.",
    "Houdt twee weken bij waar de tijd naartoe gaat.",
    "Vraagt feedback aan twee collega's na de volgende dienst.",
    "Spreekt de collega binnen een week aan op de gemaakte afspraak."
  };
  private static final String[] NOTES = {
    "Gesprek over de rolverdeling; spanning tussen verwachtingen en tijd.",
    "Team zoekt houvast bij zelf plannen; eerste afspraken gemaakt.",
    "Meegelopen in het overleg; veel herhaling, weinig besluiten."
  };
  // Agreements per intervention: ten interventions in a row share out exactly fifteen.
  private static final int[] AGREEMENT_CYCLE = {0, 1, 1, 1, 1, 2, 2, 2, 2, 3};

  private enum Fate {
    WORKED,
    OPEN,
    MERGED,
    WITHDRAWN,
    ASKED_BACK,
    PARKED
  }

  /** A question while the simulation runs. */
  private static final class Q {
    final UUID id;
    final String level;
    final String ownerKind;
    final UUID person;
    final UUID unit;
    final int day;
    Fate fate;
    int end; // WORKED: the day it is answered or parked (may lie beyond the data's "today")
    int answers;
    String status;
    String reason;
    UUID mergedInto;
    int pool = -1; // index in the active pool while it is worked on
    UUID raisedIn; // a follow-up: the intervention it was raised in

    Q(UUID id, String level, String ownerKind, UUID person, UUID unit, int day) {
      this.id = id;
      this.level = level;
      this.ownerKind = ownerKind;
      this.person = person;
      this.unit = unit;
      this.day = day;
    }
  }

  private final Spec spec;
  private final Random r;
  private final UUID client;
  private final List<Coach> coaches;
  private final Rows questionRows =
      new Rows(
          "question",
          "id, client_id, engagement_id, text, level, owner_kind, owner_person_id, owner_unit_id,"
              + " decision_id, follow_up_of, status, status_reason, merged_into, channel,"
              + " registered_by, asked_at");
  private final Rows interventionRows =
      new Rows(
          "intervention",
          "id, client_id, engagement_id, type, held_on, duration_minutes, notes, recorded_by,"
              + " recorded_at");
  private final Rows coachRows =
      new Rows("intervention_coach", "intervention_id, user_id, client_id");
  private final Rows participantRows =
      new Rows("intervention_participant", "intervention_id, person_id, unit_id, client_id");
  private final Rows answerRows =
      new Rows("intervention_question", "intervention_id, question_id, client_id");
  private final Rows agreementRows =
      new Rows(
          "agreement",
          "id, client_id, intervention_id, owner_person_id, what, due_on, status, updated_at");

  // The organisation, read from the database.
  private final List<UUID> teams = new ArrayList<>();
  private final Map<UUID, List<UUID>> members = new HashMap<>();
  private final Map<UUID, UUID> unitOf = new HashMap<>();
  private final Map<UUID, String> emailOf = new HashMap<>();
  private final List<UUID> managers = new ArrayList<>();
  private UUID sponsor;
  // Since V2_5 a follow-up records the intervention it was raised in; older schemas lack it.
  private boolean raisedIn;

  private EngagementLoad(Spec spec, UUID client, List<Coach> coaches) {
    this.spec = spec;
    this.r = new Random(spec.seed());
    this.client = client;
    this.coaches = List.copyOf(coaches);
  }

  /** Writes the engagement into the client's tables over {@code c}, in one transaction. */
  static Result write(Connection c, UUID client, List<Coach> coaches, Spec spec)
      throws SQLException {
    return new EngagementLoad(spec, client, coaches).run(c);
  }

  private UUID uuid() {
    // Version-4 shaped, from the seeded generator, so that a rerun gives the same ids.
    long hi = (r.nextLong() & ~0xF000L) | 0x4000L;
    long lo = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(hi, lo);
  }

  private Result run(Connection c) throws SQLException {
    long start = System.nanoTime();
    readOrganisation(c);
    raisedIn = hasColumn(c, "question", "raised_in");
    if (raisedIn) {
      questionRows.columns += ", raised_in";
    }
    UUID engagement = uuid();
    int days = spec.days();
    OffsetDateTime opened = at(0, 9, 0);

    List<UUID> decisions = new ArrayList<>();
    List<Integer> decidedOn = new ArrayList<>();
    Rows decisionRows =
        new Rows(
            "management_decision",
            "id, client_id, engagement_id, title, description, decided_on, decided_by");
    for (int k = 0; k < 12; k++) {
      UUID id = uuid();
      int day = k * days / 12;
      decisions.add(id);
      decidedOn.add(day);
      decisionRows.add(
          id,
          client,
          engagement,
          "Besluit " + (k + 1) + ": meer zelfsturing in de teams",
          "Een besluit van het managementteam waar de vragen van de teams op ingaan.",
          date(day),
          k % 3 == 0 ? "Raad van bestuur" : "Managementteam");
    }

    int followUpEvery = 50;
    int followUps = spec.interventions() / followUpEvery;
    int baseQuestions = spec.questions() - followUps;
    List<Q> all = new ArrayList<>(spec.questions());
    List<Q> active = new ArrayList<>(); // worked on, asked before today, not yet ended
    Deque<Q> unanswered = new ArrayDeque<>(); // in the pool, not yet answered by anything
    Map<Integer, List<Q>> starting = new HashMap<>();
    Map<Integer, List<Q>> ending = new HashMap<>();
    int asked = 0;
    int held = 0;
    int agreements = 0;
    int[] cycle = AGREEMENT_CYCLE.clone();
    int interventionDays = days - 2;

    for (int day = 0; day < days; day++) {
      // The questions worked on from today on were asked before today.
      for (Q q : starting.getOrDefault(day, List.of())) {
        q.pool = active.size();
        active.add(q);
        unanswered.add(q);
      }
      int dueQuestions = (int) ((long) baseQuestions * (day + 1) / days);
      while (asked < dueQuestions) {
        asked++;
        Q q =
            newQuestion(
                day,
                at(day, 8 + r.nextInt(9), r.nextInt(60)),
                null,
                decisions,
                decidedOn,
                engagement,
                active,
                starting,
                ending);
        all.add(q);
      }
      if (day >= 2) {
        int k = day - 2;
        int due = (int) ((long) spec.interventions() * (k + 1) / interventionDays);
        while (held < due && !active.isEmpty()) {
          if (held % 10 == 0) {
            shuffle(cycle);
          }
          Q primary = null;
          while (!unanswered.isEmpty() && primary == null) {
            Q q = unanswered.poll();
            if (q.pool >= 0) {
              primary = q;
            }
          }
          if (primary == null) {
            primary = active.get(r.nextInt(active.size()));
          }
          Q followUp =
              held % followUpEvery == 7
                  ? newQuestion(
                      day,
                      at(day, 17, 30),
                      primary,
                      decisions,
                      decidedOn,
                      engagement,
                      active,
                      starting,
                      ending)
                  : null;
          UUID intervention = intervention(engagement, day, primary, active, cycle[held % 10]);
          agreements += cycle[held % 10];
          if (followUp != null) {
            followUp.raisedIn = intervention;
            all.add(followUp);
          }
          held++;
        }
      }
      for (Q q : ending.getOrDefault(day, List.of())) {
        if (q.answers == 0) {
          // Not answered yet: it stays in the pool one more day.
          ending.computeIfAbsent(day + 1, x -> new ArrayList<>()).add(q);
          continue;
        }
        removeFromPool(active, q);
        if (r.nextInt(10) == 0) {
          q.status = "PARKED";
          q.reason = REASONS_PARK[r.nextInt(REASONS_PARK.length)];
        } else {
          q.status = "ANSWERED";
        }
      }
    }
    if (held != spec.interventions() || all.size() != spec.questions()) {
      throw new IllegalStateException(
          "generated " + all.size() + " questions and " + held + " interventions");
    }

    Map<String, Integer> statuses = new LinkedHashMap<>();
    Map<UUID, Integer> perUnit = new HashMap<>();
    for (Q q : all) {
      if (q.status == null) {
        // Worked on and still going at the end of the data: taken up if it was ever answered.
        q.status = q.answers > 0 ? "TAKEN_UP" : "OPEN";
      }
      statuses.merge(q.status, 1, Integer::sum);
      UUID unit = q.unit != null ? q.unit : q.person != null ? unitOf.get(q.person) : null;
      if (unit != null) {
        perUnit.merge(unit, 1, Integer::sum);
      }
    }
    // Questions are written in the order they were asked, so a merge target and the question a
    // follow-up comes from are always written before the question that refers to them.
    for (Q q : all) {
      questionRows.set(q);
    }
    Map<String, Integer> agreementStatuses = new LinkedHashMap<>();
    for (Object[] a : agreementRows.rows) {
      agreementStatuses.merge((String) a[6], 1, Integer::sum);
    }
    List<Map.Entry<UUID, Integer>> byCount = new ArrayList<>(perUnit.entrySet());
    byCount.sort(
        Map.Entry.<UUID, Integer>comparingByValue().thenComparing(e -> e.getKey().toString()));
    var busiest = byCount.get(byCount.size() - 1);
    var median = byCount.get(byCount.size() / 2);
    long simulated = System.nanoTime();

    boolean autoCommit = c.getAutoCommit();
    c.setAutoCommit(false);
    try {
      new Rows(
              "engagement",
              "id, client_id, title, description, sponsor_person_id, starts_on, ends_on, created_at")
          .add(
              engagement,
              client,
              "Samen sturen: twee jaar vraaggestuurde coaching",
              "Benchmark-engagement: de hele organisatie, twee jaar.",
              sponsor,
              spec.start(),
              spec.end().plusDays(90),
              opened)
          .write(c);
      Rows engagementCoaches = new Rows("engagement_coach", "engagement_id, user_id, client_id");
      for (Coach coach : coaches) {
        engagementCoaches.add(engagement, coach.id(), client);
      }
      engagementCoaches.write(c);
      decisionRows.write(c);
      // Interventions first: a follow-up question refers to the intervention it was raised in.
      interventionRows.write(c);
      questionRows.write(c);
      coachRows.write(c);
      participantRows.write(c);
      answerRows.write(c);
      agreementRows.write(c);
      c.commit();
      if (BulkRows.postgres(c)) {
        try (Statement s = c.createStatement()) {
          // What autovacuum would have done by the time an engagement is two years old
          // (statistics, and the visibility map that index-only scans rely on).
          c.setAutoCommit(true);
          s.execute("VACUUM ANALYZE");
        }
      }
    } catch (SQLException | RuntimeException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(autoCommit);
    }
    long written = System.nanoTime();
    return new Result(
        engagement,
        all.size(),
        followUps,
        held,
        participantRows.rows.size(),
        answerRows.rows.size(),
        agreements,
        statuses,
        agreementStatuses,
        busiest.getKey(),
        busiest.getValue(),
        median.getKey(),
        median.getValue(),
        (simulated - start) / 1_000_000,
        (written - simulated) / 1_000_000);
  }

  /**
   * A new question asked on {@code day}, its fate decided now. {@code parent} is set for a
   * follow-up (it takes over the parent's owner).
   */
  private Q newQuestion(
      int day,
      OffsetDateTime at,
      Q parent,
      List<UUID> decisions,
      List<Integer> decidedOn,
      UUID engagement,
      List<Q> active,
      Map<Integer, List<Q>> starting,
      Map<Integer, List<Q>> ending) {
    String level;
    String kind;
    UUID person = null;
    UUID unit = null;
    if (parent != null) {
      level = parent.level;
      kind = parent.ownerKind;
      person = parent.person;
      unit = parent.unit;
    } else {
      int pick = r.nextInt(100);
      if (pick < 45) {
        level = "INDIVIDUAL";
        kind = "PERSON";
        List<UUID> in = members.get(team());
        person = in.get(r.nextInt(in.size()));
      } else if (pick < 80) {
        level = "TEAM";
        kind = "TEAM";
        unit = team();
      } else {
        level = "ORGANISATION";
        kind = "MANAGEMENT";
      }
    }
    Q q = new Q(uuid(), level, kind, person, unit, day);
    UUID decision = null;
    if (!level.equals("INDIVIDUAL") && parent == null && r.nextBoolean()) {
      int known = 0;
      while (known < decidedOn.size() && decidedOn.get(known) <= day) {
        known++;
      }
      decision = decisions.get(r.nextInt(known));
    }
    boolean app = kind.equals("PERSON") && emailOf.get(person) != null && r.nextInt(10) < 4;
    String by = app ? emailOf.get(person) : coaches.get(r.nextInt(coaches.size())).email();
    q.fate = fate(day);
    switch (q.fate) {
      case WORKED -> {
        q.end = day + 3 + (int) Math.min(240, -Math.log(1 - r.nextDouble()) * 35);
        starting.computeIfAbsent(day + 1, x -> new ArrayList<>()).add(q);
        ending.computeIfAbsent(q.end, x -> new ArrayList<>()).add(q);
      }
      case OPEN -> q.status = "OPEN";
      case MERGED -> {
        // Into an earlier question of the same level that is still being worked on.
        Q target = null;
        for (int tries = 0; tries < 20 && target == null && !active.isEmpty(); tries++) {
          Q t = active.get(r.nextInt(active.size()));
          if (t.level.equals(level) && t.end > day + 3) {
            target = t;
          }
        }
        if (target == null) {
          q.status = "WITHDRAWN";
          q.reason = REASONS_WITHDRAW[r.nextInt(REASONS_WITHDRAW.length)];
        } else {
          q.status = "MERGED";
          q.mergedInto = target.id;
        }
      }
      case WITHDRAWN -> {
        q.status = "WITHDRAWN";
        q.reason = REASONS_WITHDRAW[r.nextInt(REASONS_WITHDRAW.length)];
      }
      case ASKED_BACK -> {
        q.status = "ASKED_BACK";
        q.reason = REASONS_ASK_BACK[r.nextInt(REASONS_ASK_BACK.length)];
      }
      case PARKED -> {
        q.status = "PARKED";
        q.reason = REASONS_PARK[r.nextInt(REASONS_PARK.length)];
      }
    }
    String[] texts =
        switch (level) {
          case "INDIVIDUAL" -> INDIVIDUAL;
          case "TEAM" -> TEAM;
          default -> ORGANISATION;
        };
    questionRows.add(
        q.id,
        client,
        engagement,
        (parent != null ? "Vervolgvraag: " : "") + texts[r.nextInt(texts.length)],
        level,
        kind,
        person,
        unit,
        decision,
        parent == null ? null : parent.id,
        null, // status, reason and merge target are set once the simulation is over
        null,
        null,
        app ? "APP" : "COACH",
        by,
        at);
    return q;
  }

  /** What becomes of a question: most are worked on; the youngest are mostly still open. */
  private Fate fate(int day) {
    int roll = r.nextInt(1000);
    if (day > spec.days() - 21) {
      return roll < 600
          ? Fate.OPEN
          : roll < 900 ? Fate.WORKED : roll < 950 ? Fate.ASKED_BACK : Fate.MERGED;
    }
    if (roll < 40) {
      return Fate.MERGED;
    }
    if (roll < 80) {
      return Fate.WITHDRAWN;
    }
    if (roll < 110) {
      return Fate.ASKED_BACK;
    }
    if (roll < 140) {
      return Fate.PARKED;
    }
    if (roll < 150) {
      return Fate.OPEN; // forgotten in the inbox
    }
    return Fate.WORKED;
  }

  /** One intervention held on {@code day} answering {@code primary} and maybe more; agreements. */
  private UUID intervention(
      UUID engagement, int day, Q primary, List<Q> active, int agreementCount) {
    UUID id = uuid();
    List<Q> answered = new ArrayList<>(List.of(primary));
    int more = r.nextInt(10) < 3 ? (r.nextInt(3) == 0 ? 2 : 1) : 0;
    for (int tries = 0; tries < 10 && answered.size() < 1 + more; tries++) {
      Q q = active.get(r.nextInt(active.size()));
      if (!answered.contains(q) && q.ownerKind.equals(primary.ownerKind)) {
        answered.add(q);
      }
    }
    Set<UUID> persons = new LinkedHashSet<>();
    UUID teamUnit = null;
    switch (primary.ownerKind) {
      case "PERSON" -> {
        persons.add(primary.person);
        List<UUID> colleagues = members.get(unitOf.get(primary.person));
        int extra = r.nextInt(3);
        for (int k = 0; k < extra; k++) {
          persons.add(colleagues.get(r.nextInt(colleagues.size())));
        }
      }
      case "TEAM" -> {
        teamUnit = primary.unit;
        List<UUID> in = members.get(teamUnit);
        int n = Math.min(in.size(), 2 + r.nextInt(6));
        while (persons.size() < n) {
          persons.add(in.get(r.nextInt(in.size())));
        }
      }
      default -> {
        int n = 2 + r.nextInt(7);
        while (persons.size() < n) {
          persons.add(managers.get(r.nextInt(managers.size())));
        }
      }
    }
    for (Q q : answered.subList(1, answered.size())) {
      if (q.person != null && persons.size() < 8) {
        persons.add(q.person);
      }
      q.answers++;
    }
    primary.answers++;
    String type =
        switch (primary.level) {
          case "INDIVIDUAL" -> TYPES_INDIVIDUAL[r.nextInt(TYPES_INDIVIDUAL.length)];
          case "TEAM" -> TYPES_TEAM[r.nextInt(TYPES_TEAM.length)];
          default -> TYPES_ORGANISATION[r.nextInt(TYPES_ORGANISATION.length)];
        };
    Coach coach = coaches.get(r.nextInt(coaches.size()));
    OffsetDateTime recorded = at(day, 16 + r.nextInt(3), r.nextInt(60));
    interventionRows.add(
        id,
        client,
        engagement,
        type,
        date(day),
        30 + 15 * r.nextInt(9),
        NOTES[r.nextInt(NOTES.length)],
        coach.id(),
        recorded);
    coachRows.add(id, coach.id(), client);
    if (coaches.size() > 1 && r.nextInt(100) < 15) {
      Coach second = coaches.get(r.nextInt(coaches.size()));
      if (!second.equals(coach)) {
        coachRows.add(id, second.id(), client);
      }
    }
    for (UUID p : persons) {
      participantRows.add(id, p, null, client);
    }
    if (teamUnit != null) {
      participantRows.add(id, null, teamUnit, client);
    }
    for (Q q : answered) {
      answerRows.add(id, q.id, client);
    }
    List<UUID> owners = new ArrayList<>(persons);
    int today = spec.days();
    for (int k = 0; k < agreementCount; k++) {
      int due = day + 14 + 7 * r.nextInt(5);
      int roll = r.nextInt(100);
      String status;
      if (due < today - 7) {
        status = roll < 55 ? "KEPT" : roll < 75 ? "ADJUSTED" : roll < 88 ? "DROPPED" : "OPEN";
      } else {
        status = roll < 20 ? "KEPT" : roll < 28 ? "ADJUSTED" : "OPEN";
      }
      agreementRows.add(
          uuid(),
          client,
          id,
          owners.get(k == 0 ? 0 : r.nextInt(owners.size())),
          AGREEMENTS[r.nextInt(AGREEMENTS.length)],
          date(due),
          status,
          status.equals("OPEN") ? recorded : at(Math.min(due, today), 12, 0));
    }
    return id;
  }

  private static void removeFromPool(List<Q> active, Q q) {
    Q last = active.remove(active.size() - 1);
    if (last != q) {
      active.set(q.pool, last);
      last.pool = q.pool;
    }
    q.pool = -1;
  }

  /** A team, skewed: a few teams ask much more than most (as in a real organisation). */
  private UUID team() {
    double x = r.nextDouble();
    return teams.get((int) (teams.size() * x * x));
  }

  private void shuffle(int[] a) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }

  private void readOrganisation(Connection c) throws SQLException {
    Map<UUID, UUID> parent = new LinkedHashMap<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT id, parent_id FROM unit WHERE client_id = ? ORDER BY external_id")) {
      s.setObject(1, client);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          parent.put(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class));
        }
      }
    }
    Set<UUID> withChildren = new java.util.HashSet<>(parent.values());
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT id, unit_id, email, manager_id FROM person WHERE client_id = ?"
                + " ORDER BY external_id")) {
      s.setObject(1, client);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          UUID id = rs.getObject(1, UUID.class);
          UUID unit = rs.getObject(2, UUID.class);
          unitOf.put(id, unit);
          emailOf.put(id, rs.getString(3));
          members.computeIfAbsent(unit, x -> new ArrayList<>()).add(id);
          if (withChildren.contains(unit)) {
            managers.add(id);
          }
          if (rs.getObject(4) == null && parent.get(unit) == null && sponsor == null) {
            sponsor = id;
          }
        }
      }
    }
    for (UUID unit : parent.keySet()) {
      if (!withChildren.contains(unit) && members.containsKey(unit)) {
        teams.add(unit);
      }
    }
    if (teams.isEmpty() || managers.isEmpty()) {
      throw new IllegalStateException("the client has no teams or no managers");
    }
  }

  private OffsetDateTime at(int day, int hour, int minute) {
    return spec.start().plusDays(day).atTime(hour, minute).atOffset(ZoneOffset.UTC);
  }

  private LocalDate date(int day) {
    return spec.start().plusDays(day);
  }

  private static boolean hasColumn(Connection c, String table, String column) throws SQLException {
    try (ResultSet rs = c.getMetaData().getColumns(null, null, table, column)) {
      return rs.next();
    }
  }

  /** Rows of one table, written by COPY on PostgreSQL and by JDBC batches elsewhere. */
  private final class Rows {
    final String table;
    String columns;
    final List<Object[]> rows = new ArrayList<>();

    Rows(String table, String columns) {
      this.table = table;
      this.columns = columns;
    }

    Rows add(Object... values) {
      rows.add(values);
      return this;
    }

    /** The final status of a question (the row was added when it was asked). */
    void set(Q q) {
      // Questions were added to the rows in the order of the list of all questions.
      Object[] row = rows.get(index++);
      if (!row[0].equals(q.id)) {
        throw new IllegalStateException("question rows out of order");
      }
      row[10] = q.status;
      row[11] = q.reason;
      row[12] = q.mergedInto;
      if (raisedIn) {
        rows.set(index - 1, java.util.Arrays.copyOf(row, row.length + 1));
        rows.get(index - 1)[row.length] = q.raisedIn;
      }
    }

    private int index;

    /** Writes the rows: COPY on PostgreSQL, JDBC batches elsewhere ({@link BulkRows}). */
    void write(Connection c) throws SQLException {
      if (rows.isEmpty()) {
        return;
      }
      BulkRows out = new BulkRows(c, table, columns);
      for (Object[] row : rows) {
        out.add(row);
      }
      out.flush();
    }
  }

  /** The share of each status, for the report. */
  static String mix(Map<String, Integer> counts) {
    int total = counts.values().stream().mapToInt(Integer::intValue).sum();
    List<String> order =
        List.of(
            "OPEN",
            "TAKEN_UP",
            "PARKED",
            "MERGED",
            "ASKED_BACK",
            "WITHDRAWN",
            "ANSWERED",
            "KEPT",
            "ADJUSTED",
            "DROPPED");
    StringBuilder sb = new StringBuilder();
    List<Map.Entry<String, Integer>> entries = new ArrayList<>(counts.entrySet());
    entries.sort(java.util.Comparator.comparingInt(e -> order.indexOf(e.getKey())));
    for (var e : entries) {
      if (!sb.isEmpty()) {
        sb.append(", ");
      }
      sb.append(
          String.format("%s %,d (%.1f%%)", e.getKey(), e.getValue(), 100.0 * e.getValue() / total));
    }
    return sb.toString();
  }
}
