package nl.orgcoach.feedback;

import static nl.orgcoach.platform.FormErrors.uuid;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import nl.orgcoach.access.ClientScope;
import nl.orgcoach.access.Clients;
import nl.orgcoach.access.UserAccount;
import nl.orgcoach.platform.FormErrors;
import nl.orgcoach.platform.UserError;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Feedback rounds in the UI: the list, starting a round, its progress and its results. */
@Controller
class FeedbackPagesController {

  /** Rows for raters by e-mail on the form. */
  static final int EMAIL_ROWS = 5;

  private final FeedbackService service;
  private final Clients clients;
  private final FormErrors formErrors;
  private final FeedbackSettings settings;
  private final FeedbackHeatmap heatmap;
  private final HeatmapAudit audit;

  FeedbackPagesController(
      FeedbackService service,
      Clients clients,
      FormErrors formErrors,
      FeedbackSettings settings,
      FeedbackHeatmap heatmap,
      HeatmapAudit audit) {
    this.service = service;
    this.clients = clients;
    this.formErrors = formErrors;
    this.settings = settings;
    this.heatmap = heatmap;
    this.audit = audit;
  }

  @GetMapping("/c/{clientId}/feedback")
  String list(ClientScope scope, @AuthenticationPrincipal UserAccount me, Model model) {
    model.addAttribute("client", clients.get(scope));
    model.addAttribute("rounds", service.list(scope, me));
    model.addAttribute("canStart", me.personId() != null);
    model.addAttribute("canHeatmap", heatmap.mayRead(scope, me));
    return "feedback/rounds";
  }

  /** The heatmap by unit; bad dates answer the page again with the message, status 422. */
  @GetMapping("/c/{clientId}/feedback/heatmap")
  String heatmap(
      ClientScope scope,
      @AuthenticationPrincipal UserAccount me,
      @RequestParam(required = false) UUID engagement,
      @RequestParam(required = false) UUID unit,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      Locale locale,
      Model model,
      HttpServletResponse response) {
    model.addAttribute("client", clients.get(scope));
    try {
      model.addAttribute(
          "h",
          audit.viewed(
              scope, heatmap.heatmap(scope, me, engagement, unit, from, to, locale), "page"));
      model.addAttribute("errors", Map.of());
    } catch (UserError e) {
      response.setStatus(422);
      // The default period is what is shown, and so what is written to the audit log.
      model.addAttribute(
          "h",
          audit.viewed(
              scope, heatmap.heatmap(scope, me, engagement, unit, null, null, locale), "page"));
      model.addAttribute("errors", formErrors.byField(e, locale));
    }
    return "feedback/heatmap";
  }

  @GetMapping("/c/{clientId}/feedback/new")
  String newRound(
      ClientScope scope,
      @AuthenticationPrincipal UserAccount me,
      @RequestParam(required = false) UUID person,
      Model model) {
    return form(scope, me, person, null, Map.of(), 200, model, null);
  }

  @PostMapping("/c/{clientId}/feedback/new")
  String start(
      ClientScope scope,
      @AuthenticationPrincipal UserAccount me,
      @RequestParam MultiValueMap<String, String> form,
      Model model,
      Locale locale,
      HttpServletResponse response) {
    UUID person = uuid(form.getFirst("person"));
    var suggestions = service.suggestions(scope, me, person);
    List<FeedbackService.NewBehaviour> behaviours = new ArrayList<>();
    for (String agreement : form.getOrDefault("agreement", List.of())) {
      suggestions.agreements().stream()
          .filter(a -> a.id().toString().equals(agreement))
          .findFirst()
          .ifPresent(a -> behaviours.add(new FeedbackService.NewBehaviour(a.what(), a.id())));
    }
    for (String picked : form.getOrDefault("framework", List.of())) {
      // An id that was not offered goes on as it is: the service refuses it with a message.
      UUID id = uuid(picked);
      String name =
          suggestions.framework().stream()
              .filter(f -> f.id().equals(id))
              .map(f -> f.name(locale))
              .findFirst()
              .orElse(null);
      behaviours.add(new FeedbackService.NewBehaviour(name, null, id));
    }
    for (int i = 1; i <= FeedbackService.MAX_BEHAVIOURS; i++) {
      behaviours.add(new FeedbackService.NewBehaviour(form.getFirst("behaviour" + i), null));
    }
    List<FeedbackService.NewRater> raters = new ArrayList<>();
    for (String picked : form.getOrDefault("pick", List.of())) {
      raters.add(
          new FeedbackService.NewRater(
              uuid(picked),
              null,
              null,
              form.getFirst("group_" + picked),
              form.getFirst("lang_" + picked)));
    }
    for (int i = 1; i <= EMAIL_ROWS; i++) {
      String email = form.getFirst("email" + i);
      if (email != null && !email.isBlank()) {
        raters.add(
            new FeedbackService.NewRater(
                null,
                email,
                form.getFirst("name" + i),
                form.getFirst("group" + i),
                form.getFirst("lang" + i)));
      }
    }
    var round =
        new FeedbackService.NewRound(
            person,
            form.getFirst("closesOn"),
            behaviours,
            raters,
            form.getFirst("selfEmail"),
            form.getFirst("selfLanguage"));
    return formErrors.submit(
        () -> {
          UUID id = service.start(scope, me, round, FeedbackApiController.baseUrl(settings));
          return "redirect:/c/" + scope.id() + "/feedback/rounds/" + id;
        },
        errors -> form(scope, me, person, form, errors, 422, model, response),
        locale);
  }

  private String form(
      ClientScope scope,
      UserAccount me,
      UUID person,
      MultiValueMap<String, String> posted,
      Map<String, String> errors,
      int status,
      Model model,
      HttpServletResponse response) {
    if (response != null) {
      response.setStatus(status);
    }
    model.addAttribute("client", clients.get(scope));
    var suggestions = service.suggestions(scope, me, person);
    model.addAttribute("s", suggestions);
    // The framework behaviours by engagement, as the form groups them.
    model.addAttribute(
        "framework",
        suggestions.framework().stream()
            .collect(
                java.util.stream.Collectors.groupingBy(
                    f -> f.engagementId(),
                    java.util.LinkedHashMap::new,
                    java.util.stream.Collectors.toList())));
    model.addAttribute(
        "posted", posted == null ? new org.springframework.util.LinkedMultiValueMap<>() : posted);
    model.addAttribute("errors", errors);
    model.addAttribute("defaultClose", LocalDate.now(FeedbackService.ZONE).plusDays(14));
    model.addAttribute(
        "groups",
        List.of(RaterGroup.MANAGER, RaterGroup.PEER, RaterGroup.DIRECT_REPORT, RaterGroup.OTHER));
    model.addAttribute("emailRows", EMAIL_ROWS);
    model.addAttribute("maxBehaviours", FeedbackService.MAX_BEHAVIOURS);
    return "feedback/round-form";
  }

  @GetMapping("/c/{clientId}/feedback/rounds/{roundId}")
  String round(
      ClientScope scope,
      @AuthenticationPrincipal UserAccount me,
      @PathVariable UUID roundId,
      Model model) {
    var view = service.view(scope, me, roundId);
    model.addAttribute("client", clients.get(scope));
    model.addAttribute("round", view);
    model.addAttribute("threshold", settings.anonymityThreshold());
    if (view.closed()) {
      model.addAttribute("results", service.results(scope, me, roundId));
    }
    return "feedback/round";
  }

  @PostMapping("/c/{clientId}/feedback/rounds/{roundId}/remind")
  String remind(
      ClientScope scope,
      @AuthenticationPrincipal UserAccount me,
      @PathVariable UUID roundId,
      RedirectAttributes redirect) {
    int sent = service.remind(scope, me, roundId, FeedbackApiController.baseUrl(settings));
    redirect.addFlashAttribute("reminded", sent);
    return "redirect:/c/" + scope.id() + "/feedback/rounds/" + roundId;
  }

  @PostMapping("/c/{clientId}/feedback/rounds/{roundId}/close")
  String close(
      ClientScope scope, @AuthenticationPrincipal UserAccount me, @PathVariable UUID roundId) {
    service.close(scope, me, roundId);
    return "redirect:/c/" + scope.id() + "/feedback/rounds/" + roundId;
  }
}
