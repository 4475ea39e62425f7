package nl.orgcoach.engagement;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.OffsetDateTime;
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
import org.springframework.web.bind.annotation.RestController;

/**
 * Intake links as JSON (the engagement's coaches and admins). The public side has no JSON: the
 * public page is the channel.
 */
@RestController
@RequestMapping("/api/v1/clients/{clientId}/engagements/{engagementId}/intake-links")
@Tag(name = "Engagements", description = "Engagements, management decisions and questions")
class IntakeApiController {

  private final IntakeService service;

  IntakeApiController(IntakeService service) {
    this.service = service;
  }

  /** A new link: for a team of the engagement's scope when {@code unitId} is set. */
  record LinkForm(UUID unitId, Integer validDays) {}

  /** A link; {@code url} only in the answer that created it (the secret is not stored). */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record LinkView(
      UUID id,
      UUID engagementId,
      UUID unitId,
      String unitName,
      String createdBy,
      OffsetDateTime createdAt,
      OffsetDateTime expiresAt,
      OffsetDateTime revokedAt,
      int usedCount,
      OffsetDateTime lastUsedAt,
      boolean active,
      String url) {

    static LinkView of(IntakeLinks.Row r, String url) {
      return new LinkView(
          r.id(),
          r.engagementId(),
          r.unitId(),
          r.unitName(),
          r.createdBy(),
          r.createdAt(),
          r.expiresAt(),
          r.revokedAt(),
          r.usedCount(),
          r.lastUsedAt(),
          r.activeAt(OffsetDateTime.now()),
          url);
    }
  }

  @GetMapping
  @Operation(summary = "The intake links of an engagement, with how often each was used")
  List<LinkView> list(
      ClientScope scope, @AuthenticationPrincipal UserAccount me, @PathVariable UUID engagementId) {
    return service.list(scope, me, engagementId).stream().map(r -> LinkView.of(r, null)).toList();
  }

  @PostMapping
  @Operation(
      summary = "Make an intake link (the engagement's coaches, admin)",
      description =
          "For the engagement, or for one team of its scope (unitId); validDays 1-3650 or none."
              + " The answer's url holds the secret: it is shown only this once.")
  ResponseEntity<LinkView> create(
      ClientScope scope,
      @AuthenticationPrincipal UserAccount me,
      @PathVariable UUID engagementId,
      @RequestBody LinkForm form) {
    IntakeService.NewLink link =
        service.create(scope, me, engagementId, form.unitId(), form.validDays());
    return ResponseEntity.created(
            URI.create(
                "/api/v1/clients/"
                    + scope.clientId()
                    + "/engagements/"
                    + engagementId
                    + "/intake-links/"
                    + link.link().id()))
        .body(LinkView.of(link.link(), IntakePagesController.url("/intake/", link.secret())));
  }

  @PostMapping("/{linkId}/revoke")
  @Operation(summary = "Revoke an intake link: it answers as unknown from now on")
  LinkView revoke(
      ClientScope scope,
      @AuthenticationPrincipal UserAccount me,
      @PathVariable UUID engagementId,
      @PathVariable UUID linkId) {
    return LinkView.of(service.revoke(scope, me, engagementId, linkId), null);
  }
}
