package nl.orgcoach.engagement;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import nl.orgcoach.access.ClientScope;
import nl.orgcoach.access.Clients;
import nl.orgcoach.access.UserAccount;
import nl.orgcoach.organisation.PersonLookup;
import nl.orgcoach.organisation.UnitLookup;
import nl.orgcoach.platform.FormErrors;
import nl.orgcoach.platform.UserError;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The trail page (a timeline, or a graph with the timeline as its accessible and printable
 * alternative), its graph data, its CSV export, and the small page of one question the trail links
 * to. Who sees what: {@link TrailService}.
 */
@Controller
class TrailPagesController {

  private final TrailService service;
  private final TrailPresenter presenter;
  private final EngagementService engagements;
  private final Clients clients;
  private final UnitLookup units;
  private final PersonLookup people;
  private final FormErrors formErrors;

  TrailPagesController(
      TrailService service,
      TrailPresenter presenter,
      EngagementService engagements,
      Clients clients,
      UnitLookup units,
      PersonLookup people,
      FormErrors formErrors) {
    this.service = service;
    this.presenter = presenter;
    this.engagements = engagements;
    this.clients = clients;
    this.units = units;
    this.people = people;
    this.formErrors = formErrors;
  }

  @GetMapping("/c/{clientId}/engagements/{engagementId}/trail")
  String trail(
      ClientScope scope,
      @AuthenticationPrincipal UserAccount me,
      @PathVariable UUID engagementId,
      @RequestParam(required = false) String unit,
      @RequestParam(required = false) String person,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String view,
      Model model,
      Locale locale,
      HttpServletResponse response) {
    EngagementView engagement = engagements.view(scope, me, engagementId);
    TrailService.Request request = new TrailService.Request(unit, person, from, to);
    boolean graph = "graph".equals(view);
    model.addAttribute("client", clients.get(scope));
    model.addAttribute("engagement", engagement);
    model.addAttribute("request", request);
    model.addAttribute("graph", graph);
    try {
      TrailService.View v = service.trail(scope, me, engagementId, request);
      model.addAttribute("trail", v);
      model.addAttribute("groups", presenter.timeline(scope.clientId(), v, locale));
      model.addAttribute("errors", Map.of());
      model.addAttribute("limit", Trail.MAX_NODES);
      model.addAttribute("links", links(scope, engagementId, v));
    } catch (UserError e) {
      response.setStatus(422);
      model.addAttribute("trail", null);
      model.addAttribute("groups", List.of());
      model.addAttribute("errors", formErrors.byField(e, locale));
    }
    model.addAttribute("units", units.all(scope));
    List<UUID> scopeUnits = engagement.units().stream().map(Engagements.Named::id).toList();
    List<PersonLookup.PersonRef> choices =
        new ArrayList<>(people.inUnits(scope, scopeUnits, EngagementPagesController.PEOPLE_SHOWN));
    chosenPerson(scope, person, choices);
    model.addAttribute("people", choices);
    return "engagement/trail";
  }

  /** The views, the graph's data and the export, each with the filter the page shows. */
  private static Map<String, String> links(
      ClientScope scope, UUID engagementId, TrailService.View v) {
    UriComponentsBuilder query = UriComponentsBuilder.newInstance();
    query.queryParam("from", v.from()).queryParam("to", v.to());
    if (v.unit() != null) {
      query.queryParam("unit", v.unit());
    }
    if (v.person() != null) {
      query.queryParam("person", v.person());
    }
    String filter = query.build().toUriString();
    String base = "/c/" + scope.clientId() + "/engagements/" + engagementId + "/trail";
    return Map.of(
        "timeline", base + filter + "&view=timeline",
        "graph", base + filter + "&view=graph",
        "graphData", base + "/graph" + filter,
        "csv", base + ".csv" + filter);
  }

  /** The chosen person stays selectable even when not among the people listed. */
  private void chosenPerson(
      ClientScope scope, String person, List<PersonLookup.PersonRef> choices) {
    if (person == null || person.isBlank()) {
      return;
    }
    try {
      UUID id = UUID.fromString(person.strip());
      if (choices.stream().noneMatch(p -> p.id().equals(id))) {
        people.find(scope, id).ifPresent(choices::add);
      }
    } catch (IllegalArgumentException e) {
      // not an id: the trail itself answers 404 for it
    }
  }

  /** The graph of the page as an ECharts option (same filter, same nodes as the timeline). */
  @GetMapping(
      value = "/c/{clientId}/engagements/{engagementId}/trail/graph",
      produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  Map<String, Object> graph(
      ClientScope scope,
      @AuthenticationPrincipal UserAccount me,
      @PathVariable UUID engagementId,
      @RequestParam(required = false) String unit,
      @RequestParam(required = false) String person,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      Locale locale) {
    TrailService.View v =
        service.trail(scope, me, engagementId, new TrailService.Request(unit, person, from, to));
    return presenter.graph(scope.clientId(), v, locale);
  }

  @GetMapping("/c/{clientId}/engagements/{engagementId}/trail.csv")
  ResponseEntity<byte[]> csv(
      ClientScope scope,
      @AuthenticationPrincipal UserAccount me,
      @PathVariable UUID engagementId,
      @RequestParam(required = false) String unit,
      @RequestParam(required = false) String person,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      Locale locale) {
    TrailService.View v =
        service.trail(scope, me, engagementId, new TrailService.Request(unit, person, from, to));
    String name = "trail-" + v.from() + "-" + v.to() + ".csv";
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(name).build().toString())
        .body(presenter.csv(scope.clientId(), v, locale).getBytes(StandardCharsets.UTF_8));
  }

  @GetMapping("/c/{clientId}/engagements/{engagementId}/questions/{questionId}")
  String question(
      ClientScope scope,
      @AuthenticationPrincipal UserAccount me,
      @PathVariable UUID engagementId,
      @PathVariable UUID questionId,
      Model model) {
    model.addAttribute("detail", service.question(scope, me, engagementId, questionId));
    model.addAttribute("client", clients.get(scope));
    model.addAttribute("engagement", engagements.view(scope, me, engagementId));
    return "engagement/question";
  }
}
