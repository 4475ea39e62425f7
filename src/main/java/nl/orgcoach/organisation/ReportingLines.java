package nl.orgcoach.organisation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import nl.orgcoach.access.ClientScope;
import nl.orgcoach.organisation.ReportingSnapshot.Line;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reporting lines of a client as they were on a date, from {@code person_history} (kept by
 * every write path of the organisation module; see docs/architecture.md, "Reporting lines as they
 * were"). A person who was not (yet, or any more) of the client on the date is absent from the
 * answer, as is every id of another client.
 */
@Component
@Transactional(readOnly = true)
public class ReportingLines {

  private static final String ON_DATE =
      " h.client_id = :client AND h.valid_from <= CAST(:d AS DATE)"
          + " AND (h.valid_to IS NULL OR h.valid_to > CAST(:d AS DATE))";

  private final JdbcClient jdbc;

  ReportingLines(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Every line of the client on the date. For analyses over a whole client; a 100,000-person client
   * makes a snapshot of 100,000 small records. For a few people use {@link #asOn(ClientScope,
   * LocalDate, Collection)}.
   */
  public ReportingSnapshot asOn(ClientScope scope, LocalDate date) {
    return ReportingSnapshot.of(
        date,
        jdbc.sql(
                "SELECT h.person_id, h.unit_id, h.manager_person_id AS manager_id FROM person_history h WHERE"
                    + ON_DATE)
            .param("client", scope.id())
            .param("d", date)
            .query(Line.class)
            .list());
  }

  /**
   * The lines around a few people on the date (an observation's attendees): their own lines, the
   * lines of everyone above them, and their direct reports. Two indexed queries whose size follows
   * the people asked for and the depth of the chart, not the size of the client.
   */
  public ReportingSnapshot asOn(ClientScope scope, LocalDate date, Collection<UUID> people) {
    Set<UUID> focus = new LinkedHashSet<>(people);
    focus.remove(null);
    if (focus.isEmpty()) {
      return ReportingSnapshot.around(date, List.of(), focus);
    }
    List<UUID> ids = List.copyOf(focus);
    var lines = new ArrayList<Line>();
    lines.addAll(
        jdbc.sql(
                """
                WITH RECURSIVE up (person_id, unit_id, manager_person_id, depth) AS (
                  SELECT h.person_id, h.unit_id, h.manager_person_id, 0 FROM person_history h
                  WHERE h.person_id IN (:people) AND"""
                    + ON_DATE
                    + """

                  UNION ALL
                  SELECT h.person_id, h.unit_id, h.manager_person_id, up.depth + 1
                  FROM person_history h JOIN up ON h.person_id = up.manager_person_id
                  WHERE up.depth < 100 AND"""
                    + ON_DATE
                    + """

                )
                SELECT DISTINCT person_id, unit_id, manager_person_id AS manager_id FROM up
                """)
            .param("client", scope.id())
            .param("d", date)
            .param("people", ids)
            .query(Line.class)
            .list());
    lines.addAll(
        jdbc.sql(
                "SELECT h.person_id, h.unit_id, h.manager_person_id AS manager_id FROM person_history h"
                    + " WHERE h.manager_person_id IN (:people) AND"
                    + ON_DATE)
            .param("client", scope.id())
            .param("d", date)
            .param("people", ids)
            .query(Line.class)
            .list());
    return ReportingSnapshot.around(date, lines, focus);
  }

  /**
   * The constellation of an observation of {@code observed} on {@code date} with these attendees,
   * derived from that date's reporting lines (see {@link ConstellationDerivation}).
   */
  public Constellation constellation(
      ClientScope scope, LocalDate date, UUID observed, Collection<UUID> attendees) {
    Objects.requireNonNull(date, "date");
    var people = new LinkedHashSet<UUID>(attendees);
    people.add(observed);
    return ConstellationDerivation.derive(observed, attendees, asOn(scope, date, people));
  }
}
