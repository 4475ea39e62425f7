package nl.orgcoach.support;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import nl.orgcoach.access.AccessAdministration;
import nl.orgcoach.access.AccessAdministration.NewUser;
import nl.orgcoach.access.ApiTokens;
import nl.orgcoach.access.ClientId;
import nl.orgcoach.access.Role;
import nl.orgcoach.access.UserAccount;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two client organisations, A and B, each with two units, a person (in the top unit), a setting
 * with that person as member, an interdependency between its units and a queued import job; one
 * user per role whose home is A (the coach is assigned to A only), with an API token for A and a
 * spare token, and an employee of B. Everything of B carries {@link #marker()} in its names, so
 * that a response leaking B's data can be recognised. Rows go in by SQL so that the fixture does
 * not depend on the code under test; {@link #restore()} puts back whatever a request deleted.
 */
public final class TenantFixture {

  private final JdbcClient jdbc;
  private final String marker;
  public final Tenant a;
  public final Tenant b;
  public final Map<Role, UserAccount> users = new EnumMap<>(Role.class);

  /** Bearer secrets of the users of A, valid for client A. */
  public final Map<Role, String> apiTokens = new EnumMap<>(Role.class);

  /** A second token per user, to be revoked by the matrix. */
  public final Map<Role, UUID> spareTokens = new EnumMap<>(Role.class);

  /** An employee of B, the object of admin operations on users. */
  public final UserAccount bEmployee;

  public final UUID bEmployeeToken;

  public TenantFixture(JdbcClient jdbc, AccessAdministration admin, ApiTokens tokens) {
    this.jdbc = jdbc;
    String tag = UUID.randomUUID().toString().substring(0, 8);
    this.marker = "Bravoleak" + tag;
    this.a = new Tenant(admin.createClient("Alfa " + tag), "Alfa" + tag);
    this.b = new Tenant(admin.createClient(marker), marker);
    restore();
    TestUsers testUsers = new TestUsers(admin, tokens);
    for (Role role : Role.values()) {
      UserAccount account = testUsers.create(role, a.client);
      users.put(role, account);
      apiTokens.put(role, tokens.create(account, a.client, "matrix", 1).secret());
      spareTokens.put(role, tokens.create(account, a.client, "spare", 1).id());
    }
    UUID bUser =
        admin.createUser(
            new NewUser(
                "employee-" + tag + "@bravo.example",
                marker + " Employee",
                null,
                Role.EMPLOYEE,
                b.client,
                null));
    bEmployee = admin.user(bUser).withoutPassword();
    bEmployeeToken = tokens.create(bEmployee, b.client, "bravo", 1).id();
    a.coach = users.get(Role.COACH).id();
    b.coach =
        admin.createUser(
            new NewUser(
                "coach-" + tag + "@bravo.example",
                marker + " Coach",
                null,
                Role.COACH,
                null,
                null));
    admin.assignCoach(b.coach, b.client);
    restore();
  }

  /** A string found in every name of B's data and nowhere in A's. */
  public String marker() {
    return marker;
  }

  /** Re-inserts any of A's or B's rows that a request deleted, with the same ids. */
  public void restore() {
    a.restore();
    b.restore();
  }

  /** A link secret as the application makes them: 32 random bytes, base64url. */
  static String secret() {
    byte[] bytes = new byte[32];
    new java.security.SecureRandom().nextBytes(bytes);
    return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** The stored form of a link secret (hex SHA-256), computed here independently of the code. */
  public static String sha256(String secret) {
    try {
      return java.util.HexFormat.of()
          .formatHex(
              java.security.MessageDigest.getInstance("SHA-256")
                  .digest(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** One client organisation of the fixture and the ids of its rows. */
  public final class Tenant {
    public final ClientId client;
    public final String label;
    public final UUID unit = UUID.randomUUID();
    public final UUID childUnit = UUID.randomUUID();
    public final UUID person = UUID.randomUUID();
    public final UUID setting = UUID.randomUUID();
    public final UUID interdependency = UUID.randomUUID();
    public final UUID job = UUID.randomUUID();
    public final UUID engagement = UUID.randomUUID();
    public final UUID question = UUID.randomUUID();
    public final UUID intervention = UUID.randomUUID();
    public final UUID agreement = UUID.randomUUID();
    public final UUID intakeLink = UUID.randomUUID();
    public final UUID reactionLink = UUID.randomUUID();
    public final UUID feedbackRound = UUID.randomUUID();
    public final UUID feedbackRater = UUID.randomUUID();

    /** The secret of this tenant's rater link (a peer of its person's open feedback round). */
    public final String feedbackToken = secret();

    public final UUID behaviour = UUID.randomUUID();
    public final UUID meeting = UUID.randomUUID();
    public final UUID observation = UUID.randomUUID();

    /** The secrets of this tenant's intake link (for its engagement) and reaction link. */
    public final String intakeToken = secret();

    public final String reactionToken = secret();

    /** The coach of this tenant's engagement (for A: the fixture's coach). */
    UUID coach;

    Tenant(ClientId client, String label) {
      this.client = client;
      this.label = label;
    }

    /** Path variables that name this tenant's rows, by the names controllers use. */
    public Map<String, String> variables() {
      Map<String, String> v = new LinkedHashMap<>();
      v.put("clientId", client.toString());
      v.put("unitId", unit.toString());
      v.put("personId", person.toString());
      v.put("settingId", setting.toString());
      v.put("interdependencyId", interdependency.toString());
      v.put("jobId", job.toString());
      v.put("engagementId", engagement.toString());
      v.put("questionId", question.toString());
      v.put("interventionId", intervention.toString());
      v.put("agreementId", agreement.toString());
      v.put("linkId", intakeLink.toString());
      v.put("behaviourId", behaviour.toString());
      v.put("meetingId", meeting.toString());
      v.put("observationId", observation.toString());
      v.put("intakeToken", intakeToken);
      v.put("reactionToken", reactionToken);
      v.put("roundId", feedbackRound.toString());
      v.put("feedbackToken", feedbackToken);
      return v;
    }

    void restore() {
      if (missing("unit", unit)) {
        insertUnit(unit, "u1", label + " Directie", null);
      }
      if (missing("unit", childUnit)) {
        insertUnit(childUnit, "u2", label + " Team", unit);
      }
      if (missing("person", person)) {
        TestPeople.insert(
            jdbc,
            client,
            person,
            "p1",
            "Els",
            label + " de Vries",
            unit,
            null,
            "els@example.nl",
            "Teamleider");
      }
      if (missing("setting", setting)) {
        jdbc.sql(
                """
                INSERT INTO setting (id, client_id, external_id, name, kind, unit_id)
                VALUES (:id, :c, 's1', :name, 'MANAGEMENT_TEAM', :unit)
                """)
            .param("id", setting)
            .param("c", client.value())
            .param("name", label + " MT")
            .param("unit", unit)
            .update();
        jdbc.sql(
                "INSERT INTO setting_member (setting_id, person_id, client_id) VALUES (:s, :p, :c)")
            .param("s", setting)
            .param("p", person)
            .param("c", client.value())
            .update();
      }
      if (missing("interdependency", interdependency)) {
        jdbc.sql(
                """
                INSERT INTO interdependency (id, client_id, from_unit_id, to_unit_id, description, strength)
                VALUES (:id, :c, :from, :to, :d, 2)
                """)
            .param("id", interdependency)
            .param("c", client.value())
            .param("from", childUnit)
            .param("to", unit)
            .param("d", label + " roosters")
            .update();
      }
      restoreEngagement();
      if (missing("import_job", job)) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        jdbc.sql(
                """
                INSERT INTO import_job (id, client_id, kind, file_name, status, phase, rows_total, rows_done,
                                        created_by, created_at, finished_at)
                VALUES (:id, :c, 'UNITS', :f, 'QUEUED', 'QUEUED', 0, 0, 'fixture', :now, NULL)
                """)
            .param("id", job)
            .param("c", client.value())
            .param("f", label + "-units.csv")
            .param("now", now)
            .update();
      }
    }

    private void restoreEngagement() {
      if (coach == null) {
        return; // the users are made after the first restore
      }
      OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
      if (missing("engagement", engagement)) {
        jdbc.sql(
                """
                INSERT INTO engagement (id, client_id, title, description, sponsor_person_id,
                                        starts_on, ends_on, created_at)
                VALUES (:id, :c, :t, NULL, :p, DATE '2026-01-01', NULL, :now)
                """)
            .param("id", engagement)
            .param("c", client.value())
            .param("t", label + " traject")
            .param("p", person)
            .param("now", now)
            .update();
        jdbc.sql(
                "INSERT INTO engagement_coach (engagement_id, user_id, client_id) VALUES (:e, :u, :c)")
            .param("e", engagement)
            .param("u", coach)
            .param("c", client.value())
            .update();
        jdbc.sql(
                "INSERT INTO engagement_unit (engagement_id, unit_id, client_id) VALUES (:e, :u, :c)")
            .param("e", engagement)
            .param("u", unit)
            .param("c", client.value())
            .update();
      }
      if (missing("question", question)) {
        jdbc.sql(
                """
                INSERT INTO question (id, client_id, engagement_id, text, level, owner_kind,
                                      owner_unit_id, status, channel, registered_by, asked_at)
                VALUES (:id, :c, :e, :t, 'TEAM', 'TEAM', :u, 'OPEN', 'APP', 'fixture', :now)
                """)
            .param("id", question)
            .param("c", client.value())
            .param("e", engagement)
            .param("t", label + " vraag over roosters")
            .param("u", unit)
            .param("now", now)
            .update();
      }
      restoreIntervention(now);
      restoreLinks(now);
      restoreFeedback(now);
      restoreObservation(now);
    }

    /** An open feedback round of the person with one behaviour and one rater, open again. */
    private void restoreFeedback(OffsetDateTime now) {
      if (missing("feedback_round", feedbackRound)) {
        jdbc.sql(
                """
                INSERT INTO feedback_round (id, client_id, ratee_person_id, closes_at, created_by,
                                            created_at)
                VALUES (:id, :c, :p, :closes, 'fixture', :now)
                """)
            .param("id", feedbackRound)
            .param("c", client.value())
            .param("p", person)
            .param("closes", now.plusDays(30))
            .param("now", now)
            .update();
        jdbc.sql(
                """
                INSERT INTO feedback_behaviour (id, client_id, round_id, position, text)
                VALUES (:id, :c, :r, 1, :t)
                """)
            .param("id", UUID.randomUUID())
            .param("c", client.value())
            .param("r", feedbackRound)
            .param("t", label + " luistert")
            .update();
        jdbc.sql(
                """
                INSERT INTO feedback_rater (id, client_id, round_id, rater_group, email, name,
                                            language, token_hash, invited_at)
                VALUES (:id, :c, :r, 'PEER', :e, :n, 'nl', :h, :now)
                """)
            .param("id", feedbackRater)
            .param("c", client.value())
            .param("r", feedbackRound)
            .param("e", "peer-" + feedbackRater + "@example.nl")
            .param("n", label + " Collega")
            .param("h", sha256(feedbackToken))
            .param("now", now)
            .update();
      }
      // A request may have closed the round or renewed the rater's link (a reminder).
      jdbc.sql("UPDATE feedback_round SET closed_at = NULL WHERE id = :id")
          .param("id", feedbackRound)
          .update();
      jdbc.sql("UPDATE feedback_rater SET token_hash = :h WHERE id = :id")
          .param("h", sha256(feedbackToken))
          .param("id", feedbackRater)
          .update();
    }

    /**
     * A behaviour framework of one behaviour, a meeting of the setting, and an observation of the
     * person in it (with B's marker in its note), as the observation module stores them.
     */
    private void restoreObservation(OffsetDateTime now) {
      if (missing("behaviour_framework", "engagement_id", engagement)) {
        jdbc.sql(
                "INSERT INTO behaviour_framework (engagement_id, client_id, created_at) VALUES (:e, :c, :now)")
            .param("e", engagement)
            .param("c", client.value())
            .param("now", now)
            .update();
      }
      if (missing("behaviour", behaviour)) {
        jdbc.sql(
                """
                INSERT INTO behaviour (id, client_id, engagement_id, code, name_nl, name_en,
                                       sort_order)
                VALUES (:id, :c, :e, NULL, :n, :n, 1)
                """)
            .param("id", behaviour)
            .param("c", client.value())
            .param("e", engagement)
            .param("n", label + " geeft feedback")
            .update();
      }
      jdbc.sql("UPDATE behaviour SET retired_at = NULL WHERE id = :id")
          .param("id", behaviour)
          .update();
      if (missing("meeting", meeting)) {
        jdbc.sql(
                """
                INSERT INTO meeting (id, client_id, engagement_id, setting_id, title, held_on,
                                     created_by, created_at)
                VALUES (:id, :c, :e, :s, :t, DATE '2026-02-02', :u, :now)
                """)
            .param("id", meeting)
            .param("c", client.value())
            .param("e", engagement)
            .param("s", setting)
            .param("t", label + " MT-overleg")
            .param("u", coach)
            .param("now", now)
            .update();
      }
      if (missing("meeting_attendee", "meeting_id", meeting)) {
        jdbc.sql(
                """
                INSERT INTO meeting_attendee (id, meeting_id, client_id, person_id, outsider_name)
                VALUES (:id, :m, :c, :p, NULL)
                """)
            .param("id", UUID.randomUUID())
            .param("m", meeting)
            .param("c", client.value())
            .param("p", person)
            .update();
      }
      if (missing("observation", observation)) {
        jdbc.sql(
                """
                INSERT INTO observation (id, client_id, engagement_id, meeting_id, person_id,
                                         observed_on, observer_id, note, bright_spot, present,
                                         dominant, idempotency_key, recorded_at)
                VALUES (:id, :c, :e, :m, :p, DATE '2026-02-02', :u, :n, FALSE, '', NULL, :k, :now)
                """)
            .param("id", observation)
            .param("c", client.value())
            .param("e", engagement)
            .param("m", meeting)
            .param("p", person)
            .param("u", coach)
            .param("n", label + " waarneming")
            .param("k", UUID.randomUUID())
            .param("now", now)
            .update();
        jdbc.sql(
                """
                INSERT INTO observation_rating (observation_id, behaviour_id, client_id, rating)
                VALUES (:o, :b, :c, 4)
                """)
            .param("o", observation)
            .param("b", behaviour)
            .param("c", client.value())
            .update();
      }
    }

    /** The public links, active again if a request revoked them. */
    private void restoreLinks(OffsetDateTime now) {
      if (missing("intake_link", intakeLink)) {
        jdbc.sql(
                """
                INSERT INTO intake_link (id, client_id, engagement_id, unit_id, token_hash,
                                         created_by, created_at, used_count)
                VALUES (:id, :c, :e, NULL, :h, 'fixture', :now, 0)
                """)
            .param("id", intakeLink)
            .param("c", client.value())
            .param("e", engagement)
            .param("h", sha256(intakeToken))
            .param("now", now)
            .update();
      }
      if (missing("reaction_link", reactionLink)) {
        jdbc.sql(
                """
                INSERT INTO reaction_link (id, client_id, intervention_id, token_hash, created_by,
                                           created_at)
                VALUES (:id, :c, :i, :h, 'fixture', :now)
                """)
            .param("id", reactionLink)
            .param("c", client.value())
            .param("i", intervention)
            .param("h", sha256(reactionToken))
            .param("now", now)
            .update();
      }
      jdbc.sql("UPDATE intake_link SET revoked_at = NULL WHERE id = :id")
          .param("id", intakeLink)
          .update();
      jdbc.sql("UPDATE reaction_link SET revoked_at = NULL WHERE id = :id")
          .param("id", reactionLink)
          .update();
    }

    /** An intervention of the engagement's coach answering the question, with an agreement. */
    private void restoreIntervention(OffsetDateTime now) {
      if (!missing("intervention", intervention)) {
        return;
      }
      jdbc.sql(
              """
              INSERT INTO intervention (id, client_id, engagement_id, type, held_on,
                                        duration_minutes, notes, recorded_by, recorded_at)
              VALUES (:id, :c, :e, 'TEAM_COACHING', DATE '2026-02-01', 60, :n, :u, :now)
              """)
          .param("id", intervention)
          .param("c", client.value())
          .param("e", engagement)
          .param("n", label + " aantekeningen")
          .param("u", coach)
          .param("now", now)
          .update();
      jdbc.sql(
              "INSERT INTO intervention_coach (intervention_id, user_id, client_id) VALUES (:i, :u, :c)")
          .param("i", intervention)
          .param("u", coach)
          .param("c", client.value())
          .update();
      jdbc.sql(
              """
              INSERT INTO intervention_question (intervention_id, question_id, client_id)
              VALUES (:i, :q, :c)
              """)
          .param("i", intervention)
          .param("q", question)
          .param("c", client.value())
          .update();
      jdbc.sql(
              """
              INSERT INTO intervention_participant (intervention_id, person_id, client_id)
              VALUES (:i, :p, :c)
              """)
          .param("i", intervention)
          .param("p", person)
          .param("c", client.value())
          .update();
      if (missing("agreement", agreement)) {
        jdbc.sql(
                """
                INSERT INTO agreement (id, client_id, intervention_id, owner_person_id, what,
                                       due_on, status, updated_at)
                VALUES (:id, :c, :i, :p, :w, NULL, 'OPEN', :now)
                """)
            .param("id", agreement)
            .param("c", client.value())
            .param("i", intervention)
            .param("p", person)
            .param("w", label + " afspraak")
            .param("now", now)
            .update();
      }
    }

    private void insertUnit(UUID id, String externalId, String name, UUID parent) {
      jdbc.sql(
              """
              INSERT INTO unit (id, client_id, external_id, name, kind, parent_id)
              VALUES (:id, :c, :e, :n, 'afdeling', :p)
              """)
          .param("id", id)
          .param("c", client.value())
          .param("e", externalId)
          .param("n", name)
          .param("p", parent)
          .update();
    }

    private boolean missing(String table, UUID id) {
      return missing(table, "id", id);
    }

    private boolean missing(String table, String column, UUID id) {
      return jdbc.sql("SELECT count(*) FROM " + table + " WHERE " + column + " = :id")
              .param("id", id)
              .query(Integer.class)
              .single()
          == 0;
    }
  }
}
