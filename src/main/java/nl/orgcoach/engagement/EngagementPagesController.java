package nl.orgcoach.engagement;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import nl.orgcoach.access.ClientScope;
import nl.orgcoach.access.Clients;
import nl.orgcoach.access.Role;
import nl.orgcoach.access.UserAccount;
import nl.orgcoach.organisation.PersonLookup;
import nl.orgcoach.organisation.UnitLookup;
import nl.orgcoach.platform.FormErrors;
import nl.orgcoach.platform.UserError;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The engagement pages: list, new, detail (decisions, questions) and the coach's inbox. */
@Controller
class EngagementPagesController {

  static final int PEOPLE_SHOWN = 500;

  private final EngagementService service;
  private final Clients clients;
  private final PersonLookup people;
  private final UnitLookup units;
  private final FormErrors formErrors;
  private final InterventionService interventions;

  EngagementPagesController(
      EngagementService service,
      InterventionService interventions,
      Clients clients,
      PersonLookup people,
      UnitLookup units,
      FormErrors formErrors) {
    this.service = service;
    this.clients = clients;
    this.people = people;
    this.units = units;
    this.formErrors = formErrors;
    this.interventions = interventions;
  }

  @GetMapping("/c/{clientId}/engagements")
  String list(ClientScope scope, @AuthenticationPrincipal UserAccount me, Model model) {
    model.addAttribute("client", clients.get(scope));
    model.addAttribute("engagements", service.list(scope, me));
    model.addAttribute("mayOpen", service.mayOpen(me));
    return "engagement/engagements";
  }

  @GetMapping("/c/{clientId}/engagements/new")
  @PreAuthorize("hasAnyRole('ADMIN','COACH')")
  String create(ClientScope scope, @AuthenticationPrincipal UserAccount me, Model model) {
    List<UUID> coaches = me.is(Role.COACH) ? List.of(me.id()) : List.of();
    return form(
        scope,
        new Engagement.Draft(
            null, null, null, null, null, coaches, List.of(), null, null, null, null),
        Map.of(),
        model);
  }

  @PostMapping("/c/{clientId}/engagements/new")
  @PreAuthorize("hasAnyRole('ADMIN','COACH')")
  String created(
      ClientScope scope,
      @AuthenticationPrincipal UserAccount me,
      @ModelAttribute Engagement.Draft draft,
      Model model,
      Locale locale) {
    return formErrors.submit(
        () -> "redirect:/c/" + scope.clientId() + "/engagements/" + service.open(scope, me, draft),
        errors -> form(scope, draft, errors, model),
        locale);
  }

  private String form(
      ClientScope scope, Engagement.Draft draft, Map<String, String> errors, Model model) {
    model.addAttribute("client", clients.get(scope));
    model.addAttribute("form", draft);
    model.addAttribute("errors", errors);
    model.addAttribute("coaches", clients.coachesOf(scope));
    model.addAttribute("units", units.all(scope));
    model.addAttribute("people", people.inUnits(scope, List.of(), PEOPLE_SHOWN));
    return "engagement/engagement-form";
  }

  @GetMapping("/c/{clientId}/engagements/{engagementId}")
  String show(
      ClientScope scope,
      @AuthenticationPrincipal UserAccount me,
      @PathVariable UUID engagementId,
      @RequestParam(required = false) String asked,
      Model model) {
    model.addAttribute("asked", asked != null);
    return detail(scope, me, engagementId, Map.of(), null, model);
  }

  @PostMapping("/c/{clientId}/engagements/{engagementId}/decisions")
  @PreAuthorize("hasAnyRole('ADMIN','COACH')")
  String decide(
      ClientScope scope,
      @AuthenticationPrincipal UserAccount me,
      @PathVariable UUID engagementId,
      @ModelAttribute EngagementApiController.DecisionForm form,
      Model model,
      Locale locale) {
    return formErrors.submit(
        () -> {
          service.decide(
              scope,
              me,
              engagementId,
              form.title(),
              form.description(),
              form.decidedOn(),
              form.decidedBy());
          return "redirect:/c/" + scope.clientId() + "/engagements/" + engagementId;
        },
        errors -> {
          model.addAttribute("decisionForm", form);
          return detail(scope, me, engagementId, errors, null, model);
        },
        locale);
  }

  @PostMapping("/c/{clientId}/engagements/{engagementId}/questions")
  String ask(
      ClientScope scope,
      @AuthenticationPrincipal UserAccount me,
      @PathVariable UUID engagementId,
      @ModelAttribute EngagementService.QuestionForm form,
      Model model,
      Locale locale) {
    return formErrors.submit(
        () -> {
          service.ask(scope, me, engagementId, form);
          return "redirect:/c/" + scope.clientId() + "/engagements/" + engagementId + "?asked";
        },
        errors -> detail(scope, me, engagementId, errors, form, model),
        locale);
  }

  private String detail(
      ClientScope scope,
      UserAccount me,
      UUID engagementId,
      Map<String, String> errors,
      EngagementService.QuestionForm questionForm,
      Model model) {
    EngagementView view = service.view(scope, me, engagementId);
    boolean mayTriage = service.mayTriage(scope, me, engagementId);
    boolean practice = service.isPractice(me);
    List<UUID> scopeUnits = view.units().stream().map(Engagements.Named::id).toList();
    model.addAttribute("client", clients.get(scope));
    model.addAttribute("engagement", view);
    model.addAttribute("mayTriage", mayTriage);
    model.addAttribute("practice", practice);
    model.addAttribute("hasPerson", me.personId() != null);
    model.addAttribute(
        "questions",
        mayTriage
            ? service.inbox(scope, me, engagementId, null, null)
            : service.mine(scope, me, engagementId));
    model.addAttribute("errors", errors);
    model.addAttribute("interventions", interventions.list(scope, me, engagementId));
    model.addAttribute(
        "questionForm",
        questionForm != null
            ? questionForm
            : new EngagementService.QuestionForm(
                null, "TEAM", me.personId() != null ? "MY_TEAM" : "TEAM", null, null, null));
    if (!model.containsAttribute("decisionForm")) {
      model.addAttribute(
          "decisionForm", new EngagementApiController.DecisionForm(null, null, null, null));
    }
    model.addAttribute(
        "ownerUnits",
        scopeUnits.isEmpty()
            ? units.all(scope)
            : view.units().stream().map(n -> new UnitLookup.UnitRef(n.id(), n.name())).toList());
    model.addAttribute(
        "ownerPeople", practice ? people.inUnits(scope, scopeUnits, PEOPLE_SHOWN) : List.of());
    return "engagement/engagement";
  }

  @GetMapping("/c/{clientId}/engagements/{engagementId}/inbox")
  @PreAuthorize("hasAnyRole('ADMIN','COACH')")
  String inbox(
      ClientScope scope,
      @AuthenticationPrincipal UserAccount me,
      @PathVariable UUID engagementId,
      @RequestParam(required = false) QuestionStatus status,
      @RequestParam(required = false) UUID unitId,
      @RequestParam(required = false) String all,
      Model model) {
    // Without a filter the inbox shows what asks for attention now: the open questions.
    QuestionStatus shown = status == null && all == null ? QuestionStatus.OPEN : status;
    EngagementView view = service.view(scope, me, engagementId);
    List<Questions.Row> rows = service.inbox(scope, me, engagementId, shown, unitId);
    model.addAttribute("client", clients.get(scope));
    model.addAttribute("engagement", view);
    model.addAttribute("questions", rows);
    model.addAttribute("status", shown);
    model.addAttribute("unitId", unitId);
    model.addAttribute("statuses", QuestionStatus.values());
    model.addAttribute("units", units.all(scope));
    model.addAttribute("targets", targets(scope, me, engagementId));
    model.addAttribute("now", OffsetDateTime.now());
    return "engagement/inbox";
  }

  @PostMapping("/c/{clientId}/engagements/{engagementId}/questions/{questionId}/triage")
  @PreAuthorize("hasAnyRole('ADMIN','COACH')")
  String triage(
      ClientScope scope,
      @AuthenticationPrincipal UserAccount me,
      @PathVariable UUID engagementId,
      @PathVariable UUID questionId,
      @ModelAttribute EngagementService.Triage triage,
      Model model,
      Locale locale) {
    Questions.Row row;
    try {
      row = service.triage(scope, me, engagementId, questionId, triage);
    } catch (UserError e) {
      model.addAttribute("rowError", formErrors.byField(e, locale).values().iterator().next());
      row = service.question(scope, me, engagementId, questionId);
    }
    model.addAttribute("client", clients.get(scope));
    model.addAttribute("engagement", service.view(scope, me, engagementId));
    model.addAttribute("q", row);
    model.addAttribute("targets", targets(scope, me, engagementId));
    model.addAttribute("now", OffsetDateTime.now());
    return "engagement/inbox :: row";
  }

  /** Questions another can be merged into: the open and taken-up ones. */
  private List<Questions.Row> targets(ClientScope scope, UserAccount me, UUID engagementId) {
    return service.inbox(scope, me, engagementId, null, null).stream()
        .filter(r -> r.status() == QuestionStatus.OPEN || r.status() == QuestionStatus.TAKEN_UP)
        .toList();
  }
}
