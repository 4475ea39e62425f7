package nl.orgcoach.engagement;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import nl.orgcoach.access.ClientScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * An engagement as other modules need it (observations): its title, coaches and scope, and its
 * agreements. Only ids and plain text; who may see what stays with the calling module's access
 * rule.
 */
@Component
@Transactional(readOnly = true)
public class EngagementLookup {

  /** An engagement: its coaches (user ids) and the units it is about (empty: the whole client). */
  public record EngagementRef(UUID id, String title, Set<UUID> coaches, Set<UUID> units) {

    public boolean isCoachedBy(UUID userId) {
      return coaches.contains(userId);
    }
  }

  /** An agreement of one of the engagement's interventions. */
  public record AgreementRef(UUID id, UUID ownerPersonId, String ownerName, String what) {}

  private final Engagements engagements;
  private final JdbcClient jdbc;

  EngagementLookup(Engagements engagements, JdbcClient jdbc) {
    this.engagements = engagements;
    this.jdbc = jdbc;
  }

  /** The engagement if it is of the scope's client. */
  public Optional<EngagementRef> find(ClientScope scope, UUID engagementId) {
    return engagements
        .find(scope, engagementId)
        .map(
            e ->
                new EngagementRef(
                    e.id().value(), e.title(), Set.copyOf(e.coaches()), Set.copyOf(e.units())));
  }

  /** The engagements of the client, newest first; only those the coach coaches when set. */
  public List<EngagementRef> list(ClientScope scope, UUID coachedBy) {
    return engagements.list(scope, coachedBy).stream()
        .map(s -> find(scope, s.id()).orElseThrow())
        .toList();
  }

  /** The agreements made in the engagement's interventions, oldest first. */
  public List<AgreementRef> agreements(ClientScope scope, UUID engagementId) {
    return jdbc.sql(
            """
            SELECT a.id, a.owner_person_id, p.first_name || ' ' || p.last_name AS owner_name, a.what
            FROM agreement a
            JOIN intervention i ON i.id = a.intervention_id AND i.client_id = a.client_id
            JOIN person p ON p.id = a.owner_person_id AND p.client_id = a.client_id
            WHERE a.client_id = :client AND i.engagement_id = :e
            ORDER BY i.held_on, a.what
            """)
        .param("client", scope.id())
        .param("e", engagementId)
        .query(AgreementRef.class)
        .list();
  }

  /** The sponsor (a person of the client) of each engagement of the client that has one. */
  public java.util.Map<UUID, UUID> sponsors(ClientScope scope) {
    record Sponsor(UUID id, UUID sponsorPersonId) {}
    return jdbc
        .sql(
            "SELECT id, sponsor_person_id FROM engagement WHERE client_id = :client"
                + " AND sponsor_person_id IS NOT NULL")
        .param("client", scope.id())
        .query(Sponsor.class)
        .list()
        .stream()
        .collect(
            java.util.stream.Collectors.toMap(Sponsor::id, Sponsor::sponsorPersonId, (a, b) -> a));
  }
}
