package nl.orgcoach.engagement;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.orgcoach.access.ClientScope;
import nl.orgcoach.platform.FilteredSql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Engagements and their decisions in the database; every statement is bound to a scope. */
@Repository
class Engagements {

  private final JdbcClient jdbc;

  Engagements(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A line of the engagement list. */
  record Summary(
      UUID id,
      String title,
      LocalDate startsOn,
      LocalDate endsOn,
      String sponsorName,
      int openQuestions) {}

  /** A coach, unit or person by name. */
  record Named(UUID id, String name) {}

  void insert(ClientScope scope, Engagement e) {
    jdbc.sql(
            """
            INSERT INTO engagement (id, client_id, title, description, sponsor_person_id, starts_on,
                                    ends_on, created_at)
            VALUES (:id, :client, :title, :description, :sponsor, :starts, :ends, :created)
            """)
        .param("id", e.id().value())
        .param("client", scope.id())
        .param("title", e.title())
        .param("description", e.description())
        .param("sponsor", e.sponsorPersonId())
        .param("starts", e.startsOn())
        .param("ends", e.endsOn())
        .param("created", e.createdAt())
        .update();
    for (UUID coach : e.coaches()) {
      jdbc.sql(
              "INSERT INTO engagement_coach (engagement_id, user_id, client_id) VALUES (:e, :u, :client)")
          .param("e", e.id().value())
          .param("u", coach)
          .param("client", scope.id())
          .update();
    }
    for (UUID unit : e.units()) {
      jdbc.sql(
              "INSERT INTO engagement_unit (engagement_id, unit_id, client_id) VALUES (:e, :u, :client)")
          .param("e", e.id().value())
          .param("u", unit)
          .param("client", scope.id())
          .update();
    }
    e.decisions().forEach(d -> insertDecision(scope, d));
  }

  void insertDecision(ClientScope scope, ManagementDecision d) {
    jdbc.sql(
            """
            INSERT INTO management_decision (id, client_id, engagement_id, title, description,
                                             decided_on, decided_by)
            VALUES (:id, :client, :e, :title, :description, :on, :by)
            """)
        .param("id", d.id())
        .param("client", scope.id())
        .param("e", d.engagementId().value())
        .param("title", d.title())
        .param("description", d.description())
        .param("on", d.decidedOn())
        .param("by", d.decidedBy())
        .update();
  }

  /**
   * The engagements of the scope's client, newest first; only those coached by {@code coachedBy}
   * when it is set (see {@link EngagementAccess}).
   */
  List<Summary> list(ClientScope scope, UUID coachedBy) {
    return FilteredSql.selectWhere(
            """
            SELECT e.id, e.title, e.starts_on, e.ends_on,
                   p.first_name || ' ' || p.last_name AS sponsor_name,
                   (SELECT count(*) FROM question q WHERE q.client_id = e.client_id
                      AND q.engagement_id = e.id AND q.status = 'OPEN') AS open_questions
            FROM engagement e
            LEFT JOIN person p ON p.id = e.sponsor_person_id AND p.client_id = e.client_id
            WHERE e.client_id = :client
            """)
        .param("client", scope.id())
        .whereGiven(
            """
            EXISTS (SELECT 1 FROM engagement_coach c
                    WHERE c.client_id = e.client_id AND c.engagement_id = e.id AND c.user_id = :coach)
            """,
            "coach",
            coachedBy)
        .then("ORDER BY e.starts_on DESC, e.title")
        .on(jdbc)
        .query(Summary.class)
        .list();
  }

  /** The engagement with its coaches, scope and decisions, if it is of the scope's client. */
  Optional<Engagement> find(ClientScope scope, UUID id) {
    return jdbc.sql(
            """
            SELECT id, title, description, sponsor_person_id, starts_on, ends_on, created_at
            FROM engagement WHERE client_id = :client AND id = :id
            """)
        .param("client", scope.id())
        .param("id", id)
        .query((rs, n) -> load(scope, rs))
        .optional();
  }

  private Engagement load(ClientScope scope, ResultSet rs) throws SQLException {
    UUID id = rs.getObject("id", UUID.class);
    return new Engagement(
        new EngagementId(id),
        rs.getString("title"),
        rs.getString("description"),
        rs.getObject("sponsor_person_id", UUID.class),
        rs.getObject("starts_on", LocalDate.class),
        rs.getObject("ends_on", LocalDate.class),
        new HashSet<>(ids(scope, "engagement_coach", "user_id", id)),
        new HashSet<>(ids(scope, "engagement_unit", "unit_id", id)),
        decisions(scope, id),
        rs.getObject("created_at", OffsetDateTime.class));
  }

  private List<UUID> ids(ClientScope scope, String table, String column, UUID engagement) {
    return jdbc.sql(
            "SELECT "
                + column
                + " FROM "
                + table
                + " WHERE client_id = :client AND engagement_id = :e")
        .param("client", scope.id())
        .param("e", engagement)
        .query(UUID.class)
        .list();
  }

  List<ManagementDecision> decisions(ClientScope scope, UUID engagement) {
    return jdbc.sql(
            """
            SELECT id, engagement_id, title, description, decided_on, decided_by
            FROM management_decision WHERE client_id = :client AND engagement_id = :e
            ORDER BY decided_on, title
            """)
        .param("client", scope.id())
        .param("e", engagement)
        .query(
            (rs, n) ->
                new ManagementDecision(
                    rs.getObject("id", UUID.class),
                    new EngagementId(rs.getObject("engagement_id", UUID.class)),
                    rs.getString("title"),
                    rs.getString("description"),
                    rs.getObject("decided_on", LocalDate.class),
                    rs.getString("decided_by")))
        .list();
  }

  List<Named> coaches(ClientScope scope, UUID engagement) {
    return jdbc.sql(
            """
            SELECT u.id, u.display_name AS name FROM engagement_coach c
            JOIN app_user u ON u.id = c.user_id
            WHERE c.client_id = :client AND c.engagement_id = :e ORDER BY u.display_name
            """)
        .param("client", scope.id())
        .param("e", engagement)
        .query(Named.class)
        .list();
  }

  List<Named> units(ClientScope scope, UUID engagement) {
    return jdbc.sql(
            """
            SELECT u.id, u.name FROM engagement_unit s
            JOIN unit u ON u.id = s.unit_id AND u.client_id = s.client_id
            WHERE s.client_id = :client AND s.engagement_id = :e ORDER BY u.name
            """)
        .param("client", scope.id())
        .param("e", engagement)
        .query(Named.class)
        .list();
  }

  Optional<String> sponsorName(ClientScope scope, UUID personId) {
    if (personId == null) {
      return Optional.empty();
    }
    return jdbc.sql(
            """
            SELECT first_name || ' ' || last_name FROM person
            WHERE client_id = :client AND id = :id
            """)
        .param("client", scope.id())
        .param("id", personId)
        .query(String.class)
        .optional();
  }
}
