package nl.orgcoach.engagement;

import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.orgcoach.access.ClientScope;
import nl.orgcoach.access.Clients;
import nl.orgcoach.access.CoachSummary;
import nl.orgcoach.organisation.PersonLookup;
import nl.orgcoach.organisation.UnitLookup;
import org.springframework.stereotype.Component;

/** The {@link Directory} of one client, answered by the organisation and access modules. */
@Component
class Directories {

  private final Clients clients;
  private final PersonLookup people;
  private final UnitLookup units;

  Directories(Clients clients, PersonLookup people, UnitLookup units) {
    this.clients = clients;
    this.people = people;
    this.units = units;
  }

  Directory of(ClientScope scope) {
    Set<UUID> coaches =
        clients.coachesOf(scope).stream().map(CoachSummary::id).collect(Collectors.toSet());
    return new Directory() {
      @Override
      public boolean isPerson(UUID personId) {
        return people.find(scope, personId).isPresent();
      }

      @Override
      public boolean isUnit(UUID unitId) {
        return units.exists(scope, unitId);
      }

      @Override
      public boolean isCoach(UUID userId) {
        return coaches.contains(userId);
      }

      @Override
      public boolean isBelow(UUID unitId, Set<UUID> roots) {
        return unitId != null
            && !roots.isEmpty()
            && units.path(scope, unitId).stream().anyMatch(roots::contains);
      }
    };
  }
}
