package nl.orgcoach.engagement;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import nl.orgcoach.access.ClientScope;
import nl.orgcoach.access.UserAccount;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Engagements and questions as JSON, with the same rules as the pages (through {@link
 * EngagementService} and {@link EngagementAccess}). There is no DELETE of a question, by design.
 */
@RestController
@RequestMapping("/api/v1/clients/{clientId}/engagements")
@Tag(name = "Engagements", description = "Engagements, management decisions and questions")
class EngagementApiController {

  private final EngagementService service;

  EngagementApiController(EngagementService service) {
    this.service = service;
  }

  /** A management decision as put in (date as yyyy-MM-dd). */
  record DecisionForm(String title, String description, String decidedOn, String decidedBy) {}

  @GetMapping
  @Operation(summary = "The engagements the caller may see (a coach: those they coach)")
  List<Engagements.Summary> list(ClientScope scope, @AuthenticationPrincipal UserAccount me) {
    return service.list(scope, me);
  }

  @PostMapping
  @Operation(summary = "Open an engagement (admin, coach); dates as yyyy-MM-dd")
  ResponseEntity<EngagementView> open(
      ClientScope scope,
      @AuthenticationPrincipal UserAccount me,
      @RequestBody Engagement.Draft draft) {
    EngagementId id = service.open(scope, me, draft);
    return ResponseEntity.created(URI.create(base(scope) + "/" + id))
        .body(service.view(scope, me, id.value()));
  }

  @GetMapping("/{engagementId}")
  @Operation(summary = "One engagement: coaches, scope, sponsor, management decisions")
  EngagementView get(
      ClientScope scope, @AuthenticationPrincipal UserAccount me, @PathVariable UUID engagementId) {
    return service.view(scope, me, engagementId);
  }

  @PostMapping("/{engagementId}/decisions")
  @Operation(summary = "Add a management decision (the engagement's coaches, admin)")
  ResponseEntity<EngagementView.Decision> decide(
      ClientScope scope,
      @AuthenticationPrincipal UserAccount me,
      @PathVariable UUID engagementId,
      @RequestBody DecisionForm form) {
    ManagementDecision d =
        service.decide(
            scope,
            me,
            engagementId,
            form.title(),
            form.description(),
            form.decidedOn(),
            form.decidedBy());
    return ResponseEntity.created(URI.create(base(scope) + "/" + engagementId))
        .body(
            new EngagementView.Decision(
                d.id(), d.title(), d.description(), d.decidedOn(), d.decidedBy()));
  }

  @GetMapping("/{engagementId}/questions")
  @Operation(summary = "The inbox: questions by age, filtered by status and unit (coaches, admin)")
  List<Questions.Row> questions(
      ClientScope scope,
      @AuthenticationPrincipal UserAccount me,
      @PathVariable UUID engagementId,
      @RequestParam(required = false) QuestionStatus status,
      @RequestParam(required = false) UUID unitId) {
    return service.inbox(scope, me, engagementId, status, unitId);
  }

  @PostMapping("/{engagementId}/questions")
  @Operation(
      summary = "Put a question",
      description =
          "owner: ME or MY_TEAM (the caller's person), PERSON (ownerPersonId), TEAM (ownerUnitId)"
              + " or MANAGEMENT; a coach must name a person or team of the client")
  ResponseEntity<Questions.Row> ask(
      ClientScope scope,
      @AuthenticationPrincipal UserAccount me,
      @PathVariable UUID engagementId,
      @RequestBody EngagementService.QuestionForm form) {
    QuestionId id = service.ask(scope, me, engagementId, form);
    return ResponseEntity.created(URI.create(base(scope) + "/" + engagementId + "/questions/" + id))
        .body(service.question(scope, me, engagementId, id.value()));
  }

  @GetMapping("/{engagementId}/questions/{questionId}")
  @Operation(summary = "One question (its coaches, admin, and whoever put it)")
  Questions.Row question(
      ClientScope scope,
      @AuthenticationPrincipal UserAccount me,
      @PathVariable UUID engagementId,
      @PathVariable UUID questionId) {
    return service.question(scope, me, engagementId, questionId);
  }

  @PostMapping("/{engagementId}/questions/{questionId}/triage")
  @Operation(
      summary =
          "Triage a question: TAKE_UP, PARK, ASK_BACK, WITHDRAW (with reason), MERGE"
              + " (with target), REOPEN")
  Questions.Row triage(
      ClientScope scope,
      @AuthenticationPrincipal UserAccount me,
      @PathVariable UUID engagementId,
      @PathVariable UUID questionId,
      @RequestBody EngagementService.Triage triage) {
    return service.triage(scope, me, engagementId, questionId, triage);
  }

  private static String base(ClientScope scope) {
    return "/api/v1/clients/" + scope.clientId() + "/engagements";
  }
}
