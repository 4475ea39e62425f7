package nl.orgcoach.engagement;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import nl.orgcoach.access.ClientScope;
import nl.orgcoach.access.UserAccount;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Interventions, agreements and the coachee's home as JSON. Notes appear only in the detail of one
 * intervention, only for those {@link NoteAccess} allows, and every such read is audited.
 */
@RestController
@Tag(name = "Engagements", description = "Engagements, management decisions and questions")
class InterventionApiController {

  private final InterventionService service;

  InterventionApiController(InterventionService service) {
    this.service = service;
  }

  /** A new agreement's status. */
  record StatusForm(String status) {}

  /** The person of the client a coachee shares the notes with. */
  record ShareForm(UUID personId) {}

  /** What was shared with whom (never the notes themselves). */
  record Shared(UUID interventionId, UUID personId) {}

  @GetMapping("/api/v1/clients/{clientId}/engagements/{engagementId}/interventions")
  @Operation(summary = "The interventions of an engagement (never with notes)")
  List<Interventions.Summary> list(
      ClientScope scope, @AuthenticationPrincipal UserAccount me, @PathVariable UUID engagementId) {
    return service.list(scope, me, engagementId);
  }

  @PostMapping("/api/v1/clients/{clientId}/engagements/{engagementId}/interventions")
  @Operation(
      summary = "Record an intervention (the engagement's coaches, admin)",
      description =
          "At least one question of the engagement; agreements owned by participant persons;"
              + " heldOn and dueOn as yyyy-MM-dd")
  ResponseEntity<InterventionView> record(
      ClientScope scope,
      @AuthenticationPrincipal UserAccount me,
      @PathVariable UUID engagementId,
      @RequestBody Intervention.Draft draft) {
    UUID id = service.record(scope, me, engagementId, draft);
    return ResponseEntity.created(
            URI.create(
                "/api/v1/clients/"
                    + scope.clientId()
                    + "/engagements/"
                    + engagementId
                    + "/interventions/"
                    + id))
        .body(service.view(scope, me, engagementId, id));
  }

  @GetMapping(
      "/api/v1/clients/{clientId}/engagements/{engagementId}/interventions/{interventionId}")
  @Operation(
      summary = "One intervention; notes only for its coaches, coachees and sharees (audited)")
  InterventionView get(
      ClientScope scope,
      @AuthenticationPrincipal UserAccount me,
      @PathVariable UUID engagementId,
      @PathVariable UUID interventionId) {
    return service.view(scope, me, engagementId, interventionId);
  }

  @PostMapping(
      "/api/v1/clients/{clientId}/engagements/{engagementId}/interventions/{interventionId}/note-shares")
  @Operation(
      summary = "A coachee shares the intervention's confidential notes with a person (audited)",
      description =
          "Only a participant person of the intervention may share; 422 for an unknown person")
  ResponseEntity<Shared> share(
      ClientScope scope,
      @AuthenticationPrincipal UserAccount me,
      @PathVariable UUID engagementId,
      @PathVariable UUID interventionId,
      @RequestBody ShareForm form) {
    service.share(scope, me, engagementId, interventionId, form.personId());
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(new Shared(interventionId, form.personId()));
  }

  @PutMapping("/api/v1/clients/{clientId}/agreements/{agreementId}/status")
  @Operation(summary = "Update an agreement's status: OPEN, KEPT, ADJUSTED, DROPPED (its owner)")
  Interventions.AgreementRow status(
      ClientScope scope,
      @AuthenticationPrincipal UserAccount me,
      @PathVariable UUID agreementId,
      @RequestBody StatusForm form) {
    return service.updateAgreement(scope, me, agreementId, form.status());
  }

  @GetMapping("/api/v1/clients/{clientId}/my")
  @Operation(summary = "My questions, my agreements and the interventions I took part in")
  MyView my(ClientScope scope, @AuthenticationPrincipal UserAccount me) {
    return service.my(scope, me);
  }
}
