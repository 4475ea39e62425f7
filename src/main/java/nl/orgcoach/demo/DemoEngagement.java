package nl.orgcoach.demo;

import java.time.LocalDate;
import java.time.OffsetDateTime;
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
import nl.orgcoach.engagement.EngagementSeeding;
import nl.orgcoach.engagement.EngagementSeeding.NewAgreement;
import nl.orgcoach.engagement.EngagementSeeding.NewEngagement;
import nl.orgcoach.engagement.EngagementSeeding.NewIntervention;
import nl.orgcoach.engagement.EngagementSeeding.NewQuestion;
import nl.orgcoach.engagement.EngagementSeeding.Recorded;
import nl.orgcoach.engagement.OwnerKind;
import nl.orgcoach.engagement.QuestionLevel;
import nl.orgcoach.engagement.TriageAction;
import nl.orgcoach.organisation.PersonLookup;
import nl.orgcoach.organisation.PersonLookup.PersonRef;
import nl.orgcoach.organisation.UnitLookup;
import org.springframework.stereotype.Component;

/**
 * Six months of a living engagement at the larger demo client, ending today: questions of the
 * division of the demo manager, interventions that answer them, agreements and follow-up questions.
 * Everything goes through {@link EngagementSeeding}, so the engagement rules hold for the demo too.
 * Deterministic (a seeded Random) apart from the generated ids and the date it is loaded on.
 */
@Component
class DemoEngagement {

  static final String TITLE = "Samen sturen in de wijkzorg";
  private static final long SEED = 20260601L;

  private final EngagementSeeding seeding;
  private final PersonLookup people;
  private final UnitLookup units;

  DemoEngagement(EngagementSeeding seeding, PersonLookup people, UnitLookup units) {
    this.seeding = seeding;
    this.people = people;
    this.units = units;
  }

  private static final List<String> INDIVIDUAL =
      List.of(
          "Hoe geef ik mijn collega's feedback zonder dat het persoonlijk wordt?",
          "Hoe houd ik overzicht nu ik zelf mijn cliëntplanning maak?",
          "Hoe zeg ik nee tegen extra diensten zonder het team te laten vallen?",
          "Ik wil leren een teamoverleg voor te zitten. Waar begin ik?",
          "Hoe ga ik om met een collega die afspraken steeds niet nakomt?",
          "Wat is mijn rol als teamleider nu het team zelf roostert?",
          "Hoe voer ik een goed gesprek met een familielid dat boos is?",
          "Hoe verdeel ik mijn tijd tussen cliëntzorg en coördinerende taken?",
          "Ik merk dat ik alles zelf oplos. Hoe laat ik meer los?",
          "Hoe bereid ik me voor op mijn eerste gesprek als aandachtsvelder?",
          "Hoe blijf ik rustig als de planning op het laatste moment omvalt?",
          "Hoe spreek ik mijn leidinggevende aan op een besluit dat ik niet snap?",
          "Hoe krijg ik mijn nieuwe rol als roostermaker naast mijn zorgtaken rond?",
          "Hoe vraag ik hulp zonder het gevoel te hebben dat ik tekortschiet?",
          "Hoe coach ik een nieuwe collega in het team zonder de baas te spelen?",
          "Hoe maak ik mijn zorgen over werkdruk bespreekbaar?",
          "Hoe neem ik een besluit als het team het niet eens wordt?",
          "Hoe ga ik om met kritiek van de wijkverpleegkundige op mijn rapportage?",
          "Hoe houd ik mijn grenzen aan in de avonddiensten?",
          "Hoe presenteer ik ons teamvoorstel aan het managementteam?");

  private static final List<String> TEAM =
      List.of(
          "Hoe maken we als team zelf het rooster zonder dat het steeds schuurt?",
          "Hoe verdelen we de taken nu er geen teamleider meer alles regelt?",
          "Ons teamoverleg loopt steeds uit. Hoe maken we het korter en nuttiger?",
          "Hoe nemen we samen besluiten over de inzet van flexkrachten?",
          "Hoe geven we elkaar feedback op de kwaliteit van de zorg?",
          "Hoe werken we beter samen met de planners van facilitair?",
          "Hoe zorgen we dat nieuwe collega's snel meedraaien?",
          "Hoe gaan we om met ziekteverzuim in het team?",
          "Hoe bespreken we spanningen tussen de dag- en avondploeg?",
          "Hoe houden we de overdracht kort en volledig?",
          "Welke rollen hebben we als zelforganiserend team nodig?",
          "Hoe stemmen we de wijkroutes af met het buurteam?",
          "Hoe maken we onze teamafspraken zichtbaar en houden we ons eraan?",
          "Hoe verdelen we de budgetverantwoordelijkheid binnen het team?",
          "Hoe vieren we successen zonder dat het geforceerd voelt?",
          "Hoe bereiden we ons voor op de audit van de inspectie?",
          "Hoe houden we de werkdruk eerlijk verdeeld over het team?",
          "Hoe pakken we klachten van cliënten samen op?");

  private static final List<String> ORGANISATION =
      List.of(
          "Hoe richten we één planning in voor zorg en facilitair?",
          "Welke besluiten mogen teams zelf nemen en welke niet?",
          "Hoe ondersteunen de teamleiders de teams in hun nieuwe rol?",
          "Hoe meten we of zelforganisatie de zorg beter maakt?",
          "Hoe organiseren we de inzet van de flexpool over de teams heen?",
          "Hoe houden we de teams betrokken bij de nieuwe werkwijze?",
          "Hoe verdelen we de scholingsbudgetten eerlijk over de teams?",
          "Wie is het aanspreekpunt voor facilitair als de teams zelf plannen?",
          "Hoe zorgen we dat het managementteam dezelfde koers uitdraagt?",
          "Hoe leren teams van elkaar zonder extra vergaderingen?",
          "Hoe passen we het functiehuis aan op de nieuwe rollen?",
          "Hoe communiceren we de veranderingen naar cliënten en mantelzorgers?");

  private static final String[] PARK_REASONS = {
    "Wacht op het besluit van het managementteam over de nieuwe planning.",
    "Komt terug na de zomer, als het nieuwe rooster draait.",
    "Eerst de evaluatie van de pilot afwachten.",
    "Past beter bij het scholingstraject dat HR in het najaar start.",
    "Het team wil hier eerst zelf mee aan de slag."
  };

  private static final String[] REACTION_COMMENTS = {
    "Eindelijk spraken we uit wat iedereen al wist.",
    "Nuttig, maar we kwamen niet aan het rooster toe.",
    "Goed dat de coach doorvroeg; ik zag mijn eigen aandeel.",
    "Praktisch: ik weet wat ik morgen anders doe.",
    "Wat veel tegelijk, volgende keer graag korter.",
    "Fijn dat we het als team zelf mochten oplossen."
  };

  private static final String[] AGREEMENTS = {
    "Bespreekt in het volgende teamoverleg wat er goed ging en wat beter kan.",
    "Maakt een voorstel voor de taakverdeling en deelt het met het team.",
    "Plant een gesprek met de collega van facilitair over de planning.",
    "Houdt twee weken bij waar de tijd naartoe gaat.",
    "Vraagt feedback aan twee collega's na de volgende dienst.",
    "Zet de teamafspraken op één A4 en hangt ze op in de teampost.",
    "Oefent het gesprek met een collega voordat het echte gesprek plaatsvindt.",
    "Bereidt het teamoverleg voor met een agenda van drie punten.",
    "Spreekt de collega binnen een week aan op de gemaakte afspraak.",
    "Zoekt uit welke besluiten het team zelf mag nemen en meldt dat terug.",
    "Probeert het nieuwe overdrachtsformat twee weken uit.",
    "Zegt één keer bewust nee tegen een extra dienst en bespreekt hoe dat ging.",
    "Brengt de knelpunten in het rooster in kaart voor het volgende overleg.",
    "Neemt contact op met het buurteam over de afstemming van de routes.",
    "Maakt met de roostermaker een afspraak over de verdeling van de avonddiensten."
  };

  private static final String[] FOLLOW_UPS = {
    "Hoe houden we de nieuwe afspraken vol als het druk wordt?",
    "Hoe betrekken we de collega's die er niet bij waren?",
    "Wat doen we als de planning van facilitair niet aansluit op ons rooster?",
    "Hoe evalueren we na drie maanden of de nieuwe werkwijze werkt?"
  };

  private static final Map<String, String[]> NOTES =
      Map.of(
          "INDIVIDUAL_COACHING",
          new String[] {
            "Gesprek over wat de vraag echt oproept; de coachee ziet dat het om loslaten gaat. Volgende"
                + " keer kijken we naar een concrete situatie.",
            "We hebben twee lastige situaties uit de afgelopen week doorgelopen. De coachee kiest"
                + " zelf een eerste stap."
          },
          "TEAM_COACHING",
          new String[] {
            "Het team heeft benoemd waar het schuurt en welke afspraken ontbreken. Er was veel"
                + " openheid, ook over de werkdruk.",
            "Teamsessie met een korte oefening in besluiten nemen. Het team kwam zelf tot een"
                + " voorstel."
          },
          "SITTING_IN",
          new String[] {
            "Meegekeken bij het teamoverleg. Besluiten blijven vaak hangen; dat heb ik na afloop"
                + " teruggegeven.",
            "Aanwezig bij het overleg tussen zorg en facilitair. De rollen waren niet duidelijk,"
                + " daar komt een vervolg op."
          },
          "CONFRONTING_CONVERSATION",
          new String[] {
            "Stevig gesprek over het niet nakomen van afspraken. De boodschap kwam aan, de"
                + " coachee gaf zelf aan wat anders moet.",
            "Het patroon van uitstellen benoemd. Er was even weerstand, daarna een eerlijk"
                + " gesprek."
          },
          "SUGGESTION",
          new String[] {
            "Kort advies gegeven om het overleg met een vaste agenda te beginnen. Wordt"
                + " uitgeprobeerd.",
            "Suggestie gedaan om de roosterwensen vooraf te verzamelen. Het voorstel gaat naar het"
                + " team."
          },
          "LEARNING_INTERVENTION",
          new String[] {
            "Workshop over zelforganisatie en besluitvorming. Deelnemers oefenden met de"
                + " consentmethode.",
            "Leersessie over feedback geven en ontvangen, met oefeningen uit de eigen praktijk."
          },
          "FEEDBACK_CONVERSATION",
          new String[] {
            "Feedback teruggegeven op de manier van vergaderen. De coachee herkende het en wil"
                + " ermee aan de slag.",
            "Samen teruggekeken op de afgelopen periode; de coachee ziet vooruitgang in het"
                + " aanspreken van collega's."
          },
          "OTHER",
          new String[] {
            "Intakegesprek met het managementteam over de bedoeling van de verandering.",
            "Evaluatiemoment met de sponsor over de voortgang van het traject."
          });

  private static final Map<QuestionLevel, String[]> TYPES =
      Map.of(
          QuestionLevel.INDIVIDUAL,
          new String[] {
            "INDIVIDUAL_COACHING",
            "INDIVIDUAL_COACHING",
            "FEEDBACK_CONVERSATION",
            "CONFRONTING_CONVERSATION",
            "SUGGESTION"
          },
          QuestionLevel.TEAM,
          new String[] {
            "TEAM_COACHING", "TEAM_COACHING", "SITTING_IN", "LEARNING_INTERVENTION", "SUGGESTION"
          },
          QuestionLevel.ORGANISATION,
          new String[] {
            "SITTING_IN", "OTHER", "LEARNING_INTERVENTION", "SUGGESTION", "CONFRONTING_CONVERSATION"
          });

  private static int duration(String type, Random r) {
    return switch (type) {
      case "INDIVIDUAL_COACHING", "FEEDBACK_CONVERSATION" -> 45 + 15 * r.nextInt(4);
      case "TEAM_COACHING" -> 90 + 30 * r.nextInt(3);
      case "SITTING_IN" -> 60 + 30 * r.nextInt(3);
      case "CONFRONTING_CONVERSATION" -> 30 + 15 * r.nextInt(3);
      case "SUGGESTION" -> 15 + 15 * r.nextInt(2);
      case "LEARNING_INTERVENTION" -> 120 + 60 * r.nextInt(3);
      default -> 60;
    };
  }

  /** The state of a question as far as this loader needs to know. */
  private static final class Asked {
    final UUID id;
    final QuestionLevel level;
    final OwnerKind kind;
    final UUID person;
    final UUID unit;
    final int day;
    boolean active = true; // open or taken up
    int answers;

    Asked(UUID id, QuestionLevel level, OwnerKind kind, UUID person, UUID unit, int day) {
      this.id = id;
      this.level = level;
      this.kind = kind;
      this.person = person;
      this.unit = unit;
      this.day = day;
    }
  }

  /**
   * Loads the engagement unless it is there already. {@code manager} and {@code employee} are the
   * persons of the demo users, who own and join some of it.
   */
  /** The demo engagement, once loaded. */
  java.util.Optional<UUID> id(ClientScope scope) {
    return seeding.find(scope, TITLE);
  }

  void load(ClientScope scope, UUID coach, String coachEmail, UUID manager, UUID employee) {
    if (seeding.find(scope, TITLE).isPresent()) {
      return;
    }
    Random r = new Random(SEED);
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    LocalDate start = today.minusMonths(6);
    int days = (int) (today.toEpochDay() - start.toEpochDay());

    // The division of the demo manager (the unit just below the top) and all units under it.
    UUID managerUnit = people.find(scope, manager).orElseThrow().unitId();
    List<UUID> path = units.path(scope, managerUnit);
    UUID division = path.size() > 1 ? path.get(1) : path.get(0);
    Set<UUID> scopeUnits = new LinkedHashSet<>(units.subtree(scope, division));
    UUID sponsor = people.top(scope).orElseThrow();
    List<PersonRef> inScope = people.inUnits(scope, scopeUnits, 1000);
    Map<UUID, List<UUID>> byUnit = new LinkedHashMap<>();
    for (PersonRef p : inScope) {
      byUnit.computeIfAbsent(p.unitId(), k -> new ArrayList<>()).add(p.id());
    }
    List<UUID> teams = new ArrayList<>(byUnit.keySet());
    List<UUID> leads = new ArrayList<>();
    for (List<UUID> members : byUnit.values()) {
      leads.add(members.get(0));
    }

    UUID engagement =
        seeding.open(
            scope,
            new NewEngagement(
                TITLE,
                "De teams in de wijkzorg gaan zelf plannen en besluiten. Het traject ondersteunt"
                    + " teams, teamleiders en management bij die overgang.",
                sponsor,
                start.toString(),
                today.toString(),
                List.of(coach),
                List.copyOf(scopeUnits)),
            at(start, 9));
    List<UUID> decisions =
        List.of(
            seeding.decide(
                scope,
                engagement,
                "Zelforganiserende teams in de wijkzorg",
                "Vanaf dit jaar plannen de wijkteams hun eigen zorg en rooster.",
                start.minusDays(30).toString(),
                "Raad van bestuur"),
            seeding.decide(
                scope,
                engagement,
                "Eén planning voor zorg en facilitair",
                "Zorg en facilitair werken vanuit één gezamenlijke planning.",
                start.plusDays(40).toString(),
                "Managementteam"),
            seeding.decide(
                scope,
                engagement,
                "Teamleiders worden teamcoach",
                "De teamleiders ondersteunen de teams in plaats van te sturen.",
                start.plusDays(90).toString(),
                "Managementteam"));

    // 52 questions, asked over the first five and a half months; the last ones stay open.
    List<Asked> asked = new ArrayList<>();
    int total = 52;
    int indiv = 0;
    int team = 0;
    int org = 0;
    List<int[]> plan = new ArrayList<>(); // [day, index]
    for (int i = 0; i < total; i++) {
      plan.add(new int[] {2 + (int) ((long) i * (days - 6) / total) + r.nextInt(3), i});
    }
    // Follow-ups and everything else happen day by day, so that each step sees the state before.
    int[] interventionDays = new int[120];
    for (int i = 0; i < interventionDays.length; i++) {
      interventionDays[i] = 6 + r.nextInt(days - 8);
    }
    java.util.Arrays.sort(interventionDays);
    int nextQuestion = 0;
    int nextIntervention = 0;
    Map<Integer, List<Runnable>> later = new HashMap<>();
    for (int day = 0; day <= days; day++) {
      while (nextQuestion < total && plan.get(nextQuestion)[0] <= day) {
        int i = plan.get(nextQuestion)[1];
        nextQuestion++;
        QuestionLevel level;
        String text;
        OwnerKind kind;
        UUID person = null;
        UUID unit = null;
        int pick = i % 5;
        if (pick == 0 || pick == 2) {
          level = QuestionLevel.INDIVIDUAL;
          text = INDIVIDUAL.get(indiv++ % INDIVIDUAL.size());
          kind = OwnerKind.PERSON;
          person =
              i % 10 == 0
                  ? manager
                  : i % 10 == 7 ? employee : inScope.get(r.nextInt(inScope.size())).id();
        } else if (pick == 1 || pick == 3) {
          level = QuestionLevel.TEAM;
          text = TEAM.get(team++ % TEAM.size());
          kind = OwnerKind.TEAM;
          unit = i % 6 == 1 ? managerUnit : teams.get(r.nextInt(teams.size()));
        } else {
          level = QuestionLevel.ORGANISATION;
          text = ORGANISATION.get(org++ % ORGANISATION.size());
          kind = OwnerKind.MANAGEMENT;
        }
        UUID decision =
            level == QuestionLevel.INDIVIDUAL ? null : decisions.get(r.nextInt(decisions.size()));
        if (day < 40 && decision == decisions.get(1)) {
          decision = decisions.get(0);
        }
        String by =
            manager.equals(person)
                ? "manager@zorggroep-ijsselland.nl"
                : employee.equals(person) ? "employee@zorggroep-ijsselland.nl" : coachEmail;
        UUID id =
            seeding.ask(
                scope,
                engagement,
                new NewQuestion(text, level, kind, person, unit, decision, by),
                at(start.plusDays(day), 8 + r.nextInt(9)));
        Asked a = new Asked(id, level, kind, person, unit, day);
        asked.add(a);
        // Some are merged into an earlier one, parked, or asked back; the last ones stay open.
        if (i % 11 == 5 && asked.size() > 3) {
          Asked target = null;
          for (int k = asked.size() - 2; k >= 0 && target == null; k--) {
            if (asked.get(k).active && asked.get(k).level == level) {
              target = asked.get(k);
            }
          }
          if (target != null) {
            Asked into = target;
            a.active = false;
            later
                .computeIfAbsent(day + 2 + r.nextInt(5), k -> new ArrayList<>())
                .add(
                    () -> {
                      if (into.active) {
                        seeding.triage(scope, engagement, a.id, TriageAction.MERGE, null, into.id);
                      }
                    });
          }
        } else if (i % 9 == 4) {
          a.active = false;
          String reason = PARK_REASONS[r.nextInt(PARK_REASONS.length)];
          later
              .computeIfAbsent(day + 3 + r.nextInt(10), k -> new ArrayList<>())
              .add(() -> seeding.triage(scope, engagement, a.id, TriageAction.PARK, reason, null));
        } else if (i == 20 || i == 41) {
          a.active = false;
          later
              .computeIfAbsent(day + 2, k -> new ArrayList<>())
              .add(
                  () ->
                      seeding.triage(
                          scope,
                          engagement,
                          a.id,
                          TriageAction.ASK_BACK,
                          "Over welk team gaat het precies, en wie is er nog meer bij betrokken?",
                          null));
        }
      }
      for (Runnable step : later.getOrDefault(day, List.of())) {
        step.run();
      }
      while (nextIntervention < interventionDays.length
          && interventionDays[nextIntervention] <= day) {
        nextIntervention++;
        LocalDate held = start.plusDays(day);
        List<Asked> candidates = new ArrayList<>();
        for (Asked a : asked) {
          // The most recent questions are left open: nobody has answered them yet.
          if (a.active && a.day < day && a.day < days - 14) {
            candidates.add(a);
          }
        }
        if (candidates.isEmpty()) {
          continue;
        }
        // Younger, less answered questions are picked more often.
        candidates.sort((x, y) -> Integer.compare(x.answers, y.answers));
        Asked q = candidates.get(r.nextInt(Math.min(6, candidates.size())));
        List<UUID> answers = new ArrayList<>(List.of(q.id));
        for (Asked other : candidates) {
          if (other != q
              && other.kind == q.kind
              && q.kind == OwnerKind.MANAGEMENT
              && r.nextInt(4) == 0) {
            answers.add(other.id);
            other.answers++;
            break;
          }
        }
        q.answers++;
        String[] types = TYPES.get(q.level);
        String type = types[r.nextInt(types.length)];
        Set<UUID> persons = new LinkedHashSet<>();
        List<UUID> unitsJoined = new ArrayList<>();
        switch (q.kind) {
          case PERSON -> persons.add(q.person);
          case TEAM -> {
            unitsJoined.add(q.unit);
            List<UUID> members = byUnit.getOrDefault(q.unit, List.of());
            for (int k = 0; k < Math.min(3, members.size()); k++) {
              persons.add(members.get(r.nextInt(members.size())));
            }
            if (q.unit.equals(managerUnit)) {
              persons.add(manager);
              persons.add(employee);
            }
          }
          case MANAGEMENT -> {
            persons.add(manager);
            persons.add(leads.get(r.nextInt(leads.size())));
            if (r.nextBoolean()) {
              persons.add(sponsor);
            }
          }
        }
        List<UUID> owners = new ArrayList<>(persons);
        int count = r.nextInt(20) < 2 ? 0 : r.nextInt(20) < 13 ? 1 : 2;
        List<NewAgreement> agreements = new ArrayList<>();
        for (int k = 0; k < count && !owners.isEmpty(); k++) {
          agreements.add(
              new NewAgreement(
                  owners.get(k == 0 ? 0 : r.nextInt(owners.size())),
                  AGREEMENTS[r.nextInt(AGREEMENTS.length)],
                  held.plusDays(14 + 7 * r.nextInt(4)).toString()));
        }
        List<NewQuestion> followUps = new ArrayList<>();
        if (r.nextInt(12) == 0 && day < days - 20) {
          followUps.add(
              new NewQuestion(
                  FOLLOW_UPS[r.nextInt(FOLLOW_UPS.length)],
                  q.kind == OwnerKind.PERSON ? QuestionLevel.INDIVIDUAL : q.level,
                  q.kind,
                  q.person,
                  q.unit,
                  null,
                  coachEmail));
        }
        String[] notes = NOTES.get(type);
        Recorded rec =
            seeding.record(
                scope,
                engagement,
                new NewIntervention(
                    type,
                    held.toString(),
                    duration(type, r),
                    coach,
                    coachEmail,
                    List.copyOf(persons),
                    unitsJoined,
                    answers,
                    notes[r.nextInt(notes.length)],
                    agreements,
                    followUps),
                at(held, 17));
        for (UUID f : rec.followUps()) {
          asked.add(new Asked(f, q.level, q.kind, q.person, q.unit, day));
        }
        // Most participants said how useful it was, mostly useful; a few added a word.
        for (UUID person : persons) {
          if (r.nextInt(10) < 7) {
            int roll = r.nextInt(20);
            int rating = roll < 1 ? 2 : roll < 5 ? 3 : roll < 13 ? 4 : 5;
            String comment =
                r.nextInt(4) == 0 ? REACTION_COMMENTS[r.nextInt(REACTION_COMMENTS.length)] : null;
            seeding.react(scope, rec.id(), person, rating, comment, at(held, 20));
          }
        }
        // The owners have updated their older agreements; the recent ones are mostly still open.
        for (int k = 0; k < rec.agreements().size(); k++) {
          LocalDate due = LocalDate.parse(agreements.get(k).dueOn());
          int roll = r.nextInt(100);
          String status;
          if (due.isBefore(today.minusDays(7))) {
            status = roll < 55 ? "KEPT" : roll < 75 ? "ADJUSTED" : roll < 88 ? "DROPPED" : null;
          } else {
            status = roll < 20 ? "KEPT" : roll < 28 ? "ADJUSTED" : null;
          }
          if (status != null) {
            LocalDate on = due.isAfter(today) ? today : due;
            seeding.agreementStatus(scope, rec.agreements().get(k), status, at(on, 12));
          }
        }
        // Once worked on a few times, a question is often answered, sometimes parked.
        int roll = r.nextInt(10);
        if (q.answers >= 2 && roll < 3) {
          q.active = false;
          seeding.triage(scope, engagement, q.id, TriageAction.MARK_ANSWERED, null, null);
        } else if (q.answers >= 3 && roll == 9) {
          q.active = false;
          seeding.triage(
              scope,
              engagement,
              q.id,
              TriageAction.PARK,
              PARK_REASONS[r.nextInt(PARK_REASONS.length)],
              null);
        }
      }
    }
  }

  private static OffsetDateTime at(LocalDate day, int hour) {
    return day.atTime(hour, 0).atOffset(ZoneOffset.UTC);
  }
}
