package nl.orgcoach.observation;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import nl.orgcoach.access.ClientScope;
import nl.orgcoach.platform.DatabaseKind;
import nl.orgcoach.stats.Constellation;
import nl.orgcoach.stats.ObservedRating;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
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
  static final int FETCH_SIZE = 20_000;

  private final JdbcClient jdbc;
  private final JdbcTemplate streaming;
  private final DatabaseKind database;

  IncongruenceInput(JdbcClient jdbc, DataSource dataSource, DatabaseKind database) {
    this.jdbc = jdbc;
    this.database = database;
    this.streaming = new JdbcTemplate(dataSource);
    this.streaming.setFetchSize(FETCH_SIZE);
  }

  /** Memory for the join of a large engagement's ratings on PostgreSQL (per analysis running). */
  static final String WORK_MEM = "64MB";

  /**
   * PostgreSQL's driver sends results in binary (a uuid as 16 bytes, a date as 4) only for a
   * statement prepared on the server, which by default happens from its fifth execution; a
   * threshold of -1 prepares this one from the first. Binary rows save parsing two uuids and a date
   * per rating: a large share of the load time. Other drivers: nothing to do. By reflection, as the
   * driver is a runtime dependency only.
   */
  private static void binaryOnPostgres(PreparedStatement statement) throws SQLException {
    try {
      Class<?> pg = Class.forName("org.postgresql.PGStatement");
      if (statement.isWrapperFor(pg)) {
        pg.getMethod("setPrepareThreshold", int.class).invoke(statement.unwrap(pg), -1);
      }
    } catch (ReflectiveOperationException e) {
      // not PostgreSQL's driver
    }
  }

  /** The given people's names (first and last), by id. */
  Map<UUID, String> names(ClientScope scope, Collection<UUID> people) {
    Map<UUID, String> names = new HashMap<>();
    if (people.isEmpty()) {
      return names;
    }
    jdbc.sql(
            """
            SELECT id, first_name || ' ' || last_name AS name FROM person
            WHERE client_id = :client AND id IN (:ids)
            """)
        .param("client", scope.id())
        .param("ids", List.copyOf(people))
        .query((RowCallbackHandler) rs -> names.put(rs.getObject(1, UUID.class), rs.getString(2)));
    return names;
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
  static final String RATINGS =
      """
      SELECT o.person_id, r.behaviour_id, %s AS dominant, r.rating, o.observed_on
      FROM observation o
      JOIN observation_rating r ON r.observation_id = o.id AND r.client_id = o.client_id
      WHERE o.client_id = ? AND o.engagement_id = ? AND o.dominant IS NOT NULL
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
    // The join hashes 300,000 observations: with the default 4 MB it spills to disk in batches.
    database.workMemForThisTransaction(WORK_MEM);
    streaming.query(
        connection -> {
          PreparedStatement statement = connection.prepareStatement(RATINGS);
          statement.setObject(1, scope.id());
          statement.setObject(2, engagementId);
          binaryOnPostgres(statement);
          return statement;
        },
        (RowCallbackHandler)
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
