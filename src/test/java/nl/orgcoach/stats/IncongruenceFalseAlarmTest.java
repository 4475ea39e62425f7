package nl.orgcoach.stats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The false-alarm rate of the default evidence rule on a seeded simulated client (a small run of
 * the study in docs/incongruence-false-alarms.md; {@link IncongruenceSimulation} runs the full
 * one): consistent people — the same behaviour in every constellation, with rater noise and
 * realistic counts — must be flagged less than 5% of the time, while clearly incongruent people are
 * found.
 */
class IncongruenceFalseAlarmTest {

  @Test
  void consistentPeopleAreRarelyFlaggedAndStrongIncongruenceIsFound() {
    SimulatedClient client = new SimulatedClient(800, 80, 8, 3, 3.0, 0.9, 3, 15, 4242);

    SimulatedClient.Rates rates = client.rates(IncongruenceSettings.defaults());

    assertThat(rates.falseAlarmPeople()).isLessThan(0.05);
    assertThat(rates.falseAlarmCells()).isLessThan(0.01);
    assertThat(rates.powerPeople()).isGreaterThan(0.10);
    assertThat(rates.powerCells()).isGreaterThan(rates.falseAlarmCells() * 5);
  }

  @Test
  void withoutTheRepetitionRuleFalseAlarmsExceedFivePercent() {
    // The repetition part of the rule is what keeps the rate down: the test can fail.
    SimulatedClient client = new SimulatedClient(800, 80, 8, 3, 3.0, 0.9, 3, 15, 4242);

    SimulatedClient.Rates rates =
        client.rates(IncongruenceSettings.defaults().withRepetition(1, 1));

    assertThat(rates.falseAlarmPeople()).isGreaterThan(0.05);
  }
}
