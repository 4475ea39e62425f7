package nl.orgcoach.engagement;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import nl.orgcoach.access.ClientScope;
import nl.orgcoach.access.Clients;
import nl.orgcoach.access.UserAccount;
import nl.orgcoach.platform.FormErrors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Reactions in the UI, as htmx blocks inside existing pages: the coachee's list of recent
 * interventions to rate (on their home page), and the summary and reaction link on an
 * intervention's page (its coaches and admins).
 */
@Controller
class ReactionPagesController {

  private final ReactionService service;
  private final Clients clients;
  private final FormErrors formErrors;

  ReactionPagesController(ReactionService service, Clients clients, FormErrors formErrors) {
    this.service = service;
    this.clients = clients;
    this.formErrors = formErrors;
  }

  @GetMapping("/c/{clientId}/my/reactions")
  String mine(ClientScope scope, @AuthenticationPrincipal UserAccount me, Model model) {
    model.addAttribute("client", clients.get(scope));
    model.addAttribute("recent", service.recent(scope, me));
    return "engagement/reactions :: mine";
  }

  @PostMapping("/c/{clientId}/interventions/{interventionId}/reaction")
  String react(
      ClientScope scope,
      @AuthenticationPrincipal UserAccount me,
      @PathVariable UUID interventionId,
      @RequestParam(required = false) String rating,
      @RequestParam(required = false) String comment,
      Model model,
      Locale locale,
      HttpServletResponse response) {
    model.addAttribute("client", clients.get(scope));
    return formErrors.submit(
        () -> {
          model.addAttribute(
              "m", service.react(scope, me, interventionId, new Reaction.Answer(rating, comment)));
          model.addAttribute("saved", true);
          return "engagement/reactions :: row";
        },
        errors -> {
          model.addAttribute("m", service.mineOf(scope, me, interventionId));
          model.addAttribute("errors", errors);
          return "engagement/reactions :: row";
        },
        locale,
        response);
  }

  @GetMapping("/c/{clientId}/engagements/{engagementId}/interventions/{interventionId}/reactions")
  @PreAuthorize("hasAnyRole('ADMIN','COACH')")
  String summary(
      ClientScope scope,
      @AuthenticationPrincipal UserAccount me,
      @PathVariable UUID engagementId,
      @PathVariable UUID interventionId,
      Model model) {
    return coachBlock(scope, me, engagementId, interventionId, null, Map.of(), model);
  }

  @PostMapping(
      "/c/{clientId}/engagements/{engagementId}/interventions/{interventionId}/reaction-link")
  @PreAuthorize("hasAnyRole('ADMIN','COACH')")
  String createLink(
      ClientScope scope,
      @AuthenticationPrincipal UserAccount me,
      @PathVariable UUID engagementId,
      @PathVariable UUID interventionId,
      @RequestParam(required = false) String validDays,
      Model model,
      Locale locale,
      HttpServletResponse response) {
    return formErrors.submit(
        () -> {
          ReactionService.NewLink link =
              service.createLink(
                  scope, me, engagementId, interventionId, IntakePagesController.days(validDays));
          String url = IntakePagesController.url("/reaction/", link.secret());
          return coachBlock(scope, me, engagementId, interventionId, url, Map.of(), model);
        },
        errors -> coachBlock(scope, me, engagementId, interventionId, null, errors, model),
        locale,
        response);
  }

  private String coachBlock(
      ClientScope scope,
      UserAccount me,
      UUID engagementId,
      UUID interventionId,
      String newLink,
      Map<String, String> errors,
      Model model) {
    model.addAttribute("client", clients.get(scope));
    model.addAttribute("engagementId", engagementId);
    model.addAttribute("interventionId", interventionId);
    model.addAttribute("summary", service.summary(scope, me, engagementId, interventionId));
    model.addAttribute(
        "activeLink", service.activeLink(scope, me, engagementId, interventionId).orElse(null));
    model.addAttribute("newLink", newLink);
    model.addAttribute("errors", errors);
    return "engagement/reactions :: coach";
  }
}
