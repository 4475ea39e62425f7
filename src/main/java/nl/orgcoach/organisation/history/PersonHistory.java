package nl.orgcoach.organisation.history;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code person_history} in step with {@code person}: after a write path has changed people
 * (an import, a manual edit), it closes each current history row whose unit or manager no longer
 * matches and opens a new one from today. Set-based SQL, so an import of 100,000 people costs three
 * statements, not 100,000. It must run in the transaction of the change itself, so that the history
 * and the chart never disagree (both callers are transactional).
 *
 * <p>Periods are whole days in the Netherlands' calendar: a change takes effect on the day it is
 * recorded. Two changes of one person on one day leave one period for that day, the last one.
 */
@Component
public class PersonHistory {

  /**
   * Where every person's first known state starts: nobody knows since when it held, and an
   * observation recorded after the fact should still find the person (see
   * V1_7__person_history.sql).
   */
  public static final LocalDate SINCE_ALWAYS = LocalDate.of(1900, 1, 1);

  static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

  /** Whether the current history row {@code h} no longer matches its person. */
  private static final String STALE =
      """
      EXISTS (SELECT 1 FROM person p WHERE p.id = h.person_id
              AND (p.unit_id <> h.unit_id OR p.manager_id IS DISTINCT FROM h.manager_person_id))
      """;

  private final JdbcClient jdbc;
  private final Clock clock;

  PersonHistory(JdbcClient jdbc) {
    this.jdbc = jdbc;
    this.clock = Clock.system(ZONE);
  }

  /**
   * Records the current reporting lines of every person of the client that changed, as of today.
   */
  public void recordChanges(UUID client) {
    record(client, null, LocalDate.now(clock));
  }

  /** Records the current reporting line of one person if it changed, as of today. */
  public void recordChange(UUID client, UUID person) {
    record(client, person, LocalDate.now(clock));
  }

  /** {@code person} null: every person of the client. */
  void record(UUID client, UUID person, LocalDate on) {
    String onePerson = person == null ? "" : " AND h.person_id = :person";
    // A period opened today and already outdated is replaced rather than closed after zero days.
    var replaced =
        jdbc.sql(
                "DELETE FROM person_history h WHERE h.client_id = :client AND h.valid_to IS NULL"
                    + " AND h.valid_from = CAST(:on AS DATE)"
                    + onePerson
                    + " AND "
                    + STALE)
            .param("client", client)
            .param("on", on);
    withPerson(replaced, person).update();
    var closed =
        jdbc.sql(
                "UPDATE person_history h SET valid_to = CAST(:on AS DATE)"
                    + " WHERE h.client_id = :client AND h.valid_to IS NULL"
                    + onePerson
                    + " AND "
                    + STALE)
            .param("client", client)
            .param("on", on);
    withPerson(closed, person).update();
    var opened =
        jdbc.sql(
                """
                INSERT INTO person_history (client_id, person_id, unit_id, manager_person_id, valid_from, valid_to)
                SELECT p.client_id, p.id, p.unit_id, p.manager_id,
                       CASE WHEN EXISTS (SELECT 1 FROM person_history o WHERE o.person_id = p.id)
                            THEN CAST(:on AS DATE) ELSE CAST(:always AS DATE) END,
                       NULL
                FROM person p
                WHERE p.client_id = :client
                  AND NOT EXISTS (SELECT 1 FROM person_history h WHERE h.person_id = p.id AND h.valid_to IS NULL)
                """
                    + (person == null ? "" : " AND p.id = :person"))
            .param("client", client)
            .param("on", on)
            .param("always", SINCE_ALWAYS);
    withPerson(opened, person).update();
  }

  private static JdbcClient.StatementSpec withPerson(JdbcClient.StatementSpec spec, UUID person) {
    return person == null ? spec : spec.param("person", person);
  }
}
