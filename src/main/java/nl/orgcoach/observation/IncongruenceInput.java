package nl.orgcoach.observation;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import nl.orgcoach.access.ClientScope;
import nl.orgcoach.stats.Constellation;
import nl.orgcoach.stats.ObservedRating;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The input of the incongruence analysis, read from the database: every rating of an engagement's
 * observations as an {@link ObservedRating}, in one streamed query, and a cheap fingerprint of that
 * input. Read only through {@link IncongruenceService}, which asks {@link ObservationAccess} first.
 */
@Repository
class IncongruenceInput {

  /**
   * Rows fetched per round trip. PostgreSQL streams a result only inside a transaction and with a
   * fetch size; without one the driver would hold all ~750,000 rows of a large engagement at once.
   */
  static final int FETCH_SIZE = 10_000;

  private final JdbcClient jdbc;
  private final JdbcClient streaming;

  IncongruenceInput(JdbcClient jdbc, DataSource dataSource) {
    this.jdbc = jdbc;
    JdbcTemplate template = new JdbcTemplate(dataSource);
    template.setFetchSize(FETCH_SIZE);
    this.streaming = JdbcClient.create(template);
  }

  /**
   * What the analysis of an engagement depends on: its observations' count and latest recording.
   * Observations are only ever inserted (never edited or deleted, except with their whole client),
   * so a new observation changes the count, and the pair changes exactly when the input does.
   */
  record Fingerprint(long observations, OffsetDateTime lastRecordedAt) {}

  Fingerprint fingerprint(ClientScope scope, UUID engagementId) {
    return jdbc.sql(
            """
            SELECT count(*) AS observations, max(recorded_at) AS last_recorded_at
            FROM observation WHERE client_id = :client AND engagement_id = :e
            """)
        .param("client", scope.id())
        .param("e", engagementId)
        .query(Fingerprint.class)
        .single();
  }

  /** The stored constellation as its ordinal: a small number travels and reads faster. */
  private static final String RATINGS =
      """
      SELECT o.person_id, r.behaviour_id, %s AS dominant, r.rating, o.observed_on
      FROM observation o
      JOIN observation_rating r ON r.observation_id = o.id AND r.client_id = o.client_id
      WHERE o.client_id = :client AND o.engagement_id = :e AND o.dominant IS NOT NULL
      """
          .formatted(ordinal());

  private static String ordinal() {
    StringBuilder sql = new StringBuilder("CASE o.dominant");
    for (Constellation c : Constellation.values()) {
      sql.append(" WHEN '").append(c.name()).append("' THEN ").append(c.ordinal());
    }
    return sql.append(" END").toString();
  }

  /**
   * Every rating of the engagement's observations where somebody else was present (an observation
   * alone has no constellation and so no place in the comparison). One query, streamed; each
   * person, behaviour and day becomes one shared object, so that 750,000 ratings cost little more
   * than their references. The caller runs it inside a (read-only) transaction.
   */
  List<ObservedRating> ratings(ClientScope scope, UUID engagementId) {
    Map<UUID, String> ids = new HashMap<>();
    Map<LocalDate, LocalDate> days = new HashMap<>();
    Constellation[] constellations = Constellation.values();
    List<ObservedRating> ratings = new ArrayList<>();
    streaming
        .sql(RATINGS)
        .param("client", scope.id())
        .param("e", engagementId)
        .query(
            rs -> {
              String person = ids.computeIfAbsent(rs.getObject(1, UUID.class), UUID::toString);
              String behaviour = ids.computeIfAbsent(rs.getObject(2, UUID.class), UUID::toString);
              LocalDate day = days.computeIfAbsent(rs.getObject(5, LocalDate.class), d -> d);
              ratings.add(
                  new ObservedRating(
                      person, behaviour, constellations[rs.getInt(3)], rs.getInt(4), day));
            });
    return ratings;
  }
}
