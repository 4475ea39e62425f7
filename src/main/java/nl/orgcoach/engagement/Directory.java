package nl.orgcoach.engagement;

import java.util.Set;
import java.util.UUID;

/**
 * What the aggregates need to know about the client to keep their invariants: whether an id is a
 * person, unit or coach of the engagement's client. The service answers it for one {@link
 * nl.orgcoach.access.ClientScope}, so a foreign id is simply "not of the client".
 */
interface Directory {

  boolean isPerson(UUID personId);

  boolean isUnit(UUID unitId);

  boolean isCoach(UUID userId);

  /** Whether the unit lies below one of {@code roots} in the client's unit tree. */
  boolean isBelow(UUID unitId, Set<UUID> roots);
}
