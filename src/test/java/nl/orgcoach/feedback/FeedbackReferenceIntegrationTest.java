package nl.orgcoach.feedback;

import static nl.orgcoach.support.TestUsers.asUser;
import static nl.orgcoach.support.TestUsers.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import nl.orgcoach.support.IntegrationTest;
import nl.orgcoach.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

/**
 * The client's own reference from its closed rounds in the database (H2, and PostgreSQL in the db
 * run), published and then read: a client with enough ratees gets CLIENT figures equal to a
 * computation written out here from the seeded answers, one with too few gets the placeholders with
 * its count; the results read the published version only (new rounds change nothing until the next
 * publication); a new version replaces the stored one only when at least the threshold of ratees
 * changed; the scheduler publishes once a day however often it runs; the page says where the
 * figures come from in Dutch and English.
 */
@IntegrationTest
@AutoConfigureMockMvc
class FeedbackReferenceIntegrationTest {

  static final double TOLERANCE = 1e-9;

  @Autowired ApplicationContext context;
  @Autowired FeedbackService service;
  @Autowired FeedbackReference reference;
  @Autowired FeedbackSchedule schedule;
  @Autowired MockMvc mvc;

  /** Today 10:00 in Dutch time: a moment of today, whatever the time the test runs. */
  static OffsetDateTime today() {
    return LocalDate.now(FeedbackService.ZONE)
        .atTime(10, 0)
        .atZone(FeedbackService.ZONE)
        .toOffsetDateTime();
  }

  /** One seeded closed round of one framework behaviour: the self rating and the others'. */
  record Seeded(int behaviour, Integer self, int[] others) {
    boolean shown() {
      // Every rater is someone new (no named manager, no rater in two rounds of a ratee), so the
      // results' rule comes down to its threshold here.
      return others.length >= 3;
    }

    double othersMean() {
      double sum = 0;
      for (int o : others) {
        sum += o;
      }
      return sum / others.length;
    }
  }

  /**
   * A deterministic rating 1–5 of ratee i's j-th rater in round k: the ratee's level 1 + i % 5,
   * give or take one (so that ratees differ more than their raters do).
   */
  private static int rating(int i, int j, int k) {
    return Math.min(5, Math.max(1, 1 + i % 5 + (i + 2 * j + k) % 3 - 1));
  }

  /**
   * Ratee i's closed rounds, oldest first: round 1 on behaviour 0, round 2 (even i) on behaviour i
   * % 3 == 0 ? 1 : 0. Round 1 has only two raters for i % 7 == 0 (not shown); ratees with i % 5 ==
   * 4 did not rate themselves in round 2, those with i % 11 == 10 not in round 1.
   */
  private static List<Seeded> roundsOf(int i) {
    List<Seeded> rounds = new ArrayList<>();
    int n1 = i % 7 == 0 ? 2 : 3 + i % 3;
    int[] o1 = new int[n1];
    for (int j = 0; j < n1; j++) {
      o1[j] = rating(i, j, 1);
    }
    rounds.add(new Seeded(0, i % 11 == 10 ? null : 1 + (i * 3) % 5, o1));
    if (i % 2 == 0) {
      int n2 = 3 + (i / 2) % 3;
      int[] o2 = new int[n2];
      for (int j = 0; j < n2; j++) {
        o2[j] = rating(i, j, 2);
      }
      rounds.add(new Seeded(i % 3 == 0 ? 1 : 0, i % 5 == 4 ? null : 1 + (i * 2) % 5, o2));
    }
    return rounds;
  }

  /** Seeds ratees from … from + count − 1 in the scenario's client; answers their round ids. */
  private Map<Integer, List<UUID>> seed(HeatmapScenario s, int from, int count) {
    Map<Integer, List<UUID>> ids = new LinkedHashMap<>();
    for (int i = from; i < from + count; i++) {
      UUID ratee = s.person("Ratee" + i, s.teamA);
      List<Seeded> rounds = roundsOf(i);
      for (int k = 0; k < rounds.size(); k++) {
        Seeded r = rounds.get(k);
        Integer[] others = new Integer[r.others().length];
        for (int j = 0; j < others.length; j++) {
          others[j] = r.others()[j];
        }
        ids.computeIfAbsent(i, x -> new ArrayList<>())
            .add(
                s.round(
                    ratee, s.behaviours.get(r.behaviour()), k == 0 ? 40 : 10, r.self(), others));
      }
    }
    return ids;
  }

  /** The reference worked out from the seeded rounds, without the application's code. */
  record Expected(
      int normRatees,
      int pairs,
      double meanD,
      double sdD,
      double meanOthers,
      int changeRatees,
      int groups,
      double s1,
      double icc2,
      double k0) {}

  private static Expected expected(int from, int count) {
    List<double[]> pairs = new ArrayList<>(); // {D, others' mean}
    List<int[]> groups = new ArrayList<>();
    int normRatees = 0;
    int changeRatees = 0;
    for (int i = from; i < from + count; i++) {
      List<Seeded> rounds = roundsOf(i);
      Map<Integer, double[]> latest = new LinkedHashMap<>();
      for (Seeded r : rounds) {
        if (r.shown() && r.self() != null) {
          latest.put(r.behaviour(), new double[] {r.self() - r.othersMean(), r.othersMean()});
        }
      }
      if (!latest.isEmpty()) {
        normRatees++;
        pairs.addAll(latest.values());
      }
      for (Seeded r : rounds) {
        if (r.shown()) {
          groups.add(r.others());
          changeRatees++;
          break;
        }
      }
    }
    double meanD = pairs.stream().mapToDouble(p -> p[0]).average().orElseThrow();
    double meanO = pairs.stream().mapToDouble(p -> p[1]).average().orElseThrow();
    double ssD = pairs.stream().mapToDouble(p -> (p[0] - meanD) * (p[0] - meanD)).sum();
    // One-way ANOVA of the others' ratings on group.
    int n = 0;
    double total = 0;
    double sumSquaredSizes = 0;
    double[] means = new double[groups.size()];
    for (int g = 0; g < groups.size(); g++) {
      double sum = 0;
      for (int y : groups.get(g)) {
        sum += y;
      }
      means[g] = sum / groups.get(g).length;
      n += groups.get(g).length;
      total += sum;
      sumSquaredSizes += Math.pow(groups.get(g).length, 2);
    }
    double grand = total / n;
    double meanOfMeans = java.util.Arrays.stream(means).average().orElseThrow();
    double ssMeans = 0;
    double ssb = 0;
    double ssw = 0;
    for (int g = 0; g < groups.size(); g++) {
      ssMeans += Math.pow(means[g] - meanOfMeans, 2);
      ssb += groups.get(g).length * Math.pow(means[g] - grand, 2);
      for (int y : groups.get(g)) {
        ssw += Math.pow(y - means[g], 2);
      }
    }
    int j = groups.size();
    double msb = ssb / (j - 1);
    double msw = ssw / (n - j);
    return new Expected(
        normRatees,
        pairs.size(),
        meanD,
        Math.sqrt(ssD / (pairs.size() - 1)),
        meanO,
        changeRatees,
        j,
        Math.sqrt(ssMeans / (j - 1)),
        (msb - msw) / msb,
        (n - sumSquaredSizes / n) / (j - 1));
  }

  @Test
  void aClientWithEnoughRateesGetsItsOwnReference() throws Exception {
    HeatmapScenario s = new HeatmapScenario(context);
    // Ratee 2: round 1 on behaviour 0 shown (five raters), round 2 on behaviour 0 shown (four).
    UUID round = seed(s, 0, 34).get(2).get(1);
    Seeded first = roundsOf(2).get(0);
    Seeded second = roundsOf(2).get(1);
    // A round still open counts for nothing.
    s.round(s.person("Ratee0", s.teamA), s.behaviours.get(0), -5, 5, 1, 1, 1);
    Expected e = expected(0, 34);
    assertThat(e.normRatees()).isGreaterThanOrEqualTo(30).isLessThan(34);
    assertThat(e.changeRatees()).isGreaterThanOrEqualTo(30).isLessThan(34);
    // Nothing published yet: the placeholders, and the results say so.
    var before = service.results(s.scope, s.coach, round);
    assertThat(before.change().source()).isEqualTo("PLACEHOLDER");
    assertThat(before.change().sampleSize()).isZero();
    assertThat(before.change().publishedAt()).isNull();
    assertThat(before.change().basis())
        .isEqualTo("placeholder (no reference of this client published yet)");
    assertThat(before.selfOther().publishedAt()).isNull();
    assertThat(page(s, round, Locale.ENGLISH))
        .contains("no reference of this client has been published yet")
        .doesNotContain("data-testid=\"feedback-reference-published\"");

    OffsetDateTime at = today();
    assertThat(reference.publish(s.scope, at)).isEqualTo(FeedbackReference.Publication.PUBLISHED);
    // Rounds closed before today count: through is yesterday.
    LocalDate through = LocalDate.now(FeedbackService.ZONE).minusDays(1);

    var results = service.results(s.scope, s.coach, round);
    var change = results.change();
    assertThat(change.source()).as(change.toString()).isEqualTo("CLIENT");
    assertThat(change.placeholder()).isFalse();
    assertThat(change.sampleSize()).isEqualTo(e.changeRatees());
    assertThat(change.minimumSampleSize()).isEqualTo(30);
    assertThat(change.groups()).isEqualTo(e.groups());
    assertThat(change.sd()).isCloseTo(e.s1(), within(TOLERANCE));
    assertThat(change.reliability()).isCloseTo(e.icc2(), within(TOLERANCE));
    assertThat(change.k0()).isCloseTo(e.k0(), within(TOLERANCE));
    assertThat(change.minimumReliableChange())
        .isCloseTo(1.96 * Math.sqrt(2) * e.s1() * Math.sqrt(1 - e.icc2()), within(TOLERANCE));
    assertThat(change.through()).isEqualTo(through);
    assertThat(change.publishedAt()).isEqualTo(at.withOffsetSameInstant(ZoneOffset.UTC));
    assertThat(change.basis())
        .startsWith(
            "from this client's " + e.changeRatees() + " ratees, rounds closed up to " + through)
        .contains("k0 = ");
    assertThat(results.changeReference()).contains("from this client's " + e.changeRatees());
    var norm = results.selfOther();
    assertThat(norm.source()).isEqualTo("CLIENT");
    assertThat(norm.placeholder()).isFalse();
    assertThat(norm.sampleSize()).isEqualTo(e.normRatees());
    assertThat(norm.normSize()).isEqualTo(e.pairs());
    assertThat(norm.normMeanDifference()).isCloseTo(e.meanD(), within(TOLERANCE));
    assertThat(norm.normSdDifference()).isCloseTo(e.sdD(), within(TOLERANCE));
    assertThat(norm.normMeanOthers()).isCloseTo(e.meanOthers(), within(TOLERANCE));
    assertThat(norm.centreValue()).isCloseTo(e.meanD(), within(TOLERANCE));
    assertThat(norm.lower()).isCloseTo(e.meanD() - 0.5 * e.sdD(), within(TOLERANCE));
    assertThat(norm.through()).isEqualTo(through);
    // The round's own reliable change and category use the client's reference.
    var behaviour = results.behaviours().get(0);
    var trendChange = behaviour.trend().change();
    double sDiff = Math.sqrt(2) * e.s1() * Math.sqrt(1 - e.icc2());
    assertThat(trendChange.rc())
        .isCloseTo((second.othersMean() - first.othersMean()) / sDiff, within(TOLERANCE));
    double d = second.self() - second.othersMean();
    var category =
        d > e.meanD() + 0.5 * e.sdD()
            ? nl.orgcoach.stats.SelfOtherAgreement.Category.OVER_ESTIMATOR
            : d < e.meanD() - 0.5 * e.sdD()
                ? nl.orgcoach.stats.SelfOtherAgreement.Category.UNDER_ESTIMATOR
                : second.othersMean() >= e.meanOthers()
                    ? nl.orgcoach.stats.SelfOtherAgreement.Category.IN_AGREEMENT_GOOD
                    : nl.orgcoach.stats.SelfOtherAgreement.Category.IN_AGREEMENT_POOR;
    assertThat(behaviour.selfOther().category()).isEqualTo(category);

    // The API says the same, and nothing per person.
    String token = TestUsers.in(context).token(s.coach, s.client);
    String json =
        mvc.perform(
                get("/api/v1/clients/{c}/feedback/rounds/{r}/results", s.client.value(), round)
                    .header("Authorization", bearer(token)))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.change.source").value("CLIENT"))
            .andExpect(jsonPath("$.change.sampleSize").value(e.changeRatees()))
            .andExpect(jsonPath("$.change.through").value(through.toString()))
            .andExpect(jsonPath("$.selfOther.source").value("CLIENT"))
            .andExpect(jsonPath("$.selfOther.sampleSize").value(e.normRatees()))
            .andExpect(jsonPath("$.selfOther.through").value(through.toString()))
            .andExpect(jsonPath("$.change.publishedAt").exists())
            .andExpect(jsonPath("$.selfOther.publishedAt").exists())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(json).doesNotContain(s.person("Ratee5", s.teamA).toString(), "Ratee5");

    // The page, in English and in Dutch.
    String en = page(s, round, Locale.ENGLISH);
    assertThat(en)
        .contains(
            "Norm: from this client's "
                + e.normRatees()
                + " ratees, rounds closed up to "
                + through)
        .contains(
            "s₁ and r: from this client's "
                + e.changeRatees()
                + " ratees, rounds closed up to "
                + through)
        .contains("k0 = " + String.format(Locale.ENGLISH, "%.2f", e.k0()))
        .contains("data-source=\"CLIENT\"")
        .contains(
            "The client's reference was published on "
                + LocalDate.now(FeedbackService.ZONE)
                + ". It is worked out once a day");
    String nl = page(s, round, Locale.forLanguageTag("nl"));
    assertThat(nl)
        .contains(
            "Norm: uit "
                + e.normRatees()
                + " beoordeelden van deze klant, rondes gesloten tot en met "
                + through)
        .contains(
            "s₁ en r: uit "
                + e.changeRatees()
                + " beoordeelden van deze klant, rondes gesloten tot en met "
                + through);

    // The results read the published version and compute nothing: new closed rounds (three new
    // ratees) change them only at the next publication, which is tomorrow's.
    seed(s, 100, 3);
    var again = service.results(s.scope, s.coach, round);
    assertThat(again.change()).isEqualTo(results.change());
    assertThat(again.selfOther()).isEqualTo(results.selfOther());
    assertThat(reference.publish(s.scope, at.plusHours(5)))
        .isEqualTo(FeedbackReference.Publication.DONE_ALREADY);
    assertThat(service.results(s.scope, s.coach, round).change()).isEqualTo(results.change());
    assertThat(reference.publish(s.scope, at.plusDays(1)))
        .isEqualTo(FeedbackReference.Publication.PUBLISHED);
    var tomorrow = service.results(s.scope, s.coach, round);
    assertThat(tomorrow.change().sampleSize()).isEqualTo(e.changeRatees() + 3);
    assertThat(tomorrow.selfOther().sampleSize()).isEqualTo(e.normRatees() + 3);
    assertThat(tomorrow.change().through()).isEqualTo(through.plusDays(1));
    assertThat(tomorrow.change().publishedAt())
        .isEqualTo(at.plusDays(1).withOffsetSameInstant(ZoneOffset.UTC));
  }

  @Test
  void aNewVersionNeedsAtLeastTheThresholdOfChangedRatees() throws Exception {
    HeatmapScenario s = new HeatmapScenario(context);
    UUID round = seed(s, 0, 34).get(2).get(1);
    Expected e = expected(0, 34);
    OffsetDateTime at = today();
    assertThat(reference.publish(s.scope, at)).isEqualTo(FeedbackReference.Publication.PUBLISHED);
    var first = service.results(s.scope, s.coach, round);
    assertThat(first.change().sampleSize()).isEqualTo(e.changeRatees());

    // Two new ratees (fewer than the threshold of 3): the stored version stays, through and all.
    seed(s, 100, 2);
    assertThat(reference.publish(s.scope, at.plusDays(1)))
        .isEqualTo(FeedbackReference.Publication.KEPT);
    var kept = service.results(s.scope, s.coach, round);
    assertThat(kept.change()).isEqualTo(first.change());
    assertThat(kept.selfOther()).isEqualTo(first.selfOther());

    // A ratee already in the sample with a new closed round changes too: with the two new ones
    // that makes three against the stored version, and the next day's version replaces it.
    s.round(s.person("Ratee2", s.teamA), s.behaviours.get(0), 2, 1, 4, 5, 5, 4);
    assertThat(reference.publish(s.scope, at.plusDays(2)))
        .isEqualTo(FeedbackReference.Publication.PUBLISHED);
    var replaced = service.results(s.scope, s.coach, round);
    assertThat(replaced.change().sampleSize()).isEqualTo(e.changeRatees() + 2);
    assertThat(replaced.selfOther().sampleSize()).isEqualTo(e.normRatees() + 2);
    assertThat(replaced.selfOther().normMeanDifference())
        .isNotEqualTo(first.selfOther().normMeanDifference());
    assertThat(replaced.change().through())
        .isEqualTo(LocalDate.now(FeedbackService.ZONE).plusDays(1));

    // Nothing changed since: the next day keeps it.
    assertThat(reference.publish(s.scope, at.plusDays(3)))
        .isEqualTo(FeedbackReference.Publication.KEPT);
    assertThat(service.results(s.scope, s.coach, round).change()).isEqualTo(replaced.change());
  }

  @Test
  void theSchedulerPublishesOnceADayHoweverOftenItRuns() throws Exception {
    HeatmapScenario s = new HeatmapScenario(context);
    UUID round = seed(s, 1, 5).get(1).get(0);
    OffsetDateTime at = today();
    // Other tests' clients are due too, and a run takes at most 50: the rest until this one is
    // done.
    schedule.run(at);
    for (int i = 0; i < 50 && reference.due(at, 100_000).contains(s.client); i++) {
      schedule.publishReferences(at);
    }
    assertThat(reference.due(at, 100_000)).doesNotContain(s.client);
    var published = service.results(s.scope, s.coach, round).change();
    assertThat(published.publishedAt()).isEqualTo(at.withOffsetSameInstant(ZoneOffset.UTC));
    assertThat(published.sampleSize()).isEqualTo(expected(1, 5).changeRatees());

    // Later the same day, and two nodes at once: nothing more.
    schedule.run(at.plusHours(1));
    assertThat(twoNodesAtOnce(s, at.plusHours(2)))
        .containsOnly(FeedbackReference.Publication.DONE_ALREADY);
    assertThat(service.results(s.scope, s.coach, round).change()).isEqualTo(published);

    // The next day, two nodes at once: one publishes (a placeholder version always replaces the
    // stored one), the other finds the day done.
    assertThat(twoNodesAtOnce(s, at.plusDays(1)))
        .containsExactlyInAnyOrder(
            FeedbackReference.Publication.PUBLISHED, FeedbackReference.Publication.DONE_ALREADY);
    assertThat(service.results(s.scope, s.coach, round).change().publishedAt())
        .isEqualTo(at.plusDays(1).withOffsetSameInstant(ZoneOffset.UTC));
  }

  private List<FeedbackReference.Publication> twoNodesAtOnce(HeatmapScenario s, OffsetDateTime at) {
    CountDownLatch go = new CountDownLatch(1);
    List<CompletableFuture<FeedbackReference.Publication>> nodes = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      nodes.add(
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  go.await();
                } catch (InterruptedException ex) {
                  Thread.currentThread().interrupt();
                }
                return reference.publishScheduled(s.client, at);
              }));
    }
    go.countDown();
    return nodes.stream().map(CompletableFuture::join).toList();
  }

  @Test
  void aClientWithTooFewRateesKeepsThePlaceholders() throws Exception {
    HeatmapScenario s = new HeatmapScenario(context);
    UUID round = seed(s, 1, 5).get(1).get(0);
    assertThat(reference.publish(s.scope, today()))
        .isEqualTo(FeedbackReference.Publication.PUBLISHED);
    var results = service.results(s.scope, s.coach, round);
    Expected e = expected(1, 5);
    assertThat(results.change().source()).isEqualTo("PLACEHOLDER");
    assertThat(results.change().placeholder()).isTrue();
    assertThat(results.change().sd()).isEqualTo(0.8);
    assertThat(results.change().reliability()).isEqualTo(0.7);
    assertThat(results.change().sampleSize()).isEqualTo(e.changeRatees());
    assertThat(results.change().basis())
        .isEqualTo(
            "placeholder (this client has "
                + e.changeRatees()
                + " of the 30 ratees needed); published "
                + LocalDate.now(FeedbackService.ZONE));
    assertThat(results.selfOther().source()).isEqualTo("PLACEHOLDER");
    assertThat(results.selfOther().placeholder()).isTrue();
    assertThat(results.selfOther().normSize()).isEqualTo(10);
    assertThat(results.selfOther().normMeanDifference()).isEqualTo(0.09);
    assertThat(results.selfOther().sampleSize()).isEqualTo(e.normRatees());

    assertThat(page(s, round, Locale.ENGLISH))
        .contains(
            "Norm: placeholder (this client has " + e.normRatees() + " of the 30 ratees needed)")
        .contains(
            "s₁ and r: placeholder (this client has "
                + e.changeRatees()
                + " of the 30 ratees needed)")
        .contains("data-source=\"PLACEHOLDER\"");
    assertThat(page(s, round, Locale.forLanguageTag("nl")))
        .contains(
            "Norm: voorlopige waarde (deze klant heeft "
                + e.normRatees()
                + " van de 30 benodigde beoordeelden)")
        .contains(
            "s₁ en r: voorlopige waarden (deze klant heeft "
                + e.changeRatees()
                + " van de 30 benodigde beoordeelden)");
  }

  private String page(HeatmapScenario s, UUID round, Locale locale) throws Exception {
    return HtmlUtils.htmlUnescape(
        mvc.perform(
                get("/c/{c}/feedback/rounds/{r}", s.client.value(), round)
                    .with(asUser(s.coach))
                    .locale(locale))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString());
  }
}
