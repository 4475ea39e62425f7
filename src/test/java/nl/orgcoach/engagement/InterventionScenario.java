package nl.orgcoach.engagement;

import java.util.List;
import java.util.UUID;
import nl.orgcoach.access.Role;
import nl.orgcoach.access.UserAccount;
import nl.orgcoach.support.TestPeople;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * On top of {@link EngagementFixture}: an engagement coached by both coaches, a question of Els,
 * and a team-coaching intervention of the first coach that answers it, with Els and a manager (Mo)
 * as participants, an agreement for Mo and notes that Els shared with Sam. Users for every seat of
 * the note-confidentiality matrix.
 */
final class InterventionScenario {

  static final String NOTES = "Vertrouwelijk: spanning tussen Mo en het team";

  final EngagementFixture fx;
  final UUID mo = UUID.randomUUID();
  final UUID sam = UUID.randomUUID();
  final UUID kim = UUID.randomUUID();
  final UUID lex = UUID.randomUUID();
  final UserAccount coachee;
  final UserAccount managerTookPart;
  final UserAccount sharee;
  final UserAccount otherEmployee;
  final UserAccount managerNotPart;
  final UUID engagement;
  final UUID question;
  final UUID intervention;
  final UUID agreement;

  InterventionScenario(ApplicationContext context) {
    fx = new EngagementFixture(context);
    JdbcClient jdbc = context.getBean(JdbcClient.class);
    person(jdbc, mo, "mo", "Mo");
    person(jdbc, sam, "sam", "Sam");
    person(jdbc, kim, "kim", "Kim");
    person(jdbc, lex, "lex", "Lex");
    coachee = fx.employee;
    managerTookPart = fx.users.personUser(Role.MANAGER, fx.client, mo);
    sharee = fx.users.personUser(Role.EMPLOYEE, fx.client, sam);
    otherEmployee = fx.users.personUser(Role.EMPLOYEE, fx.client, kim);
    managerNotPart = fx.users.personUser(Role.MANAGER, fx.client, lex);
    EngagementService engagements = context.getBean(EngagementService.class);
    InterventionService interventions = context.getBean(InterventionService.class);
    Engagement.Draft d = fx.draft("Roosters", fx.coach);
    engagement =
        engagements
            .open(
                fx.scope,
                fx.coach,
                new Engagement.Draft(
                    d.title(),
                    d.description(),
                    d.sponsorPersonId(),
                    d.startsOn(),
                    d.endsOn(),
                    List.of(fx.coach.id(), fx.otherCoach.id()),
                    d.units(),
                    null,
                    null,
                    null,
                    null))
            .value();
    question =
        engagements
            .ask(
                fx.scope,
                coachee,
                engagement,
                new EngagementService.QuestionForm(
                    "Hoe maken we samen het rooster?", "TEAM", "MY_TEAM", null, null, null))
            .value();
    intervention =
        interventions.record(
            fx.scope,
            fx.coach,
            engagement,
            new Intervention.Draft(
                "TEAM_COACHING",
                "2026-03-02",
                "90",
                List.of(fx.coach.id()),
                List.of(fx.els, mo),
                List.of(fx.teamA),
                List.of(question),
                NOTES,
                List.of(new Intervention.AgreementDraft(mo, "Rooster met het team maken", null)),
                List.of(
                    new Intervention.FollowUpDraft(
                        "Wie beslist over de weekenden?", "TEAM", Question.Owner.team(fx.teamA)))));
    interventions.share(fx.scope, coachee, engagement, intervention, sam);
    agreement =
        jdbc.sql("SELECT id FROM agreement WHERE intervention_id = :i")
            .param("i", intervention)
            .query(UUID.class)
            .single();
  }

  private void person(JdbcClient jdbc, UUID id, String ext, String name) {
    TestPeople.insert(jdbc, fx.client, id, ext, name, "Jansen", fx.teamA);
  }
}
