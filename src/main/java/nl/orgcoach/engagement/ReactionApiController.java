package nl.orgcoach.engagement;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import nl.orgcoach.access.ClientScope;
import nl.orgcoach.access.UserAccount;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reactions as JSON. A participant sets their own; the engagement's coaches and admins read the
 * {@link ReactionSummary} (shown from 3 answers). No answer ever says who reacted.
 */
@RestController
@Tag(name = "Engagements", description = "Engagements, management decisions and questions")
class ReactionApiController {

  private final ReactionService service;

  ReactionApiController(ReactionService service) {
    this.service = service;
  }

  /** A reaction: rating 1-5 and an optional comment (at most 1000 characters). */
  record ReactionForm(Integer rating, String comment) {}

  @GetMapping("/api/v1/clients/{clientId}/my/reactions")
  @Operation(
      summary =
          "The interventions I took part in during the last 60 days, with my own reaction if any")
  List<Reactions.Mine> mine(ClientScope scope, @AuthenticationPrincipal UserAccount me) {
    return service.recent(scope, me);
  }

  @PutMapping("/api/v1/clients/{clientId}/interventions/{interventionId}/reaction")
  @Operation(
      summary = "Give or change my reaction to an intervention I took part in",
      description = "One reaction per participant and intervention; a second PUT changes it.")
  Reactions.Mine react(
      ClientScope scope,
      @AuthenticationPrincipal UserAccount me,
      @PathVariable UUID interventionId,
      @RequestBody ReactionForm form) {
    return service.react(
        scope,
        me,
        interventionId,
        new Reaction.Answer(
            form.rating() == null ? null : String.valueOf(form.rating()), form.comment()));
  }

  @GetMapping(
      "/api/v1/clients/{clientId}/engagements/{engagementId}/interventions/{interventionId}/reactions")
  @Operation(
      summary = "The reactions to an intervention, aggregated (the engagement's coaches, admin)",
      description =
          "Below 3 answers only their number; from 3: mean, distribution over 1-5 and the"
              + " comments, unattributed and sorted.")
  ReactionSummary summary(
      ClientScope scope,
      @AuthenticationPrincipal UserAccount me,
      @PathVariable UUID engagementId,
      @PathVariable UUID interventionId) {
    return service.summary(scope, me, engagementId, interventionId);
  }
}
