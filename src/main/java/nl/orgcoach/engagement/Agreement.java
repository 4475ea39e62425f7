package nl.orgcoach.engagement;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import nl.orgcoach.platform.UserError;
import org.springframework.security.access.AccessDeniedException;

/**
 * An agreement that followed an intervention, owned by a coachee (a person of the client). Its
 * status is the owner's to set: the managers stay owners of their own change (PRODUCT.md invariant
 * 2), so not even the engagement's coaches update it on their behalf.
 */
final class Agreement {

  private final UUID id;
  private final UUID interventionId;
  private final UUID ownerPersonId;
  private final String what;
  private final LocalDate dueOn;
  private AgreementStatus status;
  private OffsetDateTime updatedAt;

  Agreement(
      UUID id,
      UUID interventionId,
      UUID ownerPersonId,
      String what,
      LocalDate dueOn,
      AgreementStatus status,
      OffsetDateTime updatedAt) {
    this.id = id;
    this.interventionId = interventionId;
    this.ownerPersonId = ownerPersonId;
    this.what = what;
    this.dueOn = dueOn;
    this.status = status;
    this.updatedAt = updatedAt;
  }

  Agreement of(UUID intervention) {
    return new Agreement(id, intervention, ownerPersonId, what, dueOn, status, updatedAt);
  }

  /** The owner updates the status; anyone else (a coach too) is refused. */
  void updateStatus(UUID actorPersonId, String newStatus, OffsetDateTime now) {
    if (actorPersonId == null || !actorPersonId.equals(ownerPersonId)) {
      throw new AccessDeniedException("agreement of another person");
    }
    AgreementStatus s;
    try {
      s = AgreementStatus.valueOf(newStatus == null ? "" : newStatus.strip());
    } catch (IllegalArgumentException e) {
      throw new UserError(
          "engagement.invalid",
          java.util.List.of(
              new UserError.Problem(null, "status", "engagement.choice.invalid", null)));
    }
    status = s;
    updatedAt = now;
  }

  UUID id() {
    return id;
  }

  UUID interventionId() {
    return interventionId;
  }

  UUID ownerPersonId() {
    return ownerPersonId;
  }

  String what() {
    return what;
  }

  LocalDate dueOn() {
    return dueOn;
  }

  AgreementStatus status() {
    return status;
  }

  OffsetDateTime updatedAt() {
    return updatedAt;
  }
}
