package nl.orgcoach.engagement;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** A directory of one client in memory, and engagements and questions made through the domain. */
final class Fakes {

  static final OffsetDateTime NOW = OffsetDateTime.of(2026, 3, 1, 9, 0, 0, 0, ZoneOffset.UTC);
  final UUID person = UUID.randomUUID();
  final UUID otherPerson = UUID.randomUUID();
  final UUID team = UUID.randomUUID();
  final UUID otherTeam = UUID.randomUUID();

  /** A team below {@link #team} in the tree. */
  final UUID subTeam = UUID.randomUUID();

  final UUID coach = UUID.randomUUID();

  final Directory directory =
      new Directory() {
        @Override
        public boolean isPerson(UUID id) {
          return person.equals(id) || otherPerson.equals(id);
        }

        @Override
        public boolean isUnit(UUID id) {
          return team.equals(id) || otherTeam.equals(id) || subTeam.equals(id);
        }

        @Override
        public boolean isCoach(UUID id) {
          return coach.equals(id);
        }

        @Override
        public boolean isBelow(UUID id, java.util.Set<UUID> roots) {
          return subTeam.equals(id) && roots.contains(team);
        }
      };

  Engagement.Draft draft(String starts, String ends, List<UUID> coaches, List<UUID> units) {
    return new Engagement.Draft(
        "Samen sturen", null, null, starts, ends, coaches, units, null, null, null, null);
  }

  Engagement engagement() {
    return Engagement.open(
        draft("2026-01-01", null, List.of(coach), List.of(team)), directory, NOW);
  }

  Question question(Engagement e) {
    return Question.ask(
        e,
        new Question.Draft(
            "Hoe verdelen we de roosters?",
            "TEAM",
            Question.Owner.team(team),
            null,
            null,
            Channel.APP,
            "els@example.nl"),
        directory,
        NOW);
  }
}
