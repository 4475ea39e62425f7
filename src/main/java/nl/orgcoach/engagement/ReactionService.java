package nl.orgcoach.engagement;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.orgcoach.access.AuditLog;
import nl.orgcoach.access.AuditType;
import nl.orgcoach.access.ClientScope;
import nl.orgcoach.access.Clients;
import nl.orgcoach.access.LinkTokens;
import nl.orgcoach.access.UserAccount;
import nl.orgcoach.platform.NotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reactions to interventions (Kirkpatrick level 1). Participants give theirs in the app (one per
 * person, changeable) or through the intervention's public reaction link (no account, capped at the
 * number of participant persons). The engagement's coaches and admins see only the {@link
 * ReactionSummary}; participants see only their own reaction; nobody sees who answered what.
 */
@Service
@Transactional
class ReactionService {

  /** How far back the coachee's home lists interventions to react to. */
  static final int RECENT_DAYS = 60;

  static final int RECENT_MAX = 50;

  private final Reactions reactions;
  private final Interventions interventions;
  private final Engagements engagements;
  private final EngagementAccess access;
  private final LinkTokens linkTokens;
  private final Clients clients;
  private final AuditLog audit;
  private final Clock clock = Clock.systemUTC();

  ReactionService(
      Reactions reactions,
      Interventions interventions,
      Engagements engagements,
      EngagementAccess access,
      LinkTokens linkTokens,
      Clients clients,
      AuditLog audit) {
    this.reactions = reactions;
    this.interventions = interventions;
    this.engagements = engagements;
    this.access = access;
    this.linkTokens = linkTokens;
    this.clients = clients;
    this.audit = audit;
  }

  /** A new reaction link with its secret: the only moment the secret is known. */
  record NewLink(UUID id, String secret, OffsetDateTime expiresAt) {}

  /** What the public reaction page shows: which intervention, nothing of who took part. */
  record ReactionPage(
      String clientName, String engagementTitle, InterventionType type, LocalDate heldOn) {}

  /** How an answer through a link went. */
  enum Outcome {
    SAVED,
    /** As many answers as the intervention has participant persons. */
    FULL,
    /** Revoked, expired or unknown link. */
    GONE
  }

  /** The user's recent interventions with their own reaction (empty for a user without person). */
  @Transactional(readOnly = true)
  List<Reactions.Mine> recent(ClientScope scope, UserAccount me) {
    if (me.personId() == null) {
      return List.of();
    }
    LocalDate today = LocalDate.now(clock);
    return reactions.recentOf(
        scope, me.personId(), today.minusDays(RECENT_DAYS), today, RECENT_MAX);
  }

  /** A participant gives or changes their own reaction; anyone else is refused. */
  Reactions.Mine react(
      ClientScope scope, UserAccount me, UUID interventionId, Reaction.Answer answer) {
    UUID person = me.personId();
    if (person == null || !interventions.isParticipant(scope, interventionId, person)) {
      throw new AccessDeniedException("react");
    }
    OffsetDateTime now = now();
    Optional<Reaction> existing = reactions.ofPerson(scope, interventionId, person);
    if (existing.isPresent()) {
      existing.get().change(answer, now);
      reactions.update(scope, existing.get());
    } else {
      reactions.insert(scope, Reaction.give(interventionId, person, answer, now));
    }
    return reactions.mine(scope, person, interventionId).orElseThrow();
  }

  /** The participant's own reaction to the intervention (to show their form again). */
  @Transactional(readOnly = true)
  Reactions.Mine mineOf(ClientScope scope, UserAccount me, UUID interventionId) {
    UUID person = me.personId();
    if (person == null || !interventions.isParticipant(scope, interventionId, person)) {
      throw new AccessDeniedException("react");
    }
    return reactions
        .mine(scope, person, interventionId)
        .orElseThrow(() -> new NotFoundException("intervention"));
  }

  /** What the engagement's coaches and admins may see of the reactions. */
  @Transactional(readOnly = true)
  ReactionSummary summary(
      ClientScope scope, UserAccount me, UUID engagementId, UUID interventionId) {
    requireIntervention(scope, me, engagementId, interventionId);
    return ReactionSummary.of(reactions.answers(scope, interventionId));
  }

  /** The intervention's current link (without its secret), for its coaches and admins. */
  @Transactional(readOnly = true)
  Optional<Reactions.LinkRow> activeLink(
      ClientScope scope, UserAccount me, UUID engagementId, UUID interventionId) {
    requireIntervention(scope, me, engagementId, interventionId);
    return reactions.activeLink(scope, interventionId, now());
  }

  /** A new reaction link; the intervention's earlier link stops working. */
  NewLink createLink(
      ClientScope scope,
      UserAccount me,
      UUID engagementId,
      UUID interventionId,
      Integer validDays) {
    requireIntervention(scope, me, engagementId, interventionId);
    Rules r = new Rules();
    r.check(
        validDays == null || (validDays >= 1 && validDays <= IntakeService.MAX_VALID_DAYS),
        "validDays",
        "intake.link.validDays");
    r.throwIfAny();
    OffsetDateTime now = now();
    OffsetDateTime expires = validDays == null ? null : now.plusDays(validDays);
    LinkTokens.Secret secret = LinkTokens.newSecret();
    UUID id = UUID.randomUUID();
    int revoked = reactions.revokeLinks(scope, interventionId, now);
    if (revoked > 0) {
      audit.recordAs(
          me.email(),
          AuditType.REACTION_LINK_REVOKED,
          scope.clientId(),
          "reaction links of intervention " + interventionId + " replaced");
    }
    reactions.insertLink(scope, id, interventionId, secret.hash(), now, expires);
    audit.recordAs(
        me.email(),
        AuditType.REACTION_LINK_CREATED,
        scope.clientId(),
        "reaction link " + id + " of intervention " + interventionId);
    return new NewLink(id, secret.value(), expires);
  }

  /** The public page of a valid link; empty for a revoked, expired or unknown one. */
  @Transactional(readOnly = true)
  Optional<ReactionPage> page(String token) {
    return open(token)
        .flatMap(
            o ->
                interventions
                    .findAny(o.scope(), o.link().interventionId())
                    .map(
                        s ->
                            new ReactionPage(
                                clients.get(o.scope()).name(),
                                engagements
                                    .find(o.scope(), s.engagementId())
                                    .map(Engagement::title)
                                    .orElse(""),
                                s.type(),
                                s.heldOn())));
  }

  /** An answer through a link: saved, refused because all answers are in, or the link is gone. */
  Outcome answer(String token, Reaction.Answer answer) {
    Optional<Opened> opened = open(token);
    if (opened.isEmpty()) {
      return Outcome.GONE;
    }
    ClientScope scope = opened.get().scope();
    UUID intervention = opened.get().link().interventionId();
    // A weak cap: answers through the link cannot outnumber the participants, but one person can
    // still answer from several browsers while another does not answer at all.
    if (reactions.count(scope, intervention) >= reactions.participantPersons(scope, intervention)) {
      return Outcome.FULL;
    }
    reactions.insert(scope, Reaction.give(intervention, null, answer, now()));
    return Outcome.SAVED;
  }

  private record Opened(Reactions.Resolved link, ClientScope scope) {}

  private Optional<Opened> open(String token) {
    return reactions
        .resolve(LinkTokens.hashOf(token), now())
        .map(l -> new Opened(l, linkTokens.scopeOf(l.client(), "reaction:" + l.id())));
  }

  private void requireIntervention(
      ClientScope scope, UserAccount me, UUID engagementId, UUID interventionId) {
    access.triage(scope, me, engagementId);
    interventions
        .find(scope, engagementId, interventionId)
        .orElseThrow(() -> new NotFoundException("intervention"));
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }
}
