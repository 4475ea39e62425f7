package nl.orgcoach.engagement;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.orgcoach.access.ClientScope;
import nl.orgcoach.access.UserAccount;
import nl.orgcoach.organisation.PersonLookup;
import nl.orgcoach.organisation.UnitLookup;
import nl.orgcoach.platform.NotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The trail of an engagement for one user: who may see it comes from {@link EngagementAccess} (the
 * engagement at all, and whether the whole trail or only the user's own part), the filter is
 * checked here (bad dates are a localised 422, ids of another client or none at all a 404), and the
 * rows come from {@link Trail}.
 */
@Service
@Transactional(readOnly = true)
class TrailService {

  /** The default period: the last three months up to today. */
  static final int DEFAULT_MONTHS = 3;

  /** The longest period one trail covers: the history the product keeps in view, and a bound. */
  static final int MAX_YEARS = 3;

  private final EngagementAccess access;
  private final Trail trail;
  private final Questions questions;
  private final Interventions interventions;
  private final UnitLookup units;
  private final PersonLookup people;

  TrailService(
      EngagementAccess access,
      Trail trail,
      Questions questions,
      Interventions interventions,
      UnitLookup units,
      PersonLookup people) {
    this.access = access;
    this.trail = trail;
    this.questions = questions;
    this.interventions = interventions;
    this.units = units;
    this.people = people;
  }

  /** The filter as typed (all optional), for the page to show back. */
  record Request(String unit, String person, String from, String to) {}

  /** The trail and the filter it answers; {@code whole} false when only the user's own part. */
  record View(
      UUID engagementId,
      UUID unit,
      UUID person,
      LocalDate from,
      LocalDate to,
      boolean whole,
      Trail.Result result) {}

  View trail(ClientScope scope, UserAccount me, UUID engagementId, Request request) {
    Engagement e = access.visible(scope, me, engagementId);
    LocalDate today = LocalDate.now(Trail.ZONE);
    Rules r = new Rules();
    LocalDate to = r.date(request.to(), "to", false);
    LocalDate from = r.date(request.from(), "from", false);
    r.throwIfAny();
    to = to != null ? to : (from != null && from.isAfter(today) ? from : today);
    from = from != null ? from : to.minusMonths(DEFAULT_MONTHS);
    r.check(!from.isAfter(to), "from", "trail.period.reversed");
    r.check(!from.plusYears(MAX_YEARS).isBefore(to), "from", "trail.period.tooLong");
    r.throwIfAny();

    UUID unit = id(request.unit(), "unit");
    List<UUID> subtree = null;
    if (unit != null) {
      subtree = units.subtree(scope, unit);
      if (subtree.isEmpty()) {
        throw new NotFoundException("unit");
      }
    }
    UUID person = id(request.person(), "person");
    if (person != null && people.find(scope, person).isEmpty()) {
      throw new NotFoundException("person");
    }
    boolean whole = access.seesWholeTrail(me, e);
    Trail.Own own = whole ? null : new Trail.Own(me.personId(), me.email());
    Trail.Result result =
        trail.query(
            scope,
            new Trail.Filter(engagementId, subtree, person, from, to, own, Trail.MAX_NODES),
            today);
    return new View(engagementId, unit, person, from, to, whole, result);
  }

  /** An id from the query string; one that is not an id names nothing of this client: 404. */
  private static UUID id(String value, String what) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return UUID.fromString(value.strip());
    } catch (IllegalArgumentException e) {
      throw new NotFoundException(what);
    }
  }

  /** A question with where it came from and what followed, as the trail links to it. */
  record QuestionDetail(
      Questions.Row question,
      Questions.Row followUpOf,
      Interventions.Summary raisedIn,
      List<Interventions.Summary> answeredBy,
      List<Questions.Row> followUps) {}

  /**
   * One question, for those who see the whole trail and for its owner or whoever put it; 404 when
   * the engagement or question is unseen, 403 when the engagement is seen but the question not.
   */
  QuestionDetail question(ClientScope scope, UserAccount me, UUID engagementId, UUID questionId) {
    Engagement e = access.visible(scope, me, engagementId);
    Questions.Row row =
        questions
            .row(scope, engagementId, questionId)
            .orElseThrow(() -> new NotFoundException("question"));
    boolean own =
        row.registeredBy().equalsIgnoreCase(me.email())
            || (me.personId() != null && me.personId().equals(row.ownerPersonId()));
    if (!access.seesWholeTrail(me, e) && !own) {
      throw new AccessDeniedException("question");
    }
    Question q = questions.find(scope, engagementId, questionId).orElseThrow();
    Questions.Row followUpOf =
        q.followUpOf() == null
            ? null
            : questions.row(scope, engagementId, q.followUpOf().value()).orElse(null);
    Interventions.Summary raisedIn =
        q.raisedIn() == null
            ? null
            : interventions.find(scope, engagementId, q.raisedIn()).orElse(null);
    List<Interventions.Summary> answeredBy =
        interventions.answering(scope, engagementId, questionId);
    return new QuestionDetail(
        row,
        followUpOf,
        raisedIn,
        answeredBy,
        questions.followUpsOf(scope, engagementId, List.of(questionId)));
  }
}
