package nl.orgcoach.demo;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import nl.orgcoach.access.ClientScope;
import nl.orgcoach.observation.ObservationSeeding;

/**
 * The people's own accounts for the demo engagement, so that say–do has something to show: the demo
 * manager gave theirs twice (three months ago and last week: rating themself high on naming
 * tensions and giving direct feedback, which they show less when a superior is in the room) and a
 * coach released their profile to them; the three people observed most besides them gave one
 * account each, a little more generous than what was seen, as people tend to be. Their profiles
 * stay unreleased. Deterministic (a fixed seed); loaded once.
 */
@org.springframework.stereotype.Component
class DemoSelfAssessments {

  private static final long SEED = 20261128L;

  /** The manager's own account by position in the default framework (ADR 0005 scale). */
  private static final int[] MANAGER_NOW = {4, 5, 4, 5, 4, 3, 4, 4, 3, 4, 5, 4};

  private static final int[] MANAGER_BEFORE = {3, 4, 4, 4, 3, 3, 3, 4, 3, 3, 4, 3};

  private final ObservationSeeding seeding;

  DemoSelfAssessments(ObservationSeeding seeding) {
    this.seeding = seeding;
  }

  /** Loads the accounts unless the manager has one already; answers how many it gave. */
  int load(ClientScope scope, UUID engagement, UUID coach, UUID manager) {
    if (seeding.hasSelfAssessment(scope, engagement, manager)) {
      return 0;
    }
    List<UUID> behaviours = seeding.behaviours(scope, engagement);
    Map<UUID, Integer> observed = seeding.observedPeople(scope, engagement);
    if (behaviours.isEmpty() || !observed.containsKey(manager)) {
      return 0;
    }
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    Map<UUID, String> comments = new HashMap<>();
    comments.put(behaviours.get(1), "Ik benoem spanningen altijd, ook als de directeur erbij zit.");
    comments.put(behaviours.get(2), "Soms schiet het erbij in als het druk is.");
    seeding.selfAssess(
        scope,
        engagement,
        manager,
        ratings(behaviours, MANAGER_BEFORE),
        Map.of(),
        now.minusDays(90));
    seeding.selfAssess(
        scope, engagement, manager, ratings(behaviours, MANAGER_NOW), comments, now.minusDays(7));
    seeding.release(scope, engagement, manager, coach);
    int given = 2;
    Random r = new Random(SEED);
    for (UUID person : observed.keySet()) {
      if (given >= 5) {
        break;
      }
      if (person.equals(manager)) {
        continue;
      }
      int[] own = new int[behaviours.size()];
      for (int i = 0; i < own.length; i++) {
        own[i] = 3 + r.nextInt(3);
      }
      seeding.selfAssess(
          scope,
          engagement,
          person,
          ratings(behaviours, own),
          Map.of(),
          now.minusDays(3 + r.nextInt(20)));
      given++;
    }
    return given;
  }

  private static Map<UUID, Integer> ratings(List<UUID> behaviours, int[] values) {
    Map<UUID, Integer> ratings = new LinkedHashMap<>();
    for (int i = 0; i < behaviours.size(); i++) {
      ratings.put(behaviours.get(i), values[i % values.length]);
    }
    return ratings;
  }
}
