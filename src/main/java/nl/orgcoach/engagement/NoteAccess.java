package nl.orgcoach.engagement;

import java.util.Optional;
import java.util.UUID;
import nl.orgcoach.access.AuditLog;
import nl.orgcoach.access.AuditType;
import nl.orgcoach.access.ClientScope;
import nl.orgcoach.access.UserAccount;
import org.springframework.stereotype.Component;

/**
 * Who may read an intervention's confidential notes (PRODUCT.md invariant 3) — the one place of
 * this rule, and the only reader of the notes. Allowed: the intervention's coaches, its participant
 * persons (the coachees, through {@link UserAccount#personId()}) and the persons a coachee shared
 * the notes with. Nobody else: not an admin who did not coach it, not HR, not a manager who did not
 * take part. Every read is written to the audit log.
 */
@Component
class NoteAccess {

  private final Interventions interventions;
  private final AuditLog audit;

  NoteAccess(Interventions interventions, AuditLog audit) {
    this.interventions = interventions;
    this.audit = audit;
  }

  boolean mayRead(ClientScope scope, UserAccount me, UUID interventionId) {
    if (interventions.coachIds(scope, interventionId).contains(me.id())) {
      return true;
    }
    UUID person = me.personId();
    return person != null
        && (interventions.isParticipant(scope, interventionId, person)
            || interventions.isSharedWith(scope, interventionId, person));
  }

  /** Whether the user is a coachee of the intervention (and so may share its notes). */
  boolean isCoachee(ClientScope scope, UserAccount me, UUID interventionId) {
    return me.personId() != null
        && interventions.isParticipant(scope, interventionId, me.personId());
  }

  /**
   * The notes if the user may read them (audited), else empty — as if there were none. An
   * intervention without notes is still a read when allowed: it is audited too.
   */
  Optional<String> read(ClientScope scope, UserAccount me, UUID interventionId) {
    if (!mayRead(scope, me, interventionId)) {
      return Optional.empty();
    }
    Optional<String> notes = interventions.notes(scope, interventionId);
    audit.recordAs(
        me.email(), AuditType.NOTE_READ, scope.clientId(), "intervention " + interventionId);
    return notes;
  }
}
