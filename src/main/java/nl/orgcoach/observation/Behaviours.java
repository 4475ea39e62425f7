package nl.orgcoach.observation;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.orgcoach.access.ClientScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Behaviour frameworks in the database; every statement is bound to a scope. */
@Repository
class Behaviours {

  private static final String SELECT =
      """
      SELECT id, engagement_id, code, name_nl, name_en, description_nl, description_en,
             indicators_nl, indicators_en, sort_order, retired_at
      FROM behaviour WHERE client_id = :client
      """;

  private final JdbcClient jdbc;

  Behaviours(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  boolean frameworkExists(ClientScope scope, UUID engagementId) {
    return jdbc.sql(
                "SELECT count(*) FROM behaviour_framework WHERE client_id = :client AND engagement_id = :e")
            .param("client", scope.id())
            .param("e", engagementId)
            .query(Integer.class)
            .single()
        > 0;
  }

  void insertFramework(ClientScope scope, UUID engagementId, OffsetDateTime at) {
    jdbc.sql(
            "INSERT INTO behaviour_framework (engagement_id, client_id, created_at) VALUES (:e, :client, :at)")
        .param("e", engagementId)
        .param("client", scope.id())
        .param("at", at)
        .update();
  }

  /** The framework in its order, retired behaviours included. */
  List<Behaviour> of(ClientScope scope, UUID engagementId) {
    return jdbc.sql(SELECT + " AND engagement_id = :e ORDER BY sort_order, name_en")
        .param("client", scope.id())
        .param("e", engagementId)
        .query(Behaviour.class)
        .list();
  }

  /** The ids of the behaviours not retired (none before the framework is put in place). */
  List<UUID> activeIds(ClientScope scope, UUID engagementId) {
    return jdbc.sql(
            "SELECT id FROM behaviour WHERE client_id = :client AND engagement_id = :e"
                + " AND retired_at IS NULL")
        .param("client", scope.id())
        .param("e", engagementId)
        .query(UUID.class)
        .list();
  }

  Optional<Behaviour> find(ClientScope scope, UUID engagementId, UUID id) {
    return jdbc.sql(SELECT + " AND engagement_id = :e AND id = :id")
        .param("client", scope.id())
        .param("e", engagementId)
        .param("id", id)
        .query(Behaviour.class)
        .optional();
  }

  int nextSortOrder(ClientScope scope, UUID engagementId) {
    return jdbc.sql(
            "SELECT COALESCE(MAX(sort_order), 0) + 1 FROM behaviour WHERE client_id = :client AND engagement_id = :e")
        .param("client", scope.id())
        .param("e", engagementId)
        .query(Integer.class)
        .single();
  }

  void insert(ClientScope scope, Behaviour b) {
    jdbc.sql(
            """
            INSERT INTO behaviour (id, client_id, engagement_id, code, name_nl, name_en,
                                   description_nl, description_en, indicators_nl, indicators_en,
                                   sort_order, retired_at)
            VALUES (:id, :client, :e, :code, :nameNl, :nameEn, :descNl, :descEn, :indNl, :indEn,
                    :sort, :retired)
            """)
        .param("id", b.id())
        .param("client", scope.id())
        .param("e", b.engagementId())
        .param("code", b.code())
        .param("nameNl", b.nameNl())
        .param("nameEn", b.nameEn())
        .param("descNl", b.descriptionNl())
        .param("descEn", b.descriptionEn())
        .param("indNl", b.indicatorsNl())
        .param("indEn", b.indicatorsEn())
        .param("sort", b.sortOrder())
        .param("retired", b.retiredAt())
        .update();
  }

  void updateText(ClientScope scope, UUID id, Behaviour.Text t) {
    jdbc.sql(
            """
            UPDATE behaviour SET name_nl = :nameNl, name_en = :nameEn, description_nl = :descNl,
                   description_en = :descEn, indicators_nl = :indNl, indicators_en = :indEn
            WHERE client_id = :client AND id = :id
            """)
        .param("nameNl", t.nameNl())
        .param("nameEn", t.nameEn())
        .param("descNl", t.descriptionNl())
        .param("descEn", t.descriptionEn())
        .param("indNl", t.indicatorsNl())
        .param("indEn", t.indicatorsEn())
        .param("client", scope.id())
        .param("id", id)
        .update();
  }

  void setRetired(ClientScope scope, UUID id, OffsetDateTime retiredAt) {
    jdbc.sql("UPDATE behaviour SET retired_at = :at WHERE client_id = :client AND id = :id")
        .param("at", retiredAt)
        .param("client", scope.id())
        .param("id", id)
        .update();
  }

  void setSortOrder(ClientScope scope, UUID id, int sortOrder) {
    jdbc.sql("UPDATE behaviour SET sort_order = :s WHERE client_id = :client AND id = :id")
        .param("s", sortOrder)
        .param("client", scope.id())
        .param("id", id)
        .update();
  }

  boolean hasObservations(ClientScope scope, UUID id) {
    return jdbc.sql(
                "SELECT count(*) FROM observation_rating WHERE client_id = :client AND behaviour_id = :id")
            .param("client", scope.id())
            .param("id", id)
            .query(Integer.class)
            .single()
        > 0;
  }

  void delete(ClientScope scope, UUID id) {
    jdbc.sql("DELETE FROM behaviour WHERE client_id = :client AND id = :id")
        .param("client", scope.id())
        .param("id", id)
        .update();
  }

  /** The agreements linked to each behaviour of the engagement. */
  Map<UUID, List<UUID>> agreementLinks(ClientScope scope, UUID engagementId) {
    record Link(UUID behaviourId, UUID agreementId) {}
    return jdbc
        .sql(
            """
            SELECT l.behaviour_id, l.agreement_id FROM behaviour_agreement l
            JOIN behaviour b ON b.id = l.behaviour_id AND b.client_id = l.client_id
            WHERE l.client_id = :client AND b.engagement_id = :e
            """)
        .param("client", scope.id())
        .param("e", engagementId)
        .query(Link.class)
        .list()
        .stream()
        .collect(
            Collectors.groupingBy(
                Link::behaviourId, Collectors.mapping(Link::agreementId, Collectors.toList())));
  }

  void replaceAgreementLinks(ClientScope scope, UUID behaviourId, Collection<UUID> agreements) {
    jdbc.sql("DELETE FROM behaviour_agreement WHERE client_id = :client AND behaviour_id = :b")
        .param("client", scope.id())
        .param("b", behaviourId)
        .update();
    for (UUID a : agreements) {
      jdbc.sql(
              "INSERT INTO behaviour_agreement (behaviour_id, agreement_id, client_id) VALUES (:b, :a, :client)")
          .param("b", behaviourId)
          .param("a", a)
          .param("client", scope.id())
          .update();
    }
  }
}
