package nl.orgcoach.engagement;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Locale;
import java.util.UUID;
import nl.orgcoach.access.ClientScope;
import nl.orgcoach.access.UserAccount;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The trail of an engagement as JSON: the same nodes and edges as the page, never notes. */
@RestController
@Tag(name = "Engagements", description = "Engagements, management decisions and questions")
class TrailApiController {

  private final TrailService service;
  private final TrailPresenter presenter;

  TrailApiController(TrailService service, TrailPresenter presenter) {
    this.service = service;
    this.presenter = presenter;
  }

  @GetMapping("/api/v1/clients/{clientId}/engagements/{engagementId}/trail")
  @Operation(
      summary = "The trail of an engagement: questions, interventions, agreements, follow-ups",
      description =
          "Nodes (kind QUESTION, INTERVENTION or AGREEMENT) in time order and edges (ANSWERED_BY"
              + " question→intervention, AGREED intervention→agreement, RAISED"
              + " intervention→follow-up question, FOLLOW_UP question→question). Filters: unit"
              + " (that unit and every unit below it), person (owner or participant), from/to"
              + " (yyyy-MM-dd, inclusive; default the last 3 months up to today). At most 2000"
              + " nodes, the earliest first; truncated says when there were more. Coaches of the"
              + " engagement, admins, HR and the sponsor get the whole trail, others only what"
              + " they own, put or took part in (whole=false). Never contains notes.")
  TrailPresenter.Json trail(
      ClientScope scope,
      @AuthenticationPrincipal UserAccount me,
      @PathVariable UUID engagementId,
      @Parameter(description = "a unit id: that unit and its subtree")
          @RequestParam(required = false)
          String unit,
      @Parameter(description = "a person id: owner or participant") @RequestParam(required = false)
          String person,
      @Parameter(description = "yyyy-MM-dd") @RequestParam(required = false) String from,
      @Parameter(description = "yyyy-MM-dd") @RequestParam(required = false) String to,
      Locale locale) {
    TrailService.View view =
        service.trail(scope, me, engagementId, new TrailService.Request(unit, person, from, to));
    return presenter.json(scope.clientId(), view, locale);
  }
}
