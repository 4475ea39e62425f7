package nl.orgcoach.engagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import nl.orgcoach.access.AccessAdministration;
import nl.orgcoach.platform.NotFoundException;
import nl.orgcoach.platform.UserError;
import nl.orgcoach.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** The service, repositories and {@link EngagementAccess} against a real database. */
@IntegrationTest
@RecordApplicationEvents
class EngagementServiceTest {

  @Autowired ApplicationContext context;
  @Autowired EngagementService service;
  @Autowired JdbcClient jdbc;
  @Autowired AccessAdministration administration;
  @Autowired ApplicationEvents events;

  EngagementFixture fx;

  @BeforeEach
  void setUp() {
    fx = new EngagementFixture(context);
  }

  @Test
  void opensAnEngagementWithCoachScopeSponsorAndFirstDecision() {
    EngagementId id = service.open(fx.scope, fx.coach, fx.draft("Roosters", fx.coach));
    EngagementView v = service.view(fx.scope, fx.coach, id.value());
    assertThat(v.title()).isEqualTo("Roosters");
    assertThat(v.sponsorName()).isEqualTo("Els de Vries");
    assertThat(v.coaches()).extracting(Engagements.Named::id).containsExactly(fx.coach.id());
    assertThat(v.units())
        .extracting(Engagements.Named::name)
        .containsExactly("Team Noord", "Team Zuid");
    assertThat(v.decisions())
        .extracting(EngagementView.Decision::title)
        .containsExactly("Zelfroosteren");
  }

  @Test
  void badInputWritesNothing() {
    int before = count("engagement");
    var bad =
        new Engagement.Draft(
            "",
            null,
            null,
            "2026-13-01",
            null,
            List.of(),
            List.of(UUID.randomUUID()),
            "Besluit",
            null,
            "gisteren",
            null);
    assertThatThrownBy(() -> service.open(fx.scope, fx.coach, bad)).isInstanceOf(UserError.class);
    assertThat(count("engagement")).isEqualTo(before);
    assertThat(count("management_decision")).isEqualTo(0);
  }

  @Test
  void aCoachOfAnotherClientCannotBeMadeCoach() {
    var foreignCoach = fx.users.coach(fx.users.client("Elders"));
    assertThatThrownBy(() -> service.open(fx.scope, fx.coach, fx.draft("X", foreignCoach)))
        .isInstanceOf(UserError.class);
  }

  @Test
  void coachesSeeOnlyTheEngagementsTheyCoachAdminsAndClientPeopleSeeAll() {
    EngagementId mine = service.open(fx.scope, fx.coach, fx.draft("Mijn traject", fx.coach));
    EngagementId theirs =
        service.open(fx.scope, fx.otherCoach, fx.draft("Ander traject", fx.otherCoach));
    assertThat(service.list(fx.scope, fx.coach))
        .extracting(Engagements.Summary::title)
        .containsExactly("Mijn traject");
    assertThat(service.list(fx.scope, fx.admin)).hasSize(2);
    assertThat(service.list(fx.scope, fx.hr)).hasSize(2);
    assertThat(service.list(fx.scope, fx.employee)).hasSize(2);
    assertThatThrownBy(() -> service.view(fx.scope, fx.coach, theirs.value()))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> service.inbox(fx.scope, fx.coach, theirs.value(), null, null))
        .isInstanceOf(NotFoundException.class);
    assertThat(service.view(fx.scope, fx.hr, theirs.value()).title()).isEqualTo("Ander traject");
    assertThatThrownBy(() -> service.inbox(fx.scope, fx.hr, mine.value(), null, null))
        .isInstanceOf(AccessDeniedException.class);
  }

  @Test
  void anotherClientsEngagementDoesNotExistInThisScope() {
    EngagementFixture other = new EngagementFixture(context);
    EngagementId theirs =
        service.open(other.scope, other.coach, other.draft("Elders", other.coach));
    assertThat(service.list(fx.scope, fx.admin)).isEmpty();
    assertThatThrownBy(() -> service.view(fx.scope, fx.admin, theirs.value()))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(
            () ->
                service.ask(
                    fx.scope,
                    fx.employee,
                    theirs.value(),
                    new EngagementService.QuestionForm(
                        "Vraag", "TEAM", "MY_TEAM", null, null, null)))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void theUnitFilterFindsTheTeamsQuestionsAndThoseOfItsPeople() {
    EngagementId e = service.open(fx.scope, fx.coach, fx.draft("Filter", fx.coach));
    QuestionId team =
        service.ask(
            fx.scope,
            fx.employee,
            e.value(),
            new EngagementService.QuestionForm(
                "Voor het team", "TEAM", "MY_TEAM", null, null, null));
    QuestionId own =
        service.ask(
            fx.scope,
            fx.employee,
            e.value(),
            new EngagementService.QuestionForm("Voor mij", "INDIVIDUAL", "ME", null, null, null));
    service.ask(
        fx.scope,
        fx.employee,
        e.value(),
        new EngagementService.QuestionForm(
            "Voor de directie", "ORGANISATION", "MANAGEMENT", null, null, null));
    assertThat(service.inbox(fx.scope, fx.coach, e.value(), null, fx.teamA))
        .extracting(Questions.Row::id)
        .containsExactlyInAnyOrder(team.value(), own.value());
    assertThat(service.inbox(fx.scope, fx.coach, e.value(), QuestionStatus.OPEN, fx.teamA))
        .hasSize(2);
    assertThat(service.inbox(fx.scope, fx.coach, e.value(), null, fx.teamB)).isEmpty();
    assertThat(service.inbox(fx.scope, fx.coach, e.value(), QuestionStatus.PARKED, null)).isEmpty();
    assertThat(service.inbox(fx.scope, fx.coach, e.value(), null, null)).hasSize(3);
  }

  @Test
  void anEmployeeAsksForTheirTeamTheCoachTriagesAndEventsArePublished() {
    EngagementId e = service.open(fx.scope, fx.coach, fx.draft("Roosters", fx.coach));
    QuestionId q =
        service.ask(
            fx.scope,
            fx.employee,
            e.value(),
            new EngagementService.QuestionForm(
                "Hoe roosteren we zelf?", "TEAM", "MY_TEAM", null, null, null));
    Questions.Row row =
        service.inbox(fx.scope, fx.coach, e.value(), QuestionStatus.OPEN, fx.teamA).get(0);
    assertThat(row.id()).isEqualTo(q.value());
    assertThat(row.ownerKind()).isEqualTo(OwnerKind.TEAM);
    assertThat(row.unitName()).isEqualTo("Team Noord");
    assertThat(row.channel()).isEqualTo(Channel.APP);
    assertThat(service.inbox(fx.scope, fx.coach, e.value(), null, fx.teamB)).isEmpty();
    // A unit's inbox holds the questions of the units below it; a foreign unit's holds nothing.
    assertThat(service.inbox(fx.scope, fx.coach, e.value(), null, fx.top))
        .extracting(Questions.Row::id)
        .containsExactly(q.value());
    assertThat(service.inbox(fx.scope, fx.coach, e.value(), null, UUID.randomUUID())).isEmpty();
    assertThat(service.mine(fx.scope, fx.employee, e.value()))
        .extracting(Questions.Row::id)
        .containsExactly(q.value());
    assertThat(events.stream(QuestionAsked.class)).anyMatch(a -> a.question().equals(q));

    Questions.Row taken =
        service.triage(
            fx.scope,
            fx.coach,
            e.value(),
            q.value(),
            new EngagementService.Triage(TriageAction.TAKE_UP, null, null));
    assertThat(taken.status()).isEqualTo(QuestionStatus.TAKEN_UP);
    assertThat(events.stream(QuestionTriaged.class))
        .anyMatch(t -> t.question().equals(q) && t.to() == QuestionStatus.TAKEN_UP);
    assertThatThrownBy(
            () ->
                service.triage(
                    fx.scope,
                    fx.otherCoach,
                    e.value(),
                    q.value(),
                    new EngagementService.Triage(TriageAction.PARK, "x", null)))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void aCoachMustNameTheOwnerAndIsNeverOne() {
    EngagementId e = service.open(fx.scope, fx.coach, fx.draft("Roosters", fx.coach));
    assertThatThrownBy(
            () ->
                service.ask(
                    fx.scope,
                    fx.coach,
                    e.value(),
                    new EngagementService.QuestionForm("Gehoord", "TEAM", "ME", null, null, null)))
        .isInstanceOf(UserError.class);
    assertThatThrownBy(
            () ->
                service.ask(
                    fx.scope,
                    fx.coach,
                    e.value(),
                    new EngagementService.QuestionForm("Gehoord", "TEAM", null, null, null, null)))
        .isInstanceOf(UserError.class);
    QuestionId q =
        service.ask(
            fx.scope,
            fx.coach,
            e.value(),
            new EngagementService.QuestionForm(
                "Gehoord", "INDIVIDUAL", "PERSON", fx.els, null, null));
    Questions.Row row = service.question(fx.scope, fx.coach, e.value(), q.value());
    assertThat(row.ownerName()).isEqualTo("Els de Vries");
    assertThat(row.channel()).isEqualTo(Channel.COACH);
    assertThat(row.registeredBy()).isEqualTo(fx.coach.email());
  }

  @Test
  void mergeParkAndReopenAreStoredAndAQuestionIsNeverDeleted() {
    EngagementId e = service.open(fx.scope, fx.coach, fx.draft("Roosters", fx.coach));
    var form = new EngagementService.QuestionForm("Roosters", "TEAM", "TEAM", null, fx.teamB, null);
    QuestionId a = service.ask(fx.scope, fx.hr, e.value(), form);
    QuestionId b = service.ask(fx.scope, fx.hr, e.value(), form);
    Questions.Row merged =
        service.triage(
            fx.scope,
            fx.admin,
            e.value(),
            a.value(),
            new EngagementService.Triage(TriageAction.MERGE, null, b.value()));
    assertThat(merged.status()).isEqualTo(QuestionStatus.MERGED);
    assertThat(merged.mergedInto()).isEqualTo(b.value());
    service.triage(
        fx.scope,
        fx.coach,
        e.value(),
        b.value(),
        new EngagementService.Triage(TriageAction.PARK, "Na de zomer", null));
    assertThatThrownBy(
            () ->
                service.triage(
                    fx.scope,
                    fx.coach,
                    e.value(),
                    b.value(),
                    new EngagementService.Triage(TriageAction.PARK, "weer", null)))
        .isInstanceOf(UserError.class);
    Questions.Row reopened =
        service.triage(
            fx.scope,
            fx.coach,
            e.value(),
            b.value(),
            new EngagementService.Triage(TriageAction.REOPEN, null, null));
    assertThat(reopened.status()).isEqualTo(QuestionStatus.OPEN);
    assertThat(service.inbox(fx.scope, fx.coach, e.value(), null, null)).hasSize(2);
    assertThat(
            jdbc.sql("SELECT count(*) FROM question WHERE client_id = :c")
                .param("c", fx.client.value())
                .query(Integer.class)
                .single())
        .isEqualTo(2);
  }

  @Test
  void decisionsAreForTheEngagementsCoaches() {
    EngagementId e = service.open(fx.scope, fx.coach, fx.draft("Roosters", fx.coach));
    service.decide(fx.scope, fx.coach, e.value(), "Nieuwe koers", null, "2026-02-01", "MT");
    assertThat(service.view(fx.scope, fx.hr, e.value()).decisions()).hasSize(2);
    assertThatThrownBy(
            () -> service.decide(fx.scope, fx.hr, e.value(), "X", null, "2026-02-01", "MT"))
        .isInstanceOf(AccessDeniedException.class);
  }

  private int count(String table) {
    return jdbc.sql("SELECT count(*) FROM " + table + " WHERE client_id = :c")
        .param("c", fx.client.value())
        .query(Integer.class)
        .single();
  }
}
