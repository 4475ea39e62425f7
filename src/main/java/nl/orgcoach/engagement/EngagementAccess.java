package nl.orgcoach.engagement;

import java.util.UUID;
import nl.orgcoach.access.ClientScope;
import nl.orgcoach.access.Role;
import nl.orgcoach.access.UserAccount;
import nl.orgcoach.platform.NotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may see and triage which engagement — the one place of this rule, on top of the {@link
 * ClientScope} check that the caller may enter the client at all. A coach sees only the engagements
 * they coach (another coach's engagement at the same client does not exist for them); an admin sees
 * every engagement; HR, managers and employees of the client see the engagements (not the inbox)
 * and may put questions. Triage (the inbox) is for the engagement's coaches and admins.
 */
@Component
class EngagementAccess {

  private final Engagements engagements;

  EngagementAccess(Engagements engagements) {
    this.engagements = engagements;
  }

  /** The coach whose engagements alone the user may see, or null when not restricted to one. */
  UUID coachFilter(UserAccount me) {
    return me.is(Role.COACH) ? me.id() : null;
  }

  boolean mayOpen(UserAccount me) {
    return me.is(Role.ADMIN) || me.is(Role.COACH);
  }

  boolean mayTriage(UserAccount me, Engagement e) {
    return me.is(Role.ADMIN) || (me.is(Role.COACH) && e.isCoachedBy(me.id()));
  }

  /**
   * Whether the user sees the whole trail of an engagement they may see: its coaches, admins, HR
   * and its sponsor. Managers and employees see only their own part of it (the questions they own
   * or put, the interventions they took part in, the agreements they own): the trail names people
   * and their questions, which is more than an employee needs of colleagues.
   */
  boolean seesWholeTrail(UserAccount me, Engagement e) {
    return me.is(Role.ADMIN)
        || me.is(Role.HR)
        || (me.is(Role.COACH) && e.isCoachedBy(me.id()))
        || (me.personId() != null && me.personId().equals(e.sponsorPersonId()));
  }

  /** The engagement if the user may see it; otherwise not found, as if it did not exist. */
  Engagement visible(ClientScope scope, UserAccount me, UUID engagementId) {
    Engagement e =
        engagements
            .find(scope, engagementId)
            .orElseThrow(() -> new NotFoundException("engagement"));
    if (me.is(Role.COACH) && !e.isCoachedBy(me.id())) {
      throw new NotFoundException("engagement");
    }
    return e;
  }

  /** The engagement if the user may triage its questions; 404 when unseen, 403 when only seen. */
  Engagement triage(ClientScope scope, UserAccount me, UUID engagementId) {
    Engagement e = visible(scope, me, engagementId);
    if (!mayTriage(me, e)) {
      throw new AccessDeniedException("triage");
    }
    return e;
  }
}
