package nl.orgcoach.engagement;

import jakarta.servlet.http.HttpServletResponse;
import java.time.OffsetDateTime;
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
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The engagement page's block of intake links (loaded and changed with htmx): the list with how
 * often each was used, a form for a new one (its link is shown once), and revocation.
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN','COACH')")
class IntakePagesController {

  private final IntakeService service;
  private final Clients clients;
  private final FormErrors formErrors;

  IntakePagesController(IntakeService service, Clients clients, FormErrors formErrors) {
    this.service = service;
    this.clients = clients;
    this.formErrors = formErrors;
  }

  @GetMapping("/c/{clientId}/engagements/{engagementId}/intake-links")
  String list(
      ClientScope scope,
      @AuthenticationPrincipal UserAccount me,
      @PathVariable UUID engagementId,
      Model model) {
    return block(scope, me, engagementId, null, Map.of(), model);
  }

  @PostMapping("/c/{clientId}/engagements/{engagementId}/intake-links")
  String create(
      ClientScope scope,
      @AuthenticationPrincipal UserAccount me,
      @PathVariable UUID engagementId,
      @RequestParam(required = false) String unitId,
      @RequestParam(required = false) String validDays,
      Model model,
      Locale locale,
      HttpServletResponse response) {
    return formErrors.submit(
        () -> {
          IntakeService.NewLink link =
              service.create(scope, me, engagementId, FormErrors.uuid(unitId), days(validDays));
          return block(scope, me, engagementId, url("/intake/", link.secret()), Map.of(), model);
        },
        errors -> block(scope, me, engagementId, null, errors, model),
        locale,
        response);
  }

  @PostMapping("/c/{clientId}/engagements/{engagementId}/intake-links/{linkId}/revoke")
  String revoke(
      ClientScope scope,
      @AuthenticationPrincipal UserAccount me,
      @PathVariable UUID engagementId,
      @PathVariable UUID linkId,
      Model model) {
    service.revoke(scope, me, engagementId, linkId);
    return block(scope, me, engagementId, null, Map.of(), model);
  }

  private String block(
      ClientScope scope,
      UserAccount me,
      UUID engagementId,
      String newLink,
      Map<String, String> errors,
      Model model) {
    model.addAttribute("client", clients.get(scope));
    model.addAttribute("engagementId", engagementId);
    model.addAttribute("links", service.list(scope, me, engagementId));
    model.addAttribute("teams", service.teams(scope, me, engagementId));
    model.addAttribute("newLink", newLink);
    model.addAttribute("errors", errors);
    model.addAttribute("now", OffsetDateTime.now());
    return "engagement/intake-links :: block";
  }

  /** The absolute URL of a public link, to copy and send. */
  static String url(String path, String secret) {
    return ServletUriComponentsBuilder.fromCurrentContextPath()
        .path(path)
        .path(secret)
        .toUriString();
  }

  /** Validity in days as typed; text that is no number becomes an invalid number. */
  static Integer days(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Integer.valueOf(value.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
