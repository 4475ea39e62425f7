package nl.orgcoach.engagement;

import static nl.orgcoach.platform.FormErrors.uuid;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
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
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Recording an intervention, its detail (notes only when allowed), and the coachee's home. */
@Controller
class InterventionPagesController {

  static final int AGREEMENT_ROWS = 5;
  static final int FOLLOW_UP_ROWS = 3;

  private final InterventionService service;
  private final EngagementService engagements;
  private final Clients clients;
  private final PersonLookup people;
  private final UnitLookup units;
  private final FormErrors formErrors;

  InterventionPagesController(
      InterventionService service,
      EngagementService engagements,
      Clients clients,
      PersonLookup people,
      UnitLookup units,
      FormErrors formErrors) {
    this.service = service;
    this.engagements = engagements;
    this.clients = clients;
    this.people = people;
    this.units = units;
    this.formErrors = formErrors;
  }

  @GetMapping("/c/{clientId}/engagements/{engagementId}/interventions/new")
  @PreAuthorize("hasAnyRole('ADMIN','COACH')")
  String create(
      ClientScope scope,
      @AuthenticationPrincipal UserAccount me,
      @PathVariable UUID engagementId,
      @RequestParam(required = false) List<String> question,
      Model model) {
    MultiValueMap<String, String> initial = new LinkedMultiValueMap<>();
    initial.add("type", InterventionType.INDIVIDUAL_COACHING.name());
    initial.add("heldOn", java.time.LocalDate.now().toString());
    initial.add("durationMinutes", "60");
    if (me.is(Role.COACH)) {
      initial.add("coaches", me.id().toString());
    }
    if (question != null) {
      initial.addAll("questions", question);
    }
    return form(scope, me, engagementId, initial, Map.of(), model);
  }

  @PostMapping("/c/{clientId}/engagements/{engagementId}/interventions/new")
  @PreAuthorize("hasAnyRole('ADMIN','COACH')")
  String created(
      ClientScope scope,
      @AuthenticationPrincipal UserAccount me,
      @PathVariable UUID engagementId,
      @RequestParam MultiValueMap<String, String> params,
      Model model,
      Locale locale,
      HttpServletResponse response) {
    return formErrors.submit(
        () -> {
          UUID id = service.record(scope, me, engagementId, draft(params));
          return "redirect:/c/"
              + scope.clientId()
              + "/engagements/"
              + engagementId
              + "/interventions/"
              + id;
        },
        errors -> form(scope, me, engagementId, params, errors, model),
        locale,
        response);
  }

  /** The form's parameters as a draft; an id that is no id is kept as an unknown one. */
  static Intervention.Draft draft(MultiValueMap<String, String> p) {
    List<Intervention.AgreementDraft> agreements = new ArrayList<>();
    List<String> owners = list(p, "agreementOwner");
    List<String> whats = list(p, "agreementWhat");
    List<String> dues = list(p, "agreementDue");
    int rows = Math.max(owners.size(), Math.max(whats.size(), dues.size()));
    for (int i = 0; i < rows; i++) {
      String owner = at(owners, i);
      String what = at(whats, i);
      String due = at(dues, i);
      if (owner.isBlank() && what.isBlank() && due.isBlank()) {
        continue; // an empty row of the form
      }
      agreements.add(new Intervention.AgreementDraft(uuid(owner), what, due));
    }
    List<Intervention.FollowUpDraft> followUps = new ArrayList<>();
    List<String> texts = list(p, "followUpText");
    List<String> levels = list(p, "followUpLevel");
    List<String> fOwners = list(p, "followUpOwner");
    for (int i = 0; i < texts.size(); i++) {
      if (at(texts, i).isBlank()) {
        continue;
      }
      followUps.add(
          new Intervention.FollowUpDraft(
              at(texts, i),
              at(levels, i).isBlank() ? "TEAM" : at(levels, i),
              owner(at(fOwners, i))));
    }
    return new Intervention.Draft(
        p.getFirst("type"),
        p.getFirst("heldOn"),
        p.getFirst("durationMinutes"),
        uuids(p, "coaches"),
        uuids(p, "participantPersons"),
        uuids(p, "participantUnits"),
        uuids(p, "questions"),
        p.getFirst("notes"),
        agreements,
        followUps,
        p.getFirst("startsAt"));
  }

  /** "MANAGEMENT", "TEAM:id" or "PERSON:id", as the follow-up owner select sends it. */
  private static Question.Owner owner(String value) {
    if (value.equals("MANAGEMENT")) {
      return Question.Owner.management();
    }
    if (value.startsWith("TEAM:")) {
      return Question.Owner.team(uuid(value.substring(5)));
    }
    if (value.startsWith("PERSON:")) {
      return Question.Owner.person(uuid(value.substring(7)));
    }
    return null;
  }

  private static List<String> list(MultiValueMap<String, String> p, String key) {
    List<String> v = p.get(key);
    return v == null ? List.of() : v;
  }

  private static String at(List<String> list, int i) {
    return i < list.size() && list.get(i) != null ? list.get(i).strip() : "";
  }

  private static List<UUID> uuids(MultiValueMap<String, String> p, String key) {
    return list(p, key).stream()
        .filter(s -> s != null && !s.isBlank())
        .map(FormErrors::uuid)
        .toList();
  }

  /** A text that is not a UUID becomes a random one: "unknown", which the domain refuses. */
  private String form(
      ClientScope scope,
      UserAccount me,
      UUID engagementId,
      MultiValueMap<String, String> values,
      Map<String, String> errors,
      Model model) {
    EngagementView view = engagements.view(scope, me, engagementId);
    List<UUID> scopeUnits = view.units().stream().map(Engagements.Named::id).toList();
    model.addAttribute("client", clients.get(scope));
    model.addAttribute("engagement", view);
    model.addAttribute("form", values);
    model.addAttribute("errors", errors);
    model.addAttribute("types", InterventionType.values());
    model.addAttribute("levels", QuestionLevel.values());
    model.addAttribute(
        "openQuestions",
        engagements.inbox(scope, me, engagementId, null, null).stream()
            .filter(r -> r.status() == QuestionStatus.OPEN || r.status() == QuestionStatus.TAKEN_UP)
            .toList());
    model.addAttribute(
        "people", people.inUnits(scope, scopeUnits, EngagementPagesController.PEOPLE_SHOWN));
    model.addAttribute(
        "units",
        scopeUnits.isEmpty()
            ? units.all(scope)
            : view.units().stream().map(n -> new UnitLookup.UnitRef(n.id(), n.name())).toList());
    model.addAttribute("agreementRows", rows(AGREEMENT_ROWS));
    model.addAttribute("followUpRows", rows(FOLLOW_UP_ROWS));
    return "engagement/intervention-form";
  }

  private static List<Integer> rows(int n) {
    return java.util.stream.IntStream.range(0, n).boxed().toList();
  }

  @GetMapping("/c/{clientId}/engagements/{engagementId}/interventions/{interventionId}")
  String show(
      ClientScope scope,
      @AuthenticationPrincipal UserAccount me,
      @PathVariable UUID engagementId,
      @PathVariable UUID interventionId,
      Model model) {
    return detail(scope, me, engagementId, interventionId, Map.of(), model);
  }

  private String detail(
      ClientScope scope,
      UserAccount me,
      UUID engagementId,
      UUID interventionId,
      Map<String, String> errors,
      Model model) {
    InterventionView v = service.view(scope, me, engagementId, interventionId);
    model.addAttribute("client", clients.get(scope));
    model.addAttribute("engagement", engagements.view(scope, me, engagementId));
    model.addAttribute("i", v);
    model.addAttribute("errors", errors);
    model.addAttribute("myPerson", me.personId());
    model.addAttribute(
        "sharePeople",
        v.mayShare()
            ? people.inUnits(scope, List.of(), EngagementPagesController.PEOPLE_SHOWN)
            : List.of());
    return "engagement/intervention";
  }

  @PostMapping("/c/{clientId}/engagements/{engagementId}/interventions/{interventionId}/share")
  String share(
      ClientScope scope,
      @AuthenticationPrincipal UserAccount me,
      @PathVariable UUID engagementId,
      @PathVariable UUID interventionId,
      @RequestParam(required = false) String personId,
      Model model,
      Locale locale,
      HttpServletResponse response) {
    return formErrors.submit(
        () -> {
          service.share(scope, me, engagementId, interventionId, uuid(personId));
          return "redirect:/c/"
              + scope.clientId()
              + "/engagements/"
              + engagementId
              + "/interventions/"
              + interventionId;
        },
        errors -> detail(scope, me, engagementId, interventionId, errors, model),
        locale,
        response);
  }

  @GetMapping("/c/{clientId}/my")
  String my(ClientScope scope, @AuthenticationPrincipal UserAccount me, Model model) {
    MyView my = service.my(scope, me);
    model.addAttribute("client", clients.get(scope));
    model.addAttribute("my", my);
    model.addAttribute("notes", service.myNotes(scope, me, my.interventions()));
    model.addAttribute("statuses", AgreementStatus.values());
    return "engagement/my";
  }

  /** htmx: the owner sets their agreement's status; answers the updated row. */
  @PostMapping("/c/{clientId}/agreements/{agreementId}/status")
  String status(
      ClientScope scope,
      @AuthenticationPrincipal UserAccount me,
      @PathVariable UUID agreementId,
      @RequestParam(required = false) String status,
      Model model) {
    model.addAttribute("client", clients.get(scope));
    model.addAttribute("a", service.updateAgreement(scope, me, agreementId, status));
    model.addAttribute("statuses", AgreementStatus.values());
    model.addAttribute("saved", true);
    return "engagement/agreement-row :: row";
  }
}
