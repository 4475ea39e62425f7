package nl.orgcoach.observation;

import java.util.UUID;
import nl.orgcoach.access.ClientScope;
import nl.orgcoach.access.Role;
import nl.orgcoach.access.UserAccount;
import nl.orgcoach.engagement.EngagementLookup;
import nl.orgcoach.engagement.EngagementLookup.EngagementRef;
import nl.orgcoach.platform.NotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may do what with observations — the one place of this rule, on top of the {@link ClientScope}
 * check. Observations are confidential like an intervention's notes (PRODUCT.md invariant 3): they
 * and the profiles made of them are read by the engagement's coaches, and by the observed person
 * only once a coach released their profile (revocably). Nobody else: not an admin who does not
 * coach the engagement, not HR, not a manager. Recording is for the engagement's coaches. The
 * framework and the meetings hold nothing confidential: the engagement's coaches and admins manage
 * them.
 *
 * <p><b>Aggregates</b> per unit × behaviour ({@link ObservationAggregates}, never a person's
 * numbers, only cells of at least 3 people that single nobody out) are read by HR, admins, the
 * engagement's coaches and the engagement's sponsor (the user linked to the sponsor person: the
 * management that commissioned the engagement, who also sees its whole trail). Not by other
 * managers or employees of the client: the people observed are their colleagues and direct reports,
 * and the aggregates are an instrument of HR and the engagement, not of the line.
 *
 * <p>An engagement a coach does not coach does not exist for them (404), as in the engagement
 * module; other roles see engagements, so for them a refusal is 403.
 *
 * <p>The person's own account (the self-assessment, say–do) is confidential in the same way: the
 * person gives and reads it, in an engagement they take part in (they attended one of its meetings,
 * or gave their account there before); the engagement's coaches read it in the profile, where the
 * person reads it only once their profile is released. The form itself is always the person's own:
 * nobody gives an account on someone else's behalf.
 */
@Component
class ObservationAccess {

  private final EngagementLookup engagements;
  private final Observations observations;
  private final SelfAssessments selfAssessments;

  ObservationAccess(
      EngagementLookup engagements, Observations observations, SelfAssessments selfAssessments) {
    this.engagements = engagements;
    this.observations = observations;
    this.selfAssessments = selfAssessments;
  }

  private EngagementRef visible(ClientScope scope, UserAccount me, UUID engagementId) {
    EngagementRef e =
        engagements
            .find(scope, engagementId)
            .orElseThrow(() -> new NotFoundException("engagement"));
    if (me.is(Role.COACH) && !e.isCoachedBy(me.id())) {
      throw new NotFoundException("engagement");
    }
    return e;
  }

  boolean mayManage(UserAccount me, EngagementRef e) {
    return me.is(Role.ADMIN) || (me.is(Role.COACH) && e.isCoachedBy(me.id()));
  }

  boolean mayObserve(UserAccount me, EngagementRef e) {
    return me.role().belongsToPractice() && e.isCoachedBy(me.id());
  }

  boolean mayReadAggregates(ClientScope scope, UserAccount me, EngagementRef e) {
    return me.is(Role.ADMIN)
        || me.is(Role.HR)
        || mayObserve(me, e)
        || (me.personId() != null && engagements.isSponsor(scope, e.id(), me.personId()));
  }

  /** The engagement if the user may read its aggregates per unit and behaviour. */
  EngagementRef aggregates(ClientScope scope, UserAccount me, UUID engagementId) {
    EngagementRef e = visible(scope, me, engagementId);
    if (!mayReadAggregates(scope, me, e)) {
      throw new AccessDeniedException("observation aggregates");
    }
    return e;
  }

  /** The engagement if the user may edit its framework and meetings. */
  EngagementRef manage(ClientScope scope, UserAccount me, UUID engagementId) {
    EngagementRef e = visible(scope, me, engagementId);
    if (!mayManage(me, e)) {
      throw new AccessDeniedException("observation framework");
    }
    return e;
  }

  /** The engagement if the user may record observations in it and read all of them. */
  EngagementRef observe(ClientScope scope, UserAccount me, UUID engagementId) {
    EngagementRef e = visible(scope, me, engagementId);
    if (!mayObserve(me, e)) {
      throw new AccessDeniedException("observations");
    }
    return e;
  }

  /** The engagement if the user may read this person's profile and the observations in it. */
  EngagementRef profile(ClientScope scope, UserAccount me, UUID engagementId, UUID personId) {
    EngagementRef e = visible(scope, me, engagementId);
    if (mayObserve(me, e)) {
      return e;
    }
    if (me.personId() != null
        && me.personId().equals(personId)
        && observations.isReleased(scope, engagementId, personId)) {
      return e;
    }
    throw new AccessDeniedException("profile");
  }

  /**
   * The engagement if the user may give and read their own account in it: a user linked to a person
   * of the client who takes part in the engagement.
   */
  EngagementRef selfAssessment(ClientScope scope, UserAccount me, UUID engagementId) {
    EngagementRef e = visible(scope, me, engagementId);
    if (me.personId() == null || !selfAssessments.takesPart(scope, e.id(), me.personId())) {
      throw new AccessDeniedException("self-assessment");
    }
    return e;
  }

  /**
   * Whether the user's own profile in the engagement may be opened by them: released. For the list
   * on the person's own page; {@link #profile} stays the rule for the profile itself.
   */
  boolean ownProfileReleased(ClientScope scope, UserAccount me, UUID engagementId) {
    return me.personId() != null && observations.isReleased(scope, engagementId, me.personId());
  }
}
