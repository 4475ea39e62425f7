package nl.orgcoach.observation;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import nl.orgcoach.access.ClientScope;
import nl.orgcoach.organisation.PersonLookup;
import nl.orgcoach.organisation.UnitLookup;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The behaviours of engagements' frameworks as other modules need them (feedback rounds and the HR
 * heatmap): ids and names only, no observations. Reads only; a framework that was never opened has
 * no behaviours yet and is not created here.
 */
@Component
@Transactional(readOnly = true)
public class FrameworkLookup {

  /** An active behaviour of an engagement's framework. */
  public record FrameworkBehaviour(
      UUID id, UUID engagementId, String engagementTitle, String nameNl, String nameEn) {

    public String name(Locale locale) {
      return Behaviour.dutch(locale) ? nameNl : nameEn;
    }
  }

  private static final String SELECT =
      """
      SELECT b.id, b.engagement_id, e.title AS engagement_title, b.name_nl, b.name_en
      FROM behaviour b JOIN engagement e ON e.id = b.engagement_id AND e.client_id = b.client_id
      WHERE b.client_id = :client AND b.retired_at IS NULL
      """;

  private final JdbcClient jdbc;
  private final PersonLookup people;
  private final UnitLookup units;

  FrameworkLookup(JdbcClient jdbc, PersonLookup people, UnitLookup units) {
    this.jdbc = jdbc;
    this.people = people;
    this.units = units;
  }

  /**
   * The behaviours of the engagements the person takes part in on the date: those not ended by then
   * whose scope holds the person's unit or a unit above it, or that have no scope (the whole
   * client). Newest engagement first, each in its framework's order.
   */
  public List<FrameworkBehaviour> forPerson(ClientScope scope, UUID personId, LocalDate on) {
    var person = people.find(scope, personId);
    if (person.isEmpty()) {
      return List.of();
    }
    List<UUID> path = units.path(scope, person.get().unitId());
    String inScope =
        path.isEmpty()
            ? ""
            : " OR EXISTS (SELECT 1 FROM engagement_unit eu WHERE eu.engagement_id = e.id"
                + " AND eu.client_id = :client AND eu.unit_id IN (:path))";
    var sql =
        jdbc.sql(
                SELECT
                    + " AND (e.ends_on IS NULL OR e.ends_on >= :on)"
                    + " AND (NOT EXISTS (SELECT 1 FROM engagement_unit eu"
                    + " WHERE eu.engagement_id = e.id AND eu.client_id = :client)"
                    + inScope
                    + ") ORDER BY e.starts_on DESC, e.title, e.id, b.sort_order, b.name_en")
            .param("client", scope.id())
            .param("on", on);
    if (!path.isEmpty()) {
      sql = sql.param("path", path);
    }
    return sql.query(FrameworkBehaviour.class).list();
  }

  /** The active behaviours of one engagement's framework, in order (empty for a foreign id). */
  public List<FrameworkBehaviour> ofEngagement(ClientScope scope, UUID engagementId) {
    return jdbc.sql(SELECT + " AND b.engagement_id = :e ORDER BY b.sort_order, b.name_en")
        .param("client", scope.id())
        .param("e", engagementId)
        .query(FrameworkBehaviour.class)
        .list();
  }

  /** An active framework behaviour of the scope's client. */
  public Optional<FrameworkBehaviour> find(ClientScope scope, UUID behaviourId) {
    return jdbc.sql(SELECT + " AND b.id = :id")
        .param("client", scope.id())
        .param("id", behaviourId)
        .query(FrameworkBehaviour.class)
        .optional();
  }
}
