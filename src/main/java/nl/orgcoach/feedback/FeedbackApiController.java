package nl.orgcoach.feedback;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.orgcoach.access.ClientScope;
import nl.orgcoach.access.UserAccount;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Feedback rounds as JSON. A round is for the person it is about and for coaches and admins; no
 * answer says who answered or what one rater said, and results come from {@link FeedbackAnonymity}
 * only.
 */
@RestController
@Tag(name = "Feedback", description = "Feedback rounds on chosen behaviours")
class FeedbackApiController {

  private final FeedbackService service;
  private final FeedbackSettings settings;
  private final FeedbackHeatmap heatmap;
  private final HeatmapAudit audit;

  FeedbackApiController(
      FeedbackService service,
      FeedbackSettings settings,
      FeedbackHeatmap heatmap,
      HeatmapAudit audit) {
    this.service = service;
    this.settings = settings;
    this.heatmap = heatmap;
    this.audit = audit;
  }

  /**
   * The address of the current request, which mailed links start with unless {@code
   * orgcoach.feedback.public-url} is set.
   */
  static String baseUrl(FeedbackSettings settings) {
    return ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
  }

  @GetMapping("/api/v1/clients/{clientId}/feedback/rounds")
  @Operation(summary = "Feedback rounds: my own, or every round of the client for coaches/admins")
  List<FeedbackService.RoundSummary> list(
      ClientScope scope, @AuthenticationPrincipal UserAccount me) {
    return service.list(scope, me);
  }

  @GetMapping("/api/v1/clients/{clientId}/feedback/rounds/suggestions")
  @Operation(
      summary = "Raters from the org chart (manager, peers, direct reports) and open agreements",
      description = "For my own person, or with personId (coaches, admins) for someone else.")
  FeedbackService.Suggestions suggestions(
      ClientScope scope,
      @AuthenticationPrincipal UserAccount me,
      @RequestParam(required = false) UUID personId) {
    return service.suggestions(scope, me, personId);
  }

  @PostMapping("/api/v1/clients/{clientId}/feedback/rounds")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Start a round: 1-6 behaviours, raters with a group, a close date; mails the links",
      description =
          "ratee null: my own person. A rater is a personId (e-mail from the org chart) or an"
              + " e-mail address; group MANAGER, PEER, DIRECT_REPORT or OTHER; language nl"
              + " (default) or en. The person gets a link to rate themself.")
  Map<String, UUID> start(
      ClientScope scope,
      @AuthenticationPrincipal UserAccount me,
      @RequestBody FeedbackService.NewRound round) {
    return Map.of("id", service.start(scope, me, round, baseUrl(settings)));
  }

  @GetMapping("/api/v1/clients/{clientId}/feedback/rounds/{roundId}")
  @Operation(summary = "A round with its progress: how many answered per group, never who")
  FeedbackService.RoundView round(
      ClientScope scope, @AuthenticationPrincipal UserAccount me, @PathVariable UUID roundId) {
    return service.view(scope, me, roundId);
  }

  @GetMapping("/api/v1/clients/{clientId}/feedback/rounds/{roundId}/results")
  @Operation(
      summary = "Results of a closed round, with the anonymity rule applied",
      description =
          "Per behaviour: self, the manager when named, all others and each group that may be"
              + " shown (n, mean, rwg); a group below the threshold is merged into OTHERS or"
              + " hidden, without numbers. While the round is open: closed false and no results.")
  FeedbackService.Results results(
      ClientScope scope, @AuthenticationPrincipal UserAccount me, @PathVariable UUID roundId) {
    return service.results(scope, me, roundId);
  }

  @PostMapping("/api/v1/clients/{clientId}/feedback/rounds/{roundId}/reminders")
  @Operation(summary = "Re-send the invitation, with a fresh link, to raters who did not answer")
  Map<String, Integer> remind(
      ClientScope scope, @AuthenticationPrincipal UserAccount me, @PathVariable UUID roundId) {
    return Map.of("sent", service.remind(scope, me, roundId, baseUrl(settings)));
  }

  @PostMapping("/api/v1/clients/{clientId}/feedback/rounds/{roundId}/close")
  @Operation(summary = "Close a round now (links stop working; results become visible)")
  FeedbackService.RoundView close(
      ClientScope scope, @AuthenticationPrincipal UserAccount me, @PathVariable UUID roundId) {
    service.close(scope, me, roundId);
    return service.view(scope, me, roundId);
  }

  @GetMapping("/api/v1/clients/{clientId}/feedback/heatmap")
  @Operation(
      summary = "Others' ratings by unit and framework behaviour, with the anonymity rule applied",
      description =
          "For HR and admins (every engagement) and an engagement's sponsor (its scope). Rows:"
              + " the top units, or the units just below unit; columns: the behaviours of the"
              + " engagement's framework (default: the newest engagement the user may see). A"
              + " cell has ratings, ratees and mean only when shown. Period: rounds closed from"
              + " from to to (yyyy-mm-dd; default the last twelve months). A ratee counts in their"
              + " current unit.")
  FeedbackHeatmap.Heatmap heatmap(
      ClientScope scope,
      @AuthenticationPrincipal UserAccount me,
      @RequestParam(required = false) UUID engagement,
      @RequestParam(required = false) UUID unit,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      java.util.Locale locale) {
    return audit.viewed(
        scope, heatmap.heatmap(scope, me, engagement, unit, from, to, locale), "api");
  }
}
