package nl.orgcoach.engagement;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import nl.orgcoach.access.AuditLog;
import nl.orgcoach.access.AuditType;
import nl.orgcoach.access.ClientScope;
import nl.orgcoach.access.Clients;
import nl.orgcoach.access.LinkTokens;
import nl.orgcoach.access.UserAccount;
import nl.orgcoach.organisation.PersonLookup;
import nl.orgcoach.organisation.UnitLookup;
import nl.orgcoach.platform.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Question intake without an account. The engagement's coaches (and admins) make links, one for the
 * engagement or one per team of its scope; whoever has a link may put a question through it on a
 * public page. The question is made by {@link Question#intake} (the rules stay in the aggregate),
 * owned by the chosen team or by management, never by a person. A link that is revoked, expired or
 * unknown answers as {@link Optional#empty()} everywhere, so that the public page cannot tell them
 * apart.
 */
@Service
@Transactional
class IntakeService {

  static final int MAX_VALID_DAYS = 3650;

  /** At most this many people of a unit are compared with the asker's name. */
  private static final int NAME_MATCH_LIMIT = 5000;

  private final Engagements engagements;
  private final Questions questions;
  private final IntakeLinks links;
  private final EngagementAccess access;
  private final LinkTokens linkTokens;
  private final Clients clients;
  private final PersonLookup people;
  private final UnitLookup units;
  private final AuditLog audit;
  private final ApplicationEventPublisher events;
  private final Directories directories;
  private final Clock clock = Clock.systemUTC();

  IntakeService(
      Engagements engagements,
      Questions questions,
      IntakeLinks links,
      EngagementAccess access,
      LinkTokens linkTokens,
      Clients clients,
      PersonLookup people,
      UnitLookup units,
      AuditLog audit,
      ApplicationEventPublisher events,
      Directories directories) {
    this.engagements = engagements;
    this.questions = questions;
    this.links = links;
    this.access = access;
    this.linkTokens = linkTokens;
    this.clients = clients;
    this.people = people;
    this.units = units;
    this.audit = audit;
    this.events = events;
    this.directories = directories;
  }

  /** A new link with its secret: the only moment the secret is known. */
  record NewLink(IntakeLinks.Row link, String secret) {}

  /** What the public form needs: no more than the engagement's title, its units and decisions. */
  record IntakePage(
      String clientName,
      String engagementTitle,
      UnitLookup.UnitRef fixedUnit,
      List<UnitLookup.UnitRef> units,
      List<EngagementView.Decision> decisions) {}

  /** The public form as submitted. */
  record Submission(
      String askerName,
      String text,
      String level,
      UUID unitId,
      boolean forManagement,
      UUID decisionId) {}

  /** Makes a link for the engagement, or for one team ({@code unitId}) of its scope. */
  NewLink create(
      ClientScope scope, UserAccount me, UUID engagementId, UUID unitId, Integer validDays) {
    Engagement e = access.triage(scope, me, engagementId);
    Rules r = new Rules();
    if (unitId != null) {
      boolean known = units.exists(scope, unitId);
      r.check(known, "unitId", "question.ownerTeamRequired");
      r.check(!known || e.covers(unitId, directory(scope)), "unitId", "question.outOfScope");
    }
    r.check(
        validDays == null || (validDays >= 1 && validDays <= MAX_VALID_DAYS),
        "validDays",
        "intake.link.validDays");
    r.throwIfAny();
    OffsetDateTime now = now();
    LinkTokens.Secret secret = LinkTokens.newSecret();
    UUID id = UUID.randomUUID();
    links.insert(
        scope,
        id,
        engagementId,
        unitId,
        secret.hash(),
        now,
        validDays == null ? null : now.plusDays(validDays));
    audit.recordAs(
        me.email(),
        AuditType.INTAKE_LINK_CREATED,
        scope.clientId(),
        "intake link " + id + " of engagement " + engagementId + team(unitId));
    return new NewLink(links.find(scope, engagementId, id).orElseThrow(), secret.value());
  }

  @Transactional(readOnly = true)
  List<IntakeLinks.Row> list(ClientScope scope, UserAccount me, UUID engagementId) {
    access.triage(scope, me, engagementId);
    return links.list(scope, engagementId);
  }

  IntakeLinks.Row revoke(ClientScope scope, UserAccount me, UUID engagementId, UUID linkId) {
    access.triage(scope, me, engagementId);
    links.find(scope, engagementId, linkId).orElseThrow(() -> new NotFoundException("link"));
    if (links.revoke(scope, engagementId, linkId, now())) {
      audit.recordAs(
          me.email(),
          AuditType.INTAKE_LINK_REVOKED,
          scope.clientId(),
          "intake link " + linkId + " of engagement " + engagementId);
    }
    return links.find(scope, engagementId, linkId).orElseThrow();
  }

  /** The public form of a valid link; empty for a revoked, expired or unknown one. */
  @Transactional(readOnly = true)
  Optional<IntakePage> page(String token) {
    return open(token)
        .map(
            o -> {
              Engagement e = o.engagement();
              List<UnitLookup.UnitRef> choices =
                  o.link().unitId() == null ? covered(o.scope(), e) : List.of();
              UnitLookup.UnitRef fixed =
                  o.link().unitId() == null
                      ? null
                      : units.all(o.scope()).stream()
                          .filter(u -> u.id().equals(o.link().unitId()))
                          .findFirst()
                          .orElse(null);
              return new IntakePage(
                  clients.get(o.scope()).name(),
                  e.title(),
                  fixed,
                  choices,
                  e.decisions().stream()
                      .map(
                          d ->
                              new EngagementView.Decision(
                                  d.id(), d.title(), d.description(), d.decidedOn(), d.decidedBy()))
                      .toList());
            });
  }

  /**
   * Puts the question of a valid link; false for a revoked, expired or unknown link (nothing is
   * written). Bad input is a UserError and writes nothing either.
   */
  boolean submit(String token, Submission s) {
    Optional<Opened> opened = open(token);
    if (opened.isEmpty()) {
      return false;
    }
    Opened o = opened.get();
    ClientScope scope = o.scope();
    UUID unit = o.link().unitId() != null ? o.link().unitId() : s.unitId();
    Question q =
        Question.intake(
            o.engagement(),
            new Question.IntakeDraft(
                s.askerName(),
                samePerson(scope, unit, s.askerName()),
                s.text(),
                s.level(),
                unit,
                s.forManagement(),
                s.decisionId(),
                "intake:" + o.link().id()),
            directory(scope),
            now());
    questions.insert(scope, q);
    links.used(scope, o.link().id(), q.askedAt());
    events.publishEvent(
        new QuestionAsked(
            scope.clientId(),
            q.engagementId(),
            q.id(),
            q.owner().kind(),
            q.channel(),
            scope.actor()));
    return true;
  }

  private record Opened(IntakeLinks.Resolved link, ClientScope scope, Engagement engagement) {}

  private Optional<Opened> open(String token) {
    return links
        .resolve(LinkTokens.hashOf(token), now())
        .flatMap(
            link -> {
              ClientScope scope = linkTokens.scopeOf(link.client(), "intake:" + link.id());
              return engagements
                  .find(scope, link.engagementId())
                  .map(e -> new Opened(link, scope, e));
            });
  }

  /** The teams a link may be made for: the engagement's scope units and the units below them. */
  @Transactional(readOnly = true)
  List<UnitLookup.UnitRef> teams(ClientScope scope, UserAccount me, UUID engagementId) {
    return covered(scope, access.triage(scope, me, engagementId));
  }

  /** The scope units and every unit below them (the whole client when there is no scope). */
  private List<UnitLookup.UnitRef> covered(ClientScope scope, Engagement engagement) {
    List<UnitLookup.UnitRef> all = units.all(scope);
    Set<UUID> scopeUnits = engagement.units();
    if (scopeUnits.isEmpty()) {
      return all;
    }
    Set<UUID> covered = new LinkedHashSet<>();
    for (UUID root : scopeUnits) {
      covered.addAll(units.subtree(scope, root));
    }
    List<UnitLookup.UnitRef> result = new ArrayList<>();
    for (UnitLookup.UnitRef u : all) {
      if (covered.contains(u.id())) {
        result.add(u);
      }
    }
    return result;
  }

  /** The one person of the unit with exactly this name, if there is exactly one. */
  private UUID samePerson(ClientScope scope, UUID unit, String name) {
    if (unit == null || name == null || name.isBlank() || !units.exists(scope, unit)) {
      return null;
    }
    String wanted = normalise(name);
    List<UUID> matches =
        people.inUnits(scope, List.of(unit), NAME_MATCH_LIMIT).stream()
            .filter(p -> normalise(p.name()).equals(wanted))
            .map(PersonLookup.PersonRef::id)
            .toList();
    return matches.size() == 1 ? matches.get(0) : null;
  }

  private static String normalise(String name) {
    return name.strip().replaceAll("\\s+", " ").toLowerCase(java.util.Locale.ROOT);
  }

  private static String team(UUID unitId) {
    return unitId == null ? "" : " for team " + unitId;
  }

  private Directory directory(ClientScope scope) {
    return directories.of(scope);
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }
}
