package nl.orgcoach.organisation.history;

import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code person_history} in step with {@code person}. A write path first changes people, then
 * tells this class who: for each of them the current history row is closed if their unit or manager
 * no longer matches, and a row is opened from today. Both write paths (import, manual edit) call it
 * inside the transaction of the change itself, so the history and the chart never disagree.
 *
 * <p>Only the people named are looked at, in JDBC batches: an import that moves 50 of 100,000
 * people pays for 50. Periods are whole days in the Netherlands' calendar: a change takes effect on
 * the day it is recorded, and a second change of one person on one day replaces the first.
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

  private static final int BATCH = 1000;

  /** Whether the current history row {@code h} no longer matches its person. */
  private static final String STALE =
      """
       AND EXISTS (SELECT 1 FROM person p WHERE p.id = h.person_id
                   AND (p.unit_id <> h.unit_id OR p.manager_id IS DISTINCT FROM h.manager_person_id))
      """;

  /** A period opened today and already outdated is replaced rather than closed after zero days. */
  private static final String REPLACE_TODAYS =
      "DELETE FROM person_history h WHERE h.person_id IN (:ids) AND h.client_id = :client"
          + " AND h.valid_to IS NULL AND h.valid_from = CAST(:on AS DATE)"
          + STALE;

  private static final String CLOSE =
      "UPDATE person_history h SET valid_to = CAST(:on AS DATE)"
          + " WHERE h.person_id IN (:ids) AND h.client_id = :client"
          + " AND h.valid_to IS NULL"
          + STALE;

  private static final String OPEN =
      """
      INSERT INTO person_history (client_id, person_id, unit_id, manager_person_id, valid_from, valid_to)
      SELECT p.client_id, p.id, p.unit_id, p.manager_id,
             CASE WHEN EXISTS (SELECT 1 FROM person_history o WHERE o.person_id = p.id)
                  THEN CAST(:on AS DATE) ELSE CAST(:always AS DATE) END,
             NULL
      FROM person p
      WHERE p.id IN (:ids) AND p.client_id = :client
        AND NOT EXISTS (SELECT 1 FROM person_history h WHERE h.person_id = p.id AND h.valid_to IS NULL)
      """;

  private static final String FIRST =
      """
      INSERT INTO person_history (client_id, person_id, unit_id, manager_person_id, valid_from, valid_to)
      VALUES (?, ?, ?, ?, ?, NULL)
      """;

  /** A person just created, with their unit and manager. */
  public record NewPerson(UUID id, UUID unitId, UUID managerId) {}

  private final JdbcTemplate jdbc;
  private final JdbcClient named;
  private final Clock clock;

  PersonHistory(JdbcTemplate jdbc, JdbcClient named) {
    this.jdbc = jdbc;
    this.named = named;
    this.clock = Clock.system(ZONE);
  }

  /**
   * The first period of people just created, without looking at what is there: the fast path of an
   * import's new rows. The people must have no history yet.
   */
  public void recordNew(UUID client, List<NewPerson> people) {
    for (int from = 0; from < people.size(); from += BATCH) {
      List<NewPerson> chunk = people.subList(from, Math.min(people.size(), from + BATCH));
      jdbc.batchUpdate(
          FIRST,
          chunk,
          chunk.size(),
          (ps, p) -> {
            ps.setObject(1, client);
            ps.setObject(2, p.id());
            ps.setObject(3, p.unitId());
            if (p.managerId() == null) {
              ps.setNull(4, Types.OTHER);
            } else {
              ps.setObject(4, p.managerId());
            }
            ps.setObject(5, SINCE_ALWAYS);
          });
    }
  }

  /** Records the current unit and manager of these people as of today, where they changed. */
  public void recordChanges(UUID client, Collection<UUID> people) {
    record(client, people, LocalDate.now(clock));
  }

  /** Records the current unit and manager of one person as of today, if they changed. */
  public void recordChange(UUID client, UUID person) {
    recordChanges(client, List.of(person));
  }

  void record(UUID client, Collection<UUID> people, LocalDate on) {
    List<UUID> ids = List.copyOf(people);
    int changed = 0;
    for (int from = 0; from < ids.size(); from += BATCH) {
      List<UUID> chunk = ids.subList(from, Math.min(ids.size(), from + BATCH));
      changed +=
          named
              .sql(REPLACE_TODAYS)
              .param("ids", chunk)
              .param("client", client)
              .param("on", on)
              .update();
      changed +=
          named.sql(CLOSE).param("ids", chunk).param("client", client).param("on", on).update();
      changed +=
          named
              .sql(OPEN)
              .param("ids", chunk)
              .param("client", client)
              .param("on", on)
              .param("always", SINCE_ALWAYS)
              .update();
    }
    if (changed > 0) {
      bumpVersion(client);
    }
  }

  private static final String BUMP =
      "UPDATE people_version SET version = version + 1 WHERE client_id = :client";

  private static final String FIRST_VERSION =
      "INSERT INTO people_version (client_id, version) VALUES (:client, 1) ON CONFLICT DO NOTHING";

  /**
   * Someone of the client moved or got another manager (or got their first history row): caches of
   * figures per unit must read again ({@link nl.orgcoach.organisation.UnitLookup#peopleVersion}).
   * {@link #recordNew} needs no bump: people just created are in nobody's figures yet.
   */
  private void bumpVersion(UUID client) {
    if (named.sql(BUMP).param("client", client).update() == 0
        && named.sql(FIRST_VERSION).param("client", client).update() == 0) {
      // Another transaction inserted the first row in between: count this change on top of it.
      named.sql(BUMP).param("client", client).update();
    }
  }
}
