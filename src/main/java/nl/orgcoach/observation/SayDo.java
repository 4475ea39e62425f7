package nl.orgcoach.observation;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.orgcoach.stats.SayDoGap;

/**
 * Say–do in a profile: per behaviour, the person's own account beside what was observed, the gap
 * and its uncertainty ({@link SayDoGap}), over all observations and per constellation. {@code
 * asOf}: the account as it was given by that day and the observations up to that day (null: the
 * latest account and every observation), so that say–do can be compared per period.
 *
 * @param settings the rule's parameters in words (invariant 6)
 * @param rule the same parameters, for the page to print in the user's language
 * @param selfAssessedAt when the compared account was given; null when there is none
 * @param submissions every account the person gave in the engagement, newest first
 */
record SayDo(
    String settings,
    SayDoGap.Settings rule,
    int minObservations,
    LocalDate asOf,
    OffsetDateTime selfAssessedAt,
    List<SelfAssessments.Submission> submissions,
    List<Line> behaviours) {

  /** Dates of observations and accounts are days in the Netherlands. */
  static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

  /**
   * One behaviour.
   *
   * @param byConstellation the gap per dominant constellation that has observed ratings
   */
  record Line(
      UUID behaviourId,
      String name,
      Integer self,
      String comment,
      SayDoGap.Result gap,
      Map<String, SayDoGap.Result> byConstellation) {}

  /** The first moment after the day {@code asOf} (null stays null). */
  static OffsetDateTime endOf(LocalDate asOf) {
    return asOf == null ? null : asOf.plusDays(1).atStartOfDay(ZONE).toOffsetDateTime();
  }

  static SayDo of(
      List<Behaviour> framework,
      List<Observations.ProfileRating> ratings,
      SelfAssessment self,
      List<SelfAssessments.Submission> submissions,
      LocalDate asOf,
      SayDoGap.Settings settings,
      Locale locale) {
    Map<UUID, SelfAssessment.Answer> answers = self == null ? Map.of() : self.answers();
    Map<UUID, List<Observations.ProfileRating>> byBehaviour = new HashMap<>();
    for (Observations.ProfileRating r : ratings) {
      if (asOf == null || !r.observedOn().isAfter(asOf)) {
        byBehaviour.computeIfAbsent(r.behaviourId(), k -> new ArrayList<>()).add(r);
      }
    }
    List<Line> lines = new ArrayList<>();
    for (Behaviour b : framework) {
      List<Observations.ProfileRating> seen = byBehaviour.getOrDefault(b.id(), List.of());
      SelfAssessment.Answer answer = answers.get(b.id());
      if (b.retired() && seen.isEmpty() && answer == null) {
        continue;
      }
      Integer mine = answer == null ? null : answer.rating();
      Map<String, List<Integer>> grouped = new LinkedHashMap<>();
      List<Integer> all = new ArrayList<>();
      for (Observations.ProfileRating r : seen) {
        all.add(r.rating());
        String key = r.dominant() == null ? Profile.NONE : r.dominant();
        grouped.computeIfAbsent(key, k -> new ArrayList<>()).add(r.rating());
      }
      Map<String, SayDoGap.Result> byConstellation = new LinkedHashMap<>();
      for (String key : Profile.constellationKeys()) {
        if (grouped.containsKey(key)) {
          byConstellation.put(key, SayDoGap.of(mine, grouped.get(key), settings));
        }
      }
      lines.add(
          new Line(
              b.id(),
              b.name(locale),
              mine,
              answer == null ? null : answer.comment(),
              SayDoGap.of(mine, all, settings),
              byConstellation));
    }
    return new SayDo(
        settings.describe(),
        settings,
        settings.minObservations(),
        asOf,
        self == null ? null : self.submittedAt(),
        submissions,
        lines);
  }

  /** The active behaviours' ids of a framework: the ones a person may answer. */
  static Set<UUID> active(List<Behaviour> framework) {
    Set<UUID> ids = new HashSet<>();
    framework.stream().filter(b -> !b.retired()).forEach(b -> ids.add(b.id()));
    return ids;
  }
}
