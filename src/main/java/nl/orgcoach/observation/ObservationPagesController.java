package nl.orgcoach.observation;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import nl.orgcoach.access.ClientScope;
import nl.orgcoach.access.Clients;
import nl.orgcoach.access.UserAccount;
import nl.orgcoach.organisation.PersonLookup;
import nl.orgcoach.organisation.SettingLookup;
import nl.orgcoach.platform.FormErrors;
import nl.orgcoach.platform.UserError;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The pages of observation: the framework, meetings, capture on a phone, the observation list and
 * the person profile. Confidential reads go through {@link ObservationService}, which asks {@link
 * ObservationAccess}.
 */
@Controller
class ObservationPagesController {

  private static final String E = "/c/{clientId}/engagements/{engagementId}";

  private final ObservationService service;
  private final ObservationAggregates aggregates;
  private final Clients clients;
  private final SettingLookup settings;
  private final PersonLookup people;
  private final FormErrors formErrors;
  private final MessageSource messages;
  private final JsonMapper json;

  ObservationPagesController(
      ObservationService service,
      ObservationAggregates aggregates,
      Clients clients,
      SettingLookup settings,
      PersonLookup people,
      FormErrors formErrors,
      MessageSource messages,
      JsonMapper json) {
    this.service = service;
    this.aggregates = aggregates;
    this.clients = clients;
    this.settings = settings;
    this.people = people;
    this.formErrors = formErrors;
    this.messages = messages;
    this.json = json;
  }

  private static String back(ClientScope scope, UUID engagementId, String rest) {
    return "redirect:/c/" + scope.clientId() + "/engagements/" + engagementId + rest;
  }

  // --- the framework ---------------------------------------------------------------------------

  @GetMapping(E + "/behaviours")
  @PreAuthorize("hasAnyRole('ADMIN','COACH')")
  String framework(
      ClientScope scope,
      @AuthenticationPrincipal UserAccount me,
      @PathVariable UUID engagementId,
      Model model) {
    return frameworkPage(scope, me, engagementId, Map.of(), model);
  }

  private String frameworkPage(
      ClientScope scope,
      UserAccount me,
      UUID engagementId,
      Map<String, String> errors,
      Model model) {
    model.addAttribute("client", clients.get(scope));
    model.addAttribute("engagementId", engagementId);
    model.addAttribute("behaviours", service.framework(scope, me, engagementId));
    model.addAttribute("links", service.agreementLinks(scope, engagementId));
    model.addAttribute("agreements", service.agreements(scope, engagementId));
    model.addAttribute("errors", errors);
    return "observation/behaviours";
  }

  @PostMapping(E + "/behaviours")
  @PreAuthorize("hasAnyRole('ADMIN','COACH')")
  String add(
      ClientScope scope,
      @AuthenticationPrincipal UserAccount me,
      @PathVariable UUID engagementId,
      Behaviour.Text text,
      Model model,
      Locale locale,
      HttpServletResponse response) {
    return formErrors.submit(
        () -> {
          service.addBehaviour(scope, me, engagementId, text);
          return back(scope, engagementId, "/behaviours");
        },
        errors -> frameworkPage(scope, me, engagementId, errors, model),
        locale,
        response);
  }

  @PostMapping(E + "/behaviours/{behaviourId}")
  @PreAuthorize("hasAnyRole('ADMIN','COACH')")
  String edit(
      ClientScope scope,
      @AuthenticationPrincipal UserAccount me,
      @PathVariable UUID engagementId,
      @PathVariable UUID behaviourId,
      Behaviour.Text text,
      @RequestParam(required = false) List<UUID> agreements,
      Model model,
      Locale locale,
      HttpServletResponse response) {
    return formErrors.submit(
        () -> {
          service.editBehaviour(scope, me, engagementId, behaviourId, text);
          service.link(scope, me, engagementId, behaviourId, agreements);
          return back(scope, engagementId, "/behaviours");
        },
        errors -> frameworkPage(scope, me, engagementId, errors, model),
        locale,
        response);
  }

  @PostMapping(E + "/behaviours/{behaviourId}/move")
  @PreAuthorize("hasAnyRole('ADMIN','COACH')")
  String move(
      ClientScope scope,
      @AuthenticationPrincipal UserAccount me,
      @PathVariable UUID engagementId,
      @PathVariable UUID behaviourId,
      @RequestParam(defaultValue = "1") int step) {
    service.move(scope, me, engagementId, behaviourId, step);
    return back(scope, engagementId, "/behaviours");
  }

  @PostMapping(E + "/behaviours/{behaviourId}/retire")
  @PreAuthorize("hasAnyRole('ADMIN','COACH')")
  String retire(
      ClientScope scope,
      @AuthenticationPrincipal UserAccount me,
      @PathVariable UUID engagementId,
      @PathVariable UUID behaviourId,
      @RequestParam(defaultValue = "true") boolean retired) {
    service.retire(scope, me, engagementId, behaviourId, retired);
    return back(scope, engagementId, "/behaviours");
  }

  // --- meetings --------------------------------------------------------------------------------

  @GetMapping(E + "/meetings")
  @PreAuthorize("hasAnyRole('ADMIN','COACH')")
  String meetings(
      ClientScope scope,
      @AuthenticationPrincipal UserAccount me,
      @PathVariable UUID engagementId,
      Model model) {
    return meetingsPage(scope, me, engagementId, Map.of(), model);
  }

  private String meetingsPage(
      ClientScope scope,
      UserAccount me,
      UUID engagementId,
      Map<String, String> errors,
      Model model) {
    model.addAttribute("client", clients.get(scope));
    model.addAttribute("engagementId", engagementId);
    model.addAttribute("meetings", service.meetings(scope, me, engagementId));
    model.addAttribute("settings", settings.list(scope, List.of()));
    model.addAttribute("today", LocalDate.now(ZoneOffset.UTC));
    model.addAttribute("errors", errors);
    return "observation/meetings";
  }

  @PostMapping(E + "/meetings")
  @PreAuthorize("hasAnyRole('ADMIN','COACH')")
  String plan(
      ClientScope scope,
      @AuthenticationPrincipal UserAccount me,
      @PathVariable UUID engagementId,
      @RequestParam(required = false) UUID settingId,
      @RequestParam(required = false) String title,
      @RequestParam(required = false) String heldOn,
      @RequestParam(required = false) String outsiders,
      Model model,
      Locale locale,
      HttpServletResponse response) {
    Meeting.Draft draft = new Meeting.Draft(settingId, title, heldOn, null, lines(outsiders));
    return formErrors.submit(
        () ->
            back(
                scope,
                engagementId,
                "/meetings/" + service.planMeeting(scope, me, engagementId, draft)),
        errors -> meetingsPage(scope, me, engagementId, errors, model),
        locale,
        response);
  }

  private static List<String> lines(String text) {
    List<String> list = new ArrayList<>();
    if (text != null) {
      for (String line : text.split("\\R")) {
        if (!line.isBlank()) {
          list.add(line.strip());
        }
      }
    }
    return list;
  }

  @GetMapping(E + "/meetings/{meetingId}")
  @PreAuthorize("hasAnyRole('ADMIN','COACH')")
  String meeting(
      ClientScope scope,
      @AuthenticationPrincipal UserAccount me,
      @PathVariable UUID engagementId,
      @PathVariable UUID meetingId,
      Model model) {
    return meetingPage(scope, me, engagementId, meetingId, Map.of(), model);
  }

  private String meetingPage(
      ClientScope scope,
      UserAccount me,
      UUID engagementId,
      UUID meetingId,
      Map<String, String> errors,
      Model model) {
    Meeting m = service.meeting(scope, me, engagementId, meetingId);
    model.addAttribute("client", clients.get(scope));
    model.addAttribute("engagementId", engagementId);
    model.addAttribute("meeting", m);
    model.addAttribute(
        "outsiders",
        String.join(
            "\n",
            m.attendees().stream().filter(Meeting.Attendee::outsider).map(a -> a.name()).toList()));
    model.addAttribute("candidates", people.inUnits(scope, List.of(), 500));
    model.addAttribute("errors", errors);
    return "observation/meeting";
  }

  @PostMapping(E + "/meetings/{meetingId}/attendees")
  @PreAuthorize("hasAnyRole('ADMIN','COACH')")
  String attendees(
      ClientScope scope,
      @AuthenticationPrincipal UserAccount me,
      @PathVariable UUID engagementId,
      @PathVariable UUID meetingId,
      @RequestParam(required = false) List<UUID> people,
      @RequestParam(required = false) String outsiders,
      Model model,
      Locale locale,
      HttpServletResponse response) {
    return formErrors.submit(
        () -> {
          service.replaceAttendees(scope, me, engagementId, meetingId, people, lines(outsiders));
          return back(scope, engagementId, "/meetings/" + meetingId);
        },
        errors -> meetingPage(scope, me, engagementId, meetingId, errors, model),
        locale,
        response);
  }

  // --- capture ---------------------------------------------------------------------------------

  @GetMapping("/c/{clientId}/observe")
  @PreAuthorize("hasAnyRole('ADMIN','COACH')")
  String observe(ClientScope scope, @AuthenticationPrincipal UserAccount me, Model model) {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    model.addAttribute("client", clients.get(scope));
    model.addAttribute("capture", service.capture(scope, me, today));
    model.addAttribute("today", today);
    return "observation/observe";
  }

  @GetMapping(E + "/meetings/{meetingId}/observe")
  @PreAuthorize("hasAnyRole('ADMIN','COACH')")
  String observeMeeting(
      ClientScope scope,
      @AuthenticationPrincipal UserAccount me,
      @PathVariable UUID engagementId,
      @PathVariable UUID meetingId,
      Locale locale,
      Model model) {
    model.addAttribute("client", clients.get(scope));
    model.addAttribute("engagementId", engagementId);
    model.addAttribute("capture", service.captureMeeting(scope, me, engagementId, meetingId));
    model.addAttribute("locale", locale);
    return "observation/capture";
  }

  /**
   * The capture screen's submit (JSON, from static/js/observe.js); idempotent by its key. The body
   * is read as text and parsed only after the access check, so that a refused caller learns nothing
   * from how their body was read.
   */
  @PostMapping(value = E + "/observations", produces = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("hasAnyRole('ADMIN','COACH')")
  ResponseEntity<Map<String, Object>> capture(
      ClientScope scope,
      @AuthenticationPrincipal UserAccount me,
      @PathVariable UUID engagementId,
      @RequestBody(required = false) String body,
      Locale locale) {
    var engagement = service.mayObserve(scope, me, engagementId);
    try {
      Observation.Draft draft;
      try {
        draft = json.readValue(body == null ? "" : body, Observation.Draft.class);
      } catch (JacksonException e) {
        throw Input.bad("body", "observation.error.body");
      }
      // Access was checked above, once.
      ObservationService.Recorded r = service.recordAs(scope, engagement.id(), me.id(), draft);
      return ResponseEntity.status(r.created() ? 201 : 200)
          .body(Map.of("id", r.id().toString(), "created", r.created()));
    } catch (UserError e) {
      String text = messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale);
      return ResponseEntity.unprocessableContent().body(Map.of("error", text));
    }
  }

  // --- reading ---------------------------------------------------------------------------------

  @GetMapping(E + "/observations")
  @PreAuthorize("hasAnyRole('ADMIN','COACH')")
  String observations(
      ClientScope scope,
      @AuthenticationPrincipal UserAccount me,
      @PathVariable UUID engagementId,
      Model model) {
    model.addAttribute("client", clients.get(scope));
    model.addAttribute("engagementId", engagementId);
    model.addAttribute("people", service.observedPeople(scope, me, engagementId));
    model.addAttribute("selfAssessed", service.selfAssessed(scope, me, engagementId));
    return "observation/observations";
  }

  @GetMapping(E + "/people/{personId}/profile")
  String profile(
      ClientScope scope,
      @AuthenticationPrincipal UserAccount me,
      @PathVariable UUID engagementId,
      @PathVariable UUID personId,
      @RequestParam(required = false) String period,
      @RequestParam(required = false) UUID behaviour,
      @RequestParam(required = false) String constellation,
      @RequestParam(required = false) LocalDate asOf,
      Locale locale,
      Model model) {
    ObservationService.ProfilePage page =
        service.profile(
            scope,
            me,
            engagementId,
            personId,
            Profile.Period.parse(period),
            new Observations.Filter(personId, behaviour, constellation, null),
            asOf,
            locale);
    model.addAttribute("client", clients.get(scope));
    model.addAttribute("engagementId", engagementId);
    model.addAttribute("page", page);
    model.addAttribute("keys", Profile.constellationKeys());
    model.addAttribute("behaviour", behaviour);
    model.addAttribute("constellation", constellation);
    model.addAttribute("mayRelease", !personId.equals(me.personId()));
    model.addAttribute("listLimit", ObservationService.PROFILE_LIMIT);
    Map<UUID, String> names = new java.util.HashMap<>();
    page.profile().behaviours().forEach(l -> names.put(l.behaviourId(), l.name()));
    model.addAttribute("names", names);
    return "observation/profile";
  }

  @PostMapping(E + "/people/{personId}/release")
  @PreAuthorize("hasAnyRole('ADMIN','COACH')")
  String release(
      ClientScope scope,
      @AuthenticationPrincipal UserAccount me,
      @PathVariable UUID engagementId,
      @PathVariable UUID personId,
      @RequestParam(defaultValue = "true") boolean released) {
    service.release(scope, me, engagementId, personId, released);
    return back(scope, engagementId, "/people/" + personId + "/profile");
  }

  // --- the person's own account (say–do) --------------------------------------------------------

  /** On the person's own page (loaded by htmx from /my): their engagements, profile and form. */
  @GetMapping("/c/{clientId}/my/observation")
  String mine(ClientScope scope, @AuthenticationPrincipal UserAccount me, Model model) {
    model.addAttribute("client", clients.get(scope));
    model.addAttribute("mine", service.mine(scope, me));
    return "observation/my :: mine";
  }

  @GetMapping(E + "/self-assessment")
  String selfAssessment(
      ClientScope scope,
      @AuthenticationPrincipal UserAccount me,
      @PathVariable UUID engagementId,
      @RequestParam(required = false) Boolean saved,
      Locale locale,
      Model model) {
    return selfAssessmentPage(
        scope, me, engagementId, Map.of(), null, Boolean.TRUE.equals(saved), locale, model);
  }

  private String selfAssessmentPage(
      ClientScope scope,
      UserAccount me,
      UUID engagementId,
      Map<String, String> errors,
      Map<String, String> sent,
      boolean saved,
      Locale locale,
      Model model) {
    ObservationService.SelfAssessmentPage page = service.selfAssessment(scope, me, engagementId);
    Map<String, String> values = sent;
    if (values == null) {
      values = new java.util.HashMap<>();
      if (page.latest() != null) {
        for (var a : page.latest().answers().entrySet()) {
          values.put("rating." + a.getKey(), String.valueOf(a.getValue().rating()));
          if (a.getValue().comment() != null) {
            values.put("comment." + a.getKey(), a.getValue().comment());
          }
        }
      }
    }
    model.addAttribute("client", clients.get(scope));
    model.addAttribute("page", page);
    model.addAttribute("values", values);
    model.addAttribute("errors", errors);
    model.addAttribute("saved", saved);
    model.addAttribute("locale", locale);
    return "observation/self-assessment";
  }

  /**
   * The form sends {@code rating.<behaviourId>} (1–5, or empty: no answer) and {@code
   * comment.<behaviourId>}; a behaviour with neither is left out.
   */
  @PostMapping(E + "/self-assessment")
  String submitSelfAssessment(
      ClientScope scope,
      @AuthenticationPrincipal UserAccount me,
      @PathVariable UUID engagementId,
      @RequestParam Map<String, String> form,
      Locale locale,
      Model model,
      HttpServletResponse response) {
    service.selfAssessment(scope, me, engagementId); // refuses before the form is read
    return formErrors.submit(
        () -> {
          service.submitSelfAssessment(scope, me, engagementId, draftOf(form));
          return back(scope, engagementId, "/self-assessment?saved=true");
        },
        errors -> selfAssessmentPage(scope, me, engagementId, errors, form, false, locale, model),
        locale,
        response);
  }

  private static SelfAssessment.Draft draftOf(Map<String, String> form) {
    Map<String, SelfAssessment.AnswerDraft> byKey = new java.util.LinkedHashMap<>();
    for (var field : form.entrySet()) {
      String name = field.getKey();
      boolean rating = name.startsWith("rating.");
      if (!rating && !name.startsWith("comment.")) {
        continue;
      }
      String id = name.substring(name.indexOf('.') + 1);
      String value = field.getValue() == null ? "" : field.getValue().strip();
      SelfAssessment.AnswerDraft a =
          byKey.getOrDefault(id, new SelfAssessment.AnswerDraft(uuid(id), null, null));
      if (rating && !value.isEmpty()) {
        a = new SelfAssessment.AnswerDraft(a.behaviourId(), number(value), a.comment());
      } else if (!rating && !value.isEmpty()) {
        a = new SelfAssessment.AnswerDraft(a.behaviourId(), a.rating(), value);
      }
      byKey.put(id, a);
    }
    List<SelfAssessment.AnswerDraft> answers = new ArrayList<>();
    byKey.values().stream()
        .filter(a -> a.rating() != null || a.comment() != null)
        .forEach(answers::add);
    return new SelfAssessment.Draft(answers);
  }

  private static UUID uuid(String text) {
    try {
      return UUID.fromString(text);
    } catch (IllegalArgumentException e) {
      throw Input.bad("answers", "selfAssessment.error.behaviour");
    }
  }

  /** A rating as typed; out of range values are refused by {@link SelfAssessment#submit}. */
  private static Integer number(String text) {
    try {
      return Integer.valueOf(text);
    } catch (NumberFormatException e) {
      return Integer.MIN_VALUE;
    }
  }

  // --- aggregates ------------------------------------------------------------------------------

  /** The aggregates per unit and behaviour: for whom, see {@link ObservationAccess}. */
  @GetMapping(E + "/observation-aggregates")
  String aggregates(
      ClientScope scope,
      @AuthenticationPrincipal UserAccount me,
      @PathVariable UUID engagementId,
      @RequestParam(required = false) String unit,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      Locale locale,
      Model model,
      HttpServletResponse response) {
    model.addAttribute("client", clients.get(scope));
    model.addAttribute("engagementId", engagementId);
    try {
      model.addAttribute("view", aggregates.view(scope, me, engagementId, unit, from, to, locale));
      model.addAttribute("errors", Map.of());
    } catch (UserError e) {
      response.setStatus(422);
      model.addAttribute("view", null);
      model.addAttribute("errors", formErrors.byField(e, locale));
      model.addAttribute("quarters", aggregates.quarters());
    }
    return "observation/aggregates";
  }
}
