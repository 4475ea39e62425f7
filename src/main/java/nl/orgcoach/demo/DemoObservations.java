package nl.orgcoach.demo;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import nl.orgcoach.access.ClientScope;
import nl.orgcoach.engagement.EngagementLookup;
import nl.orgcoach.observation.ObservationSeeding;
import nl.orgcoach.organisation.Constellation;
import nl.orgcoach.organisation.ConstellationDerivation;
import nl.orgcoach.organisation.PersonLookup.PersonRef;
import nl.orgcoach.organisation.ReportingLines;
import nl.orgcoach.organisation.ReportingSnapshot;
import nl.orgcoach.organisation.SettingLookup;
import nl.orgcoach.organisation.SettingLookup.SettingRef;

/**
 * Observations for the demo engagement: its framework (the default set, two behaviours linked to
 * agreements), about twenty meetings of the settings in its scope over the last six months (one of
 * them today), and a few hundred observations. Each observed person has a usual level per
 * behaviour; a few of them act differently when a superior is in the room (lower on naming tensions
 * and direct feedback, higher on following through), so that the profiles, and later the
 * incongruence analysis, have something to show. Deterministic (a fixed seed).
 */
@org.springframework.stereotype.Component
class DemoObservations {

  private static final long SEED = 20261127L;
  static final int MEETINGS = 20;

  private final ObservationSeeding seeding;
  private final SettingLookup settings;
  private final ReportingLines lines;
  private final EngagementLookup engagements;

  DemoObservations(
      ObservationSeeding seeding,
      SettingLookup settings,
      ReportingLines lines,
      EngagementLookup engagements) {
    this.seeding = seeding;
    this.settings = settings;
    this.lines = lines;
    this.engagements = engagements;
  }

  private static final List<String> NOTES =
      List.of(
          "Vroeg eerst wat het team ervan vond.",
          "Gaf de actie terug aan het team.",
          "Benoemde de spanning over de roosters.",
          "Sprak een collega direct aan op het te laat komen.",
          "Nam het gesprek over toen de manager binnenkwam.",
          "Kwam terug op de afspraak van vorige week.",
          "Deelde de cijfers van het eigen team met de andere teams.",
          "");

  /** Loads the observations unless the engagement has some already; answers how many it made. */
  int load(ClientScope scope, UUID engagement, UUID coach, UUID manager) {
    if (seeding.hasObservations(scope, engagement)) {
      return 0;
    }
    Set<UUID> scopeUnits = engagements.find(scope, engagement).orElseThrow().units();
    Random r = new Random(SEED);
    List<UUID> behaviours = seeding.behaviours(scope, engagement);
    var agreements = engagements.agreements(scope, engagement);
    if (!agreements.isEmpty()) {
      // "follows through on agreements" and "lets the team own the solution" (default order)
      seeding.link(scope, engagement, behaviours.get(2), List.of(agreements.get(0).id()));
      seeding.link(
          scope,
          engagement,
          behaviours.get(5),
          agreements.stream().limit(3).map(a -> a.id()).toList());
    }
    List<SettingRef> candidates = new ArrayList<>();
    Map<UUID, List<UUID>> members = new HashMap<>();
    for (SettingRef s : settings.list(scope, scopeUnits)) {
      List<UUID> m = settings.members(scope, s.id()).stream().map(PersonRef::id).toList();
      if (m.size() >= 3) {
        candidates.add(s);
        members.put(s.id(), m);
      }
    }
    if (candidates.isEmpty()) {
      return 0;
    }
    // The demo manager's own settings first, so that their profile has something to show.
    candidates.sort(
        (a, b) ->
            Boolean.compare(
                !members.get(a.id()).contains(manager), !members.get(b.id()).contains(manager)));
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    Map<String, Double> usual = new HashMap<>();
    Set<UUID> twoFaced = new LinkedHashSet<>();
    int made = 0;
    for (int i = 0; i < MEETINGS; i++) {
      SettingRef setting = candidates.get(i % Math.min(candidates.size(), 5));
      LocalDate on = i == 0 ? today : today.minusDays(3 + (long) i * 9 + r.nextInt(5));
      List<UUID> attending = new ArrayList<>(members.get(setting.id()));
      if (attending.size() > 12) {
        attending = attending.subList(0, 12);
      }
      if (attending.size() > 4 && r.nextInt(4) == 0) {
        attending.remove(attending.size() - 1); // someone sent apologies
      }
      UUID meeting = seeding.meeting(scope, engagement, setting.id(), null, on, attending, coach);
      int observations = i == 0 ? 3 : 12 + r.nextInt(8);
      // The lines around everyone present, read once per meeting: what capture derives from.
      ReportingSnapshot around = lines.asOn(scope, on, attending);
      List<ObservationSeeding.Seen> seen = new ArrayList<>();
      for (int k = 0; k < observations; k++) {
        UUID person =
            k % 3 == 0 && attending.contains(manager)
                ? manager
                : attending.get(r.nextInt(attending.size()));
        if (twoFaced.size() < 3 && !person.equals(manager) && r.nextInt(5) == 0) {
          twoFaced.add(person);
        }
        boolean twoFacedPerson = twoFaced.contains(person) || person.equals(manager);
        List<UUID> others = attending.stream().filter(p -> !p.equals(person)).toList();
        Constellation c = ConstellationDerivation.derive(person, others, around);
        boolean superiorPresent = c.present().contains(Constellation.Category.SUPERIORS_PRESENT);
        Map<UUID, Integer> ratings = new LinkedHashMap<>();
        int coded = 1 + r.nextInt(3);
        for (int j = 0; j < coded; j++) {
          int index = r.nextInt(behaviours.size());
          UUID b = behaviours.get(index);
          double base = usual.computeIfAbsent(person + "/" + b, k2 -> 2.6 + r.nextDouble() * 1.8);
          double effect = 0;
          if (twoFacedPerson && superiorPresent) {
            // naming tensions, direct feedback, gives everyone the same message: down; follows
            // through: up (kiss up, kick down)
            effect = index == 1 || index == 3 || index == 10 ? -1.6 : index == 2 ? 0.8 : 0;
          }
          int rating = (int) Math.round(base + effect + r.nextGaussian() * 0.6);
          ratings.put(b, Math.max(1, Math.min(5, rating)));
        }
        String note = NOTES.get(r.nextInt(NOTES.size()));
        seen.add(
            new ObservationSeeding.Seen(
                person, ratings, note.isEmpty() ? null : note, r.nextInt(12) == 0));
        made++;
      }
      seeding.observeAll(scope, engagement, meeting, seen, coach);
    }
    return made;
  }
}
