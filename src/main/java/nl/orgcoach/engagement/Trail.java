package nl.orgcoach.engagement;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.orgcoach.access.ClientScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The emergent path of one engagement as a read model: questions, the interventions that answered
 * them, the agreements that followed and the follow-up questions they raised. One call is a fixed
 * number of set-based statements (three for the nodes, one for the question → intervention edges,
 * one for the owners' names), each bound to the client, the engagement and the period, with the
 * unit subtree and the person filtered in SQL and the number of rows capped. The benchmark calls
 * {@link #query} directly; the unit subtree comes from {@code UnitLookup.subtree}. No statement
 * here reads an intervention's notes (PRODUCT.md invariant 3): the columns are named, never {@code
 * *}.
 */
@Repository
@Transactional(readOnly = true)
class Trail {

  /** Most nodes one trail shows; past it the trail says so and asks for a narrower filter. */
  static final int MAX_NODES = 2000;

  /** The practices are Dutch: a question asked at 00:30 in Amsterdam belongs to that day. */
  static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

  enum Kind {
    QUESTION,
    INTERVENTION,
    AGREEMENT
  }

  enum EdgeKind {
    /** question → the intervention that answered it */
    ANSWERED_BY,
    /** intervention → an agreement made in it */
    AGREED,
    /** intervention → a follow-up question raised in it */
    RAISED,
    /** question → its follow-up, where the intervention it was raised in is not known */
    FOLLOW_UP
  }

  /**
   * What to show. {@code units} is a unit and its subtree (null: every unit); {@code person} the
   * owner or participant (null: anyone); {@code from} and {@code to} inclusive. {@code own}, when
   * given, keeps only what that viewer owns, put or took part in.
   */
  record Filter(
      UUID engagementId,
      List<UUID> units,
      UUID person,
      LocalDate from,
      LocalDate to,
      Own own,
      int limit) {

    Filter {
      units = units == null ? null : List.copyOf(units);
      limit = Math.max(1, Math.min(limit, MAX_NODES));
    }
  }

  /** A viewer who sees only their own part: their person (may be null) and e-mail. */
  record Own(UUID personId, String email) {}

  /**
   * A node. {@code label} is the question's text, the agreement's "what" or the intervention's type
   * (an {@link InterventionType} name); {@code owner} the owner's name (questions, agreements);
   * {@code interventionId} the intervention an agreement was made in; {@code time} an
   * intervention's start time, {@code due} an agreement's due date.
   */
  record Node(
      UUID id,
      Kind kind,
      String label,
      LocalDate date,
      String status,
      String owner,
      UUID interventionId,
      LocalTime time,
      LocalDate due) {

    Node withOwner(String name) {
      return new Node(id, kind, label, date, status, name, interventionId, time, due);
    }
  }

  record Edge(UUID from, UUID to, EdgeKind kind) {}

  /** The nodes in time order and the edges between them; truncated when the cap was reached. */
  record Result(List<Node> nodes, List<Edge> edges, boolean truncated) {}

  private final JdbcClient jdbc;

  Trail(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The trail of one engagement for the filter; the caller has checked who may see what. Five
   * statements at most: questions, interventions, agreements (each capped), the question →
   * intervention edges of the interventions shown, and the names of the owners shown.
   */
  Result query(ClientScope scope, Filter f, LocalDate today) {
    if (f.units() != null && f.units().isEmpty()) {
      return new Result(List.of(), List.of(), false);
    }
    int fetch = f.limit() + 1;
    List<Row> all = new ArrayList<>();
    all.addAll(questions(scope, f, fetch));
    all.addAll(interventions(scope, f, fetch, today));
    all.addAll(agreements(scope, f, fetch));
    all.sort(
        Comparator.comparing((Row r) -> r.node().date())
            .thenComparing(r -> r.node().kind())
            .thenComparing(r -> r.node().time() == null ? LocalTime.MIN : r.node().time())
            .thenComparing(r -> r.node().id()));
    boolean truncated = all.size() > f.limit();
    List<Row> rows = truncated ? all.subList(0, f.limit()) : all;

    Map<UUID, String> names = names(scope, rows);
    List<Node> nodes = new ArrayList<>(rows.size());
    Set<UUID> shown = new HashSet<>();
    for (Row r : rows) {
      nodes.add(r.node().withOwner(r.owner() == null ? null : names.get(r.owner())));
      shown.add(r.node().id());
    }
    Set<Edge> edges = new LinkedHashSet<>();
    List<UUID> shownInterventions =
        nodes.stream().filter(n -> n.kind() == Kind.INTERVENTION).map(Node::id).toList();
    for (Edge e : answered(scope, shownInterventions)) {
      if (shown.contains(e.from())) {
        edges.add(e);
      }
    }
    for (Row r : rows) {
      Node n = r.node();
      if (n.kind() == Kind.AGREEMENT && shown.contains(n.interventionId())) {
        edges.add(new Edge(n.interventionId(), n.id(), EdgeKind.AGREED));
      } else if (r.raisedIn() != null) {
        if (shown.contains(r.raisedIn())) {
          edges.add(new Edge(r.raisedIn(), n.id(), EdgeKind.RAISED));
        }
      } else if (r.followUpOf() != null && shown.contains(r.followUpOf())) {
        edges.add(new Edge(r.followUpOf(), n.id(), EdgeKind.FOLLOW_UP));
      }
    }
    return new Result(List.copyOf(nodes), List.copyOf(edges), truncated);
  }

  /**
   * The people of the unit subtree: a subquery, so that the database checks membership by a hash of
   * the (few thousand at most) members instead of joining every candidate row to person.
   */
  private static final String MEMBERS =
      "SELECT m.id FROM person m WHERE m.client_id = :client AND m.unit_id IN (:units)";

  /**
   * A node as read, with the id of its owner (person or unit; named only for the rows shown) and,
   * for a question, where it followed from.
   */
  private record Row(Node node, UUID owner, UUID followUpOf, UUID raisedIn) {}

  /** The names of the owners of the rows shown: persons, and units (a team's question). */
  private Map<UUID, String> names(ClientScope scope, List<Row> rows) {
    Set<UUID> ids = new HashSet<>();
    rows.forEach(
        r -> {
          if (r.owner() != null) {
            ids.add(r.owner());
          }
        });
    Map<UUID, String> names = new HashMap<>();
    if (ids.isEmpty()) {
      return names;
    }
    jdbc.sql(
            """
            SELECT id, first_name || ' ' || last_name AS name FROM person
            WHERE client_id = :client AND id IN (:ids)
            UNION ALL
            SELECT id, name FROM unit WHERE client_id = :client AND id IN (:ids)
            """)
        .param("client", scope.id())
        .param("ids", List.copyOf(ids))
        .query((rs, n) -> Map.entry(rs.getObject("id", UUID.class), rs.getString("name")))
        .list()
        .forEach(e -> names.put(e.getKey(), e.getValue()));
    return names;
  }

  private List<Row> questions(ClientScope scope, Filter f, int fetch) {
    StringBuilder sql =
        new StringBuilder(
            """
            SELECT q.id, q.text, q.status, q.asked_at, q.follow_up_of, q.raised_in,
                   q.owner_person_id, q.owner_unit_id
            FROM question q
            WHERE q.client_id = :client AND q.engagement_id = :e
              AND q.asked_at >= :since AND q.asked_at < :until
            """);
    if (f.units() != null) {
      sql.append(" AND (q.owner_unit_id IN (:units) OR q.owner_person_id IN (" + MEMBERS + "))");
    }
    if (f.person() != null) {
      sql.append(" AND q.owner_person_id = :person");
    }
    if (f.own() != null) {
      sql.append(
          f.own().personId() == null
              ? " AND q.registered_by = :email"
              : " AND (q.owner_person_id = :me OR q.registered_by = :email)");
    }
    sql.append(" ORDER BY q.asked_at, q.id FETCH FIRST ").append(fetch).append(" ROWS ONLY");
    var statement =
        bind(jdbc.sql(sql.toString()), scope, f)
            .param("since", f.from().atStartOfDay(ZONE).toOffsetDateTime())
            .param("until", f.to().plusDays(1).atStartOfDay(ZONE).toOffsetDateTime());
    return statement.query((rs, n) -> question(rs)).list();
  }

  private static Row question(ResultSet rs) throws SQLException {
    OffsetDateTime asked = rs.getObject("asked_at", OffsetDateTime.class);
    UUID person = rs.getObject("owner_person_id", UUID.class);
    return new Row(
        new Node(
            rs.getObject("id", UUID.class),
            Kind.QUESTION,
            rs.getString("text"),
            asked.atZoneSameInstant(ZONE).toLocalDate(),
            rs.getString("status"),
            null,
            null,
            null,
            null),
        person != null ? person : rs.getObject("owner_unit_id", UUID.class),
        rs.getObject("follow_up_of", UUID.class),
        rs.getObject("raised_in", UUID.class));
  }

  private List<Row> interventions(ClientScope scope, Filter f, int fetch, LocalDate today) {
    StringBuilder sql =
        new StringBuilder(
            """
            SELECT i.id, i.type, i.held_on, i.starts_at
            FROM intervention i
            WHERE i.client_id = :client AND i.engagement_id = :e
              AND i.held_on >= :from AND i.held_on <= :to
            """);
    if (f.units() != null) {
      sql.append(
          """
           AND i.id IN (SELECT x.intervention_id FROM intervention_participant x
                        WHERE x.client_id = :client AND x.person_id IN (%s)
                        UNION ALL
                        SELECT x.intervention_id FROM intervention_participant x
                        WHERE x.client_id = :client AND x.unit_id IN (:units))
          """
              .formatted(MEMBERS));
    }
    if (f.person() != null) {
      sql.append(participant(":person"));
    }
    if (f.own() != null) {
      sql.append(f.own().personId() == null ? " AND 1 = 0" : participant(":me"));
    }
    sql.append(" ORDER BY i.held_on, i.starts_at, i.id FETCH FIRST ")
        .append(fetch)
        .append(" ROWS ONLY");
    return bind(jdbc.sql(sql.toString()), scope, f)
        .query(
            (rs, n) -> {
              LocalDate held = rs.getObject("held_on", LocalDate.class);
              return new Row(
                  new Node(
                      rs.getObject("id", UUID.class),
                      Kind.INTERVENTION,
                      rs.getString("type"),
                      held,
                      held.isAfter(today) ? "PLANNED" : "HELD",
                      null,
                      null,
                      rs.getObject("starts_at", LocalTime.class),
                      null),
                  null,
                  null,
                  null);
            })
        .list();
  }

  private static String participant(String param) {
    return """
         AND EXISTS (SELECT 1 FROM intervention_participant x
                     WHERE x.client_id = i.client_id AND x.intervention_id = i.id
                       AND x.person_id = %s)
        """
        .formatted(param);
  }

  private List<Row> agreements(ClientScope scope, Filter f, int fetch) {
    StringBuilder sql =
        new StringBuilder(
            """
            SELECT a.id, a.intervention_id, a.what, a.status, a.due_on, a.owner_person_id,
                   i.held_on
            FROM agreement a
            JOIN intervention i ON i.id = a.intervention_id AND i.client_id = a.client_id
            WHERE a.client_id = :client AND i.engagement_id = :e
              AND i.held_on >= :from AND i.held_on <= :to
            """);
    if (f.units() != null) {
      sql.append(" AND a.owner_person_id IN (" + MEMBERS + ")");
    }
    if (f.person() != null) {
      sql.append(" AND a.owner_person_id = :person");
    }
    if (f.own() != null) {
      sql.append(f.own().personId() == null ? " AND 1 = 0" : " AND a.owner_person_id = :me");
    }
    sql.append(" ORDER BY i.held_on, a.id FETCH FIRST ").append(fetch).append(" ROWS ONLY");
    return bind(jdbc.sql(sql.toString()), scope, f)
        .query(
            (rs, n) ->
                new Row(
                    new Node(
                        rs.getObject("id", UUID.class),
                        Kind.AGREEMENT,
                        rs.getString("what"),
                        rs.getObject("held_on", LocalDate.class),
                        rs.getString("status"),
                        null,
                        rs.getObject("intervention_id", UUID.class),
                        null,
                        rs.getObject("due_on", LocalDate.class)),
                    rs.getObject("owner_person_id", UUID.class),
                    null,
                    null))
        .list();
  }

  /** question → intervention for the given interventions: one statement. */
  private List<Edge> answered(ClientScope scope, List<UUID> interventions) {
    if (interventions.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            """
            SELECT question_id, intervention_id FROM intervention_question
            WHERE client_id = :client AND intervention_id IN (:ids)
            """)
        .param("client", scope.id())
        .param("ids", interventions)
        .query(
            (rs, n) ->
                new Edge(
                    rs.getObject("question_id", UUID.class),
                    rs.getObject("intervention_id", UUID.class),
                    EdgeKind.ANSWERED_BY))
        .list();
  }

  /** The parameters every statement may name; each is bound only when the SQL uses it. */
  private static JdbcClient.StatementSpec bind(
      JdbcClient.StatementSpec spec, ClientScope scope, Filter f) {
    spec = spec.param("client", scope.id()).param("e", f.engagementId());
    spec = spec.param("from", f.from()).param("to", f.to());
    if (f.units() != null) {
      spec = spec.param("units", f.units());
    }
    if (f.person() != null) {
      spec = spec.param("person", f.person());
    }
    if (f.own() != null) {
      spec = spec.param("email", f.own().email());
      if (f.own().personId() != null) {
        spec = spec.param("me", f.own().personId());
      }
    }
    return spec;
  }
}
