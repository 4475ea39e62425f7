package nl.orgcoach.organisation.structure;

import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import nl.orgcoach.access.ClientScope;
import nl.orgcoach.access.Clients;
import nl.orgcoach.organisation.OrganisationRoles;
import nl.orgcoach.platform.FormErrors;
import nl.orgcoach.platform.NotFoundException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** A unit's page (its place in the tree, people, settings, interdependencies) and its form. */
@Controller
class UnitController {

  static final int PEOPLE_SHOWN = 200;

  private final Clients clients;
  private final Units units;
  private final People people;
  private final Settings settings;
  private final Interdependencies interdependencies;
  private final StructureEditing editing;
  private final FormErrors formErrors;

  UnitController(
      Clients clients,
      Units units,
      People people,
      Settings settings,
      Interdependencies interdependencies,
      StructureEditing editing,
      FormErrors formErrors) {
    this.clients = clients;
    this.units = units;
    this.people = people;
    this.settings = settings;
    this.interdependencies = interdependencies;
    this.editing = editing;
    this.formErrors = formErrors;
  }

  @GetMapping("/c/{clientId}/units/{unitId}")
  String show(ClientScope scope, @PathVariable UUID unitId, Model model) {
    var unit = units.node(scope, unitId).orElseThrow(() -> new NotFoundException("unit"));
    model.addAttribute("client", clients.get(scope));
    model.addAttribute("unit", unit);
    model.addAttribute("path", units.path(scope, unitId));
    model.addAttribute("children", units.children(scope, unitId));
    model.addAttribute("people", people.inUnit(scope, unitId, PEOPLE_SHOWN));
    model.addAttribute("headcount", units.headcountOfSubtree(scope, unitId));
    model.addAttribute("settings", settings.ofUnit(scope, unitId));
    model.addAttribute("interdependencies", interdependencies.list(scope, unitId, 100));
    return "organisation/unit";
  }

  @GetMapping("/c/{clientId}/units/new")
  @PreAuthorize(OrganisationRoles.EDITORS)
  String create(ClientScope scope, @RequestParam(required = false) UUID parentId, Model model) {
    return form(
        scope, null, new StructureEditing.UnitForm(null, null, null, parentId), Map.of(), model);
  }

  @PostMapping("/c/{clientId}/units/new")
  @PreAuthorize(OrganisationRoles.EDITORS)
  String created(
      ClientScope scope,
      @ModelAttribute StructureEditing.UnitForm form,
      Model model,
      Locale locale) {
    return formErrors.submit(
        () -> "redirect:/c/" + scope.clientId() + "/units/" + editing.saveUnit(scope, null, form),
        errors -> form(scope, null, form, errors, model),
        locale);
  }

  @GetMapping("/c/{clientId}/units/{unitId}/edit")
  @PreAuthorize(OrganisationRoles.EDITORS)
  String edit(ClientScope scope, @PathVariable UUID unitId, Model model) {
    var unit = units.find(scope, unitId).orElseThrow(() -> new NotFoundException("unit"));
    return form(
        scope,
        unitId,
        new StructureEditing.UnitForm(unit.externalId(), unit.name(), unit.kind(), unit.parentId()),
        Map.of(),
        model);
  }

  @PostMapping("/c/{clientId}/units/{unitId}/edit")
  @PreAuthorize(OrganisationRoles.EDITORS)
  String edited(
      ClientScope scope,
      @PathVariable UUID unitId,
      @ModelAttribute StructureEditing.UnitForm form,
      Model model,
      Locale locale) {
    return formErrors.submit(
        () -> {
          editing.saveUnit(scope, unitId, form);
          return "redirect:/c/" + scope.clientId() + "/units/" + unitId;
        },
        errors -> form(scope, unitId, form, errors, model),
        locale);
  }

  private String form(
      ClientScope scope,
      UUID unitId,
      StructureEditing.UnitForm form,
      Map<String, String> errors,
      Model model) {
    model.addAttribute("client", clients.get(scope));
    model.addAttribute("unitId", unitId);
    model.addAttribute("form", form);
    model.addAttribute("choices", units.choices(scope));
    model.addAttribute("errors", errors);
    return "organisation/unit-form";
  }
}
