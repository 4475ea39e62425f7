package nl.orgcoach.demo;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import nl.orgcoach.access.ClientScope;
import nl.orgcoach.feedback.FeedbackSeeding;
import nl.orgcoach.feedback.RaterGroup;
import nl.orgcoach.observation.FrameworkLookup;
import nl.orgcoach.organisation.PersonLookup;
import nl.orgcoach.organisation.PersonLookup.Colleague;

/**
 * Feedback rounds for the demo engagement: the demo manager and two fellow managers (a peer who
 * leads a team, and their own manager) each asked their own manager (who chose to be named), their
 * peers (with people of the peers' teams when they have fewer than three) and three to five direct
 * reports about three behaviours of the engagement's framework, twice (about five and two months
 * ago), with the same raters both times so that the groups pass the threshold in both rounds. One
 * behaviour per person (the one they worked on) rises clearly from the first round to the second;
 * the demo manager rates themself higher than others do on another. The demo manager also has an
 * open round, closing in ten days, that some raters answered. Comments are Dutch. Deterministic (a
 * fixed seed); loaded once.
 */
@org.springframework.stereotype.Component
class DemoFeedback {

  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DemoFeedback.class);

  private static final long SEED = 20261105L;
  private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

  /** Fellow managers besides the demo manager who get rounds. */
  static final int OTHER_MANAGERS = 2;

  private static final List<String> COMMENTS =
      List.of(
          "Vraagt in het teamoverleg eerst wat wij ervan vinden.",
          "Sinds een paar maanden merk ik dit duidelijk vaker.",
          "Zou vaker kunnen doorvragen voordat er een besluit valt.",
          "Komt terug op wat we hebben afgesproken, dat helpt.",
          "Onder tijdsdruk schiet dit er nog wel eens bij in.",
          "In een-op-een gesprekken wel, in grotere overleggen minder.",
          "Geeft ons de ruimte om zelf met een oplossing te komen.",
          "Ik zie het vooral als de directie er niet bij is.");

  private final FeedbackSeeding seeding;
  private final PersonLookup people;
  private final FrameworkLookup framework;

  DemoFeedback(FeedbackSeeding seeding, PersonLookup people, FrameworkLookup framework) {
    this.seeding = seeding;
    this.people = people;
    this.framework = framework;
  }

  /** The people around a ratee who rate them. */
  private record Raters(
      Colleague manager, List<Colleague> peers, List<Colleague> reports, List<Colleague> others) {}

  /** Loads the rounds unless the client has some already; answers how many it made. */
  int load(ClientScope scope, UUID engagement, UUID demoManager) {
    if (seeding.hasRounds(scope)) {
      return 0;
    }
    long start = System.nanoTime();
    List<FeedbackSeeding.Behaviour> behaviours = behaviours(scope, engagement);
    List<UUID> ratees = new ArrayList<>();
    List<Raters> raters = new ArrayList<>();
    Raters own = raters(scope, demoManager);
    if (own == null) {
      return 0;
    }
    ratees.add(demoManager);
    raters.add(own);
    // Fellow managers: the demo manager's peers who lead a team, then their own manager.
    List<Colleague> candidates = new ArrayList<>(own.peers());
    candidates.add(own.manager());
    for (Colleague candidate : candidates) {
      Raters theirs = raters(scope, candidate.id());
      if (theirs != null && ratees.size() <= OTHER_MANAGERS) {
        ratees.add(candidate.id());
        raters.add(theirs);
      }
    }

    Random r = new Random(SEED);
    LocalDate today = LocalDate.now(ZONE);
    List<FeedbackSeeding.Round> rounds = new ArrayList<>();
    for (int p = 0; p < ratees.size(); p++) {
      int n = behaviours.size();
      double[] level = new double[n];
      for (int k = 0; k < n; k++) {
        level[k] = 2.4 + r.nextDouble() * 0.9;
      }
      // The behaviour this person worked on rises clearly; the others drift a little.
      int workedOn = p % n;
      double[] rise = new double[n];
      for (int k = 0; k < n; k++) {
        rise[k] = k == workedOn ? 1.8 : r.nextDouble() * 0.4;
      }
      level[workedOn] = Math.min(level[workedOn], 2.5);
      // The demo manager sees themself more favourably than others do on one behaviour.
      int blindSpot = p == 0 ? (workedOn + 1) % n : -1;
      for (int round = 0; round < 2; round++) {
        double[] now = new double[n];
        for (int k = 0; k < n; k++) {
          now[k] = level[k] + (round == 1 ? rise[k] : 0);
        }
        LocalDate closesOn = today.minusDays(round == 0 ? 136 : 46);
        rounds.add(
            round(
                scope,
                r,
                ratees.get(p),
                behaviours,
                raters.get(p),
                now,
                blindSpot,
                closesOn.minusDays(14),
                closesOn,
                true));
      }
      if (p == 0) {
        double[] now = new double[n];
        for (int k = 0; k < n; k++) {
          now[k] = level[k] + rise[k] + 0.2;
        }
        rounds.add(
            round(
                scope,
                r,
                ratees.get(p),
                behaviours,
                raters.get(p),
                now,
                blindSpot,
                today.minusDays(4),
                today.plusDays(10),
                false));
      }
    }
    int made = seeding.seed(scope, rounds);
    // The results read the published reference only: publish it now (a placeholder with the count
    // of ratees, for this small demo), not at the scheduler's first run.
    seeding.publishReference(scope);
    log.info(
        "Loaded {} demo feedback rounds for {} managers in {} ms",
        made,
        ratees.size(),
        (System.nanoTime() - start) / 1_000_000);
    return made;
  }

  /**
   * Three behaviours of the engagement's framework (the default set: asks for input, follows
   * through on agreements, lets the team own the solution), or the first three of another one.
   */
  private List<FeedbackSeeding.Behaviour> behaviours(ClientScope scope, UUID engagement) {
    var all = framework.ofEngagement(scope, engagement);
    List<FeedbackSeeding.Behaviour> picked = new ArrayList<>();
    for (int index : all.size() > 5 ? new int[] {0, 2, 5} : new int[] {0, 1, 2}) {
      if (index < all.size()) {
        picked.add(new FeedbackSeeding.Behaviour(all.get(index).nameNl(), all.get(index).id()));
      }
    }
    if (picked.isEmpty()) {
      picked.add(new FeedbackSeeding.Behaviour("Vraagt om inbreng voordat ik besluit", null));
    }
    return picked;
  }

  /**
   * The manager, up to four peers and three to five reports; null if the chart lacks them. With
   * fewer than three peers, people of the peers' teams are asked too (group OTHER), so that peers
   * and others together pass the threshold (the results then merge them, as they would for anyone).
   */
  private Raters raters(ClientScope scope, UUID person) {
    Colleague manager = null;
    List<Colleague> peers = new ArrayList<>();
    List<Colleague> reports = new ArrayList<>();
    for (Colleague c : lines(scope, person)) {
      switch (c.relation()) {
        case "MANAGER" -> manager = c;
        case "PEER" -> add(peers, c, 4);
        case "DIRECT_REPORT" -> add(reports, c, 5);
        default -> {}
      }
    }
    if (manager == null || peers.isEmpty() || reports.size() < 3) {
      return null;
    }
    List<Colleague> others = new ArrayList<>();
    for (Colleague peer : peers.size() < 3 ? peers : List.<Colleague>of()) {
      for (Colleague c : lines(scope, peer.id())) {
        if (c.relation().equals("DIRECT_REPORT") && !c.id().equals(person)) {
          add(others, c, 4 - peers.size());
        }
      }
    }
    if (peers.size() + others.size() < 3) {
      return null;
    }
    return new Raters(manager, peers, reports, others);
  }

  /** The reporting lines of a person, with an e-mail address (raters need one). */
  private List<Colleague> lines(ClientScope scope, UUID person) {
    return people.reportingLines(scope, person, 30).stream()
        .filter(c -> c.email() != null && !c.email().isBlank())
        .toList();
  }

  private static void add(List<Colleague> list, Colleague c, int max) {
    if (list.size() < max) {
      list.add(c);
    }
  }

  private FeedbackSeeding.Round round(
      ClientScope scope,
      Random r,
      UUID ratee,
      List<FeedbackSeeding.Behaviour> behaviours,
      Raters raters,
      double[] level,
      int blindSpot,
      LocalDate startedOn,
      LocalDate closesOn,
      boolean closed) {
    OffsetDateTime created =
        startedOn
            .atTime(9, 30)
            .atZone(ZONE)
            .toOffsetDateTime()
            .withOffsetSameInstant(ZoneOffset.UTC);
    OffsetDateTime closesAt =
        closesOn
            .plusDays(1)
            .atStartOfDay(ZONE)
            .toOffsetDateTime()
            .withOffsetSameInstant(ZoneOffset.UTC);
    List<FeedbackSeeding.Rater> list = new ArrayList<>();
    // Self: close to what others see, except on the blind spot; not yet given in an open round.
    List<Integer> self = new ArrayList<>();
    for (int k = 0; k < level.length; k++) {
      double own = k == blindSpot ? level[k] + 1.5 : level[k] + r.nextGaussian() * 0.2;
      self.add(clamp(own));
    }
    list.add(
        new FeedbackSeeding.Rater(
            ratee,
            people.emailOf(scope, ratee).orElseThrow(),
            people.find(scope, ratee).orElseThrow().name(),
            RaterGroup.SELF,
            false,
            closed ? self : null,
            null));
    list.add(rater(r, raters.manager(), RaterGroup.MANAGER, closed, level, closed));
    int i = 0;
    for (Colleague c : raters.peers()) {
      list.add(rater(r, c, RaterGroup.PEER, false, level, closed || i++ < 2));
    }
    i = 0;
    for (Colleague c : raters.reports()) {
      list.add(rater(r, c, RaterGroup.DIRECT_REPORT, false, level, closed || i++ < 3));
    }
    for (Colleague c : raters.others()) {
      list.add(rater(r, c, RaterGroup.OTHER, false, level, closed));
    }
    return new FeedbackSeeding.Round(
        ratee, behaviours, created, closesAt, closed ? closesAt : null, scope.actor(), list);
  }

  private static FeedbackSeeding.Rater rater(
      Random r, Colleague c, RaterGroup group, boolean named, double[] level, boolean answers) {
    if (!answers) {
      return new FeedbackSeeding.Rater(c.id(), c.email(), c.name(), group, false, null, null);
    }
    List<Integer> ratings = new ArrayList<>();
    List<String> comments = new ArrayList<>();
    for (double l : level) {
      ratings.add(clamp(l + r.nextGaussian() * 0.7));
      comments.add(r.nextInt(100) < 30 ? COMMENTS.get(r.nextInt(COMMENTS.size())) : null);
    }
    return new FeedbackSeeding.Rater(c.id(), c.email(), c.name(), group, named, ratings, comments);
  }

  private static int clamp(double v) {
    return (int) Math.max(1, Math.min(5, Math.round(v)));
  }
}
