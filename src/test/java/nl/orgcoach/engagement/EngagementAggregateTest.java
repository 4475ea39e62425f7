package nl.orgcoach.engagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import nl.orgcoach.platform.UserError;
import org.junit.jupiter.api.Test;

/** The invariants of an engagement, without Spring or a database. */
class EngagementAggregateTest {

  final Fakes f = new Fakes();

  @Test
  void opensWithACoachAStartAndScopeOfTheClient() {
    Engagement e = f.engagement();
    assertThat(e.coaches()).containsExactly(f.coach);
    assertThat(e.units()).containsExactly(f.team);
    assertThat(e.isCoachedBy(f.coach)).isTrue();
    assertThat(e.inScope(f.team)).isTrue();
    assertThat(e.inScope(f.otherTeam)).isFalse();
  }

  @Test
  void needsAtLeastOneCoachAssignedToTheClient() {
    assertThat(
            fields(
                () ->
                    Engagement.open(
                        f.draft("2026-01-01", null, List.of(), List.of()), f.directory, Fakes.NOW)))
        .contains("coaches");
    assertThat(
            fields(
                () ->
                    Engagement.open(
                        f.draft("2026-01-01", null, List.of(UUID.randomUUID()), List.of()),
                        f.directory,
                        Fakes.NOW)))
        .contains("coaches");
  }

  @Test
  void needsAStartAndAnEndNotBeforeIt() {
    assertThat(
            fields(
                () ->
                    Engagement.open(
                        f.draft(null, null, List.of(f.coach), List.of()), f.directory, Fakes.NOW)))
        .containsExactly("startsOn");
    assertThat(
            fields(
                () ->
                    Engagement.open(
                        f.draft("2026-02-01", "2026-01-31", List.of(f.coach), List.of()),
                        f.directory,
                        Fakes.NOW)))
        .containsExactly("endsOn");
    assertThat(
            fields(
                () ->
                    Engagement.open(
                        f.draft("1-2-2026", null, List.of(f.coach), List.of()),
                        f.directory,
                        Fakes.NOW)))
        .containsExactly("startsOn");
    Engagement sameDay =
        Engagement.open(
            f.draft("2026-02-01", "2026-02-01", List.of(f.coach), List.of()),
            f.directory,
            Fakes.NOW);
    assertThat(sameDay.endsOn()).isEqualTo(sameDay.startsOn());
  }

  @Test
  void scopeUnitsAndSponsorMustBeOfTheClient() {
    assertThat(
            fields(
                () ->
                    Engagement.open(
                        f.draft("2026-01-01", null, List.of(f.coach), List.of(UUID.randomUUID())),
                        f.directory,
                        Fakes.NOW)))
        .containsExactly("units");
    var foreignSponsor =
        new Engagement.Draft(
            "T",
            null,
            UUID.randomUUID(),
            "2026-01-01",
            null,
            List.of(f.coach),
            List.of(),
            null,
            null,
            null,
            null);
    assertThat(fields(() -> Engagement.open(foreignSponsor, f.directory, Fakes.NOW)))
        .containsExactly("sponsorPersonId");
  }

  @Test
  void aFirstDecisionIsOptionalButCompleteWhenGiven() {
    var withDecision =
        new Engagement.Draft(
            "T",
            null,
            null,
            "2026-01-01",
            null,
            List.of(f.coach),
            List.of(),
            "Zelforganisatie",
            null,
            "2025-12-01",
            "Directie");
    assertThat(Engagement.open(withDecision, f.directory, Fakes.NOW).decisions()).hasSize(1);
    var halfDecision =
        new Engagement.Draft(
            "T",
            null,
            null,
            "2026-01-01",
            null,
            List.of(f.coach),
            List.of(),
            "Zelforganisatie",
            null,
            null,
            null);
    assertThat(fields(() -> Engagement.open(halfDecision, f.directory, Fakes.NOW)))
        .contains("decidedOn", "decidedBy");
  }

  @Test
  void decisionsAreAdded() {
    Engagement e = f.engagement();
    ManagementDecision d = e.decide("Nieuwe koers", "", "2026-01-15", "MT");
    assertThat(e.hasDecision(d.id())).isTrue();
    assertThat(fields(() -> e.decide("", null, "gisteren", "")))
        .contains("decisionTitle", "decidedOn", "decidedBy");
  }

  static List<String> fields(Runnable r) {
    try {
      r.run();
    } catch (UserError e) {
      return e.details().stream().map(UserError.Problem::field).distinct().toList();
    }
    throw new AssertionError("expected a UserError");
  }

  @Test
  void fieldsHelperFailsWithoutAnError() {
    assertThatThrownBy(() -> fields(() -> {})).isInstanceOf(AssertionError.class);
  }
}
