package nl.orgcoach.organisation.structure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import nl.orgcoach.access.ClientScope;
import nl.orgcoach.access.Clients;
import nl.orgcoach.organisation.OrganisationRoles;
import nl.orgcoach.platform.FormErrors;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The system map: which unit depends on which, for what and how strongly. A table and a graph; in a
 * large client the view starts from the strongest links or from one unit.
 */
@Controller
class InterdependencyController {

  static final int SHOWN = 300;

  private final Clients clients;
  private final Interdependencies interdependencies;
  private final Units units;
  private final StructureEditing editing;
  private final FormErrors formErrors;

  InterdependencyController(
      Clients clients,
      Interdependencies interdependencies,
      Units units,
      StructureEditing editing,
      FormErrors formErrors) {
    this.clients = clients;
    this.interdependencies = interdependencies;
    this.units = units;
    this.editing = editing;
    this.formErrors = formErrors;
  }

  @GetMapping("/c/{clientId}/interdependencies")
  String list(ClientScope scope, @RequestParam(required = false) UUID unit, Model model) {
    model.addAttribute("client", clients.get(scope));
    model.addAttribute("unit", unit == null ? null : units.find(scope, unit).orElse(null));
    model.addAttribute("rows", interdependencies.list(scope, unit, SHOWN));
    model.addAttribute("total", interdependencies.count(scope));
    model.addAttribute("shown", SHOWN);
    model.addAttribute("unitChoices", units.choices(scope));
    if (!model.containsAttribute("errors")) {
      model.addAttribute("errors", Map.of());
    }
    return "organisation/interdependencies";
  }

  /** The graph as an ECharts option: units as nodes, dependencies as arrows, width by strength. */
  @GetMapping(
      value = "/c/{clientId}/interdependencies/graph",
      produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  Map<String, Object> graph(ClientScope scope, @RequestParam(required = false) UUID unit) {
    var rows = interdependencies.list(scope, unit, SHOWN);
    Map<UUID, Map<String, Object>> nodes = new LinkedHashMap<>();
    Map<UUID, Integer> degree = new LinkedHashMap<>();
    List<Map<String, Object>> links = new ArrayList<>();
    String base = "/c/" + scope.clientId() + "/units/";
    for (var r : rows) {
      nodes.putIfAbsent(r.fromUnitId(), node(r.fromUnitId(), r.fromName(), base));
      nodes.putIfAbsent(r.toUnitId(), node(r.toUnitId(), r.toName(), base));
      degree.merge(r.fromUnitId(), r.strength(), Integer::sum);
      degree.merge(r.toUnitId(), r.strength(), Integer::sum);
      links.add(
          Map.of(
              "source", r.fromUnitId().toString(),
              "target", r.toUnitId().toString(),
              "value", r.strength(),
              "name", r.description(),
              "lineStyle", Map.of("width", r.strength() * 1.5, "opacity", 0.7)));
    }
    nodes.forEach((id, n) -> n.put("symbolSize", 10 + Math.min(30, degree.get(id) * 2)));
    return Map.of(
        "tooltip",
        Map.of(),
        "series",
        List.of(
            Map.of(
                "type",
                "graph",
                "layout",
                "force",
                "roam",
                true,
                "draggable",
                true,
                "force",
                Map.of("repulsion", 220, "edgeLength", 90),
                "edgeSymbol",
                List.of("none", "arrow"),
                "data",
                new ArrayList<>(nodes.values()),
                "links",
                links)));
  }

  @PostMapping("/c/{clientId}/interdependencies")
  @PreAuthorize(OrganisationRoles.EDITORS)
  String create(
      ClientScope scope,
      StructureEditing.InterdependencyForm form,
      Model model,
      Locale locale,
      RedirectAttributes redirect) {
    return formErrors.submit(
        () -> {
          editing.saveInterdependency(scope, form);
          return "redirect:/c/" + scope.clientId() + "/interdependencies";
        },
        errors -> {
          model.addAttribute("errors", errors);
          model.addAttribute("form", form);
          return list(scope, null, model);
        },
        locale);
  }

  @PostMapping("/c/{clientId}/interdependencies/{interdependencyId}/delete")
  @PreAuthorize(OrganisationRoles.EDITORS)
  String delete(ClientScope scope, @PathVariable UUID interdependencyId) {
    editing.deleteInterdependency(scope, interdependencyId);
    return "redirect:/c/" + scope.clientId() + "/interdependencies";
  }

  private static Map<String, Object> node(UUID id, String name, String base) {
    Map<String, Object> n = new LinkedHashMap<>();
    n.put("id", id.toString());
    n.put("name", name);
    n.put("href", base + id);
    return n;
  }
}
