package nl.orgcoach.observation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import nl.orgcoach.access.ClientScope;
import nl.orgcoach.access.Clients;
import nl.orgcoach.access.UserAccount;
import nl.orgcoach.platform.FormErrors;
import nl.orgcoach.platform.UserError;
import nl.orgcoach.stats.IncongruenceSettings;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The incongruence analysis of an engagement, as a page and as JSON; both for the engagement's
 * coaches only ({@link ObservationAccess#observe}). The rule's parameters come as query parameters
 * ({@link IncongruenceParameters}); out of bounds they get a message in the user's language (422).
 */
@Controller
@Tag(name = "Observations", description = "On-the-job observations by hierarchical constellation")
class IncongruenceController {

  private final IncongruenceService service;
  private final Clients clients;
  private final FormErrors formErrors;

  IncongruenceController(IncongruenceService service, Clients clients, FormErrors formErrors) {
    this.service = service;
    this.clients = clients;
    this.formErrors = formErrors;
  }

  @GetMapping("/c/{clientId}/engagements/{engagementId}/incongruence")
  @PreAuthorize("hasAnyRole('ADMIN','COACH')")
  String page(
      ClientScope scope,
      @AuthenticationPrincipal UserAccount me,
      @PathVariable UUID engagementId,
      IncongruenceParameters parameters,
      Locale locale,
      Model model,
      HttpServletResponse response) {
    Map<String, String> errors = Map.of();
    IncongruenceView view = null;
    try {
      view = service.report(scope, me, engagementId, parameters, locale);
    } catch (UserError e) {
      response.setStatus(422);
      errors = formErrors.byField(e, locale);
    }
    model.addAttribute("client", clients.get(scope));
    model.addAttribute("engagementId", engagementId);
    model.addAttribute("parameters", parameters);
    model.addAttribute("view", view);
    model.addAttribute("errors", errors);
    model.addAttribute("bounds", Bounds.INSTANCE);
    model.addAttribute("defaults", IncongruenceSettings.defaults().rule());
    return "observation/incongruence";
  }

  @GetMapping("/api/v1/clients/{clientId}/engagements/{engagementId}/incongruence")
  @ResponseBody
  @Operation(
      summary = "The incongruence analysis: flagged people × behaviours with their evidence",
      description =
          "The engagement's coaches only. Optional query parameters vary the evidence rule within"
              + " bounds that never go below METHODS.md §4: minObservations (3-100), margin"
              + " (0.10-0.50), minProbability (0.90-0.999), minBehaviours (2-20), minPeriods (2-8);"
              + " out of bounds 422. Computed on demand and cached until an observation is added")
  IncongruenceView api(
      ClientScope scope,
      @AuthenticationPrincipal UserAccount me,
      @PathVariable UUID engagementId,
      IncongruenceParameters parameters,
      Locale locale) {
    return service.report(scope, me, engagementId, parameters, locale);
  }

  /** The bounds of the parameters, for the form's inputs. */
  record Bounds(
      int minObservationsFrom,
      int minObservationsTo,
      String marginFrom,
      String marginTo,
      String minProbabilityFrom,
      String minProbabilityTo,
      int minBehavioursFrom,
      int minBehavioursTo,
      int minPeriodsFrom,
      int minPeriodsTo) {
    static final Bounds INSTANCE =
        new Bounds(
            IncongruenceParameters.MIN_OBSERVATIONS_FROM,
            IncongruenceParameters.MIN_OBSERVATIONS_TO,
            IncongruenceParameters.MARGIN_FROM.toPlainString(),
            IncongruenceParameters.MARGIN_TO.toPlainString(),
            IncongruenceParameters.PROBABILITY_FROM.toPlainString(),
            IncongruenceParameters.PROBABILITY_TO.toPlainString(),
            IncongruenceParameters.MIN_BEHAVIOURS_FROM,
            IncongruenceParameters.MIN_BEHAVIOURS_TO,
            IncongruenceParameters.MIN_PERIODS_FROM,
            IncongruenceParameters.MIN_PERIODS_TO);
  }
}
