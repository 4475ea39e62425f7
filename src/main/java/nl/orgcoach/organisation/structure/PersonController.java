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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/** The people directory (searchable, paged), a person's page with reporting lines, and the form. */
@Controller
class PersonController {

  static final int PAGE_SIZE = 50;

  private final Clients clients;
  private final People people;
  private final Units units;
  private final Settings settings;
  private final StructureEditing editing;
  private final FormErrors formErrors;

  PersonController(
      Clients clients,
      People people,
      Units units,
      Settings settings,
      StructureEditing editing,
      FormErrors formErrors) {
    this.clients = clients;
    this.people = people;
    this.units = units;
    this.settings = settings;
    this.editing = editing;
    this.formErrors = formErrors;
  }

  @GetMapping("/c/{clientId}/people")
  String list(
      ClientScope scope,
      @RequestParam(required = false) String q,
      @RequestParam(required = false) UUID unit,
      @RequestParam(defaultValue = "0") int page,
      @RequestHeader(name = "HX-Request", required = false) String htmx,
      Model model) {
    int safePage = Math.max(0, Math.min(page, 100_000));
    int total = people.count(scope, q, unit);
    model.addAttribute("client", clients.get(scope));
    model.addAttribute("q", q);
    model.addAttribute("unit", unit);
    model.addAttribute("page", safePage);
    model.addAttribute("total", total);
    model.addAttribute("pages", Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE));
    model.addAttribute("people", people.search(scope, q, unit, safePage * PAGE_SIZE, PAGE_SIZE));
    return htmx != null ? "organisation/people :: results" : "organisation/people";
  }

  @GetMapping("/c/{clientId}/people/{personId}")
  String show(ClientScope scope, @PathVariable UUID personId, Model model) {
    var person = people.find(scope, personId).orElseThrow(() -> new NotFoundException("person"));
    model.addAttribute("client", clients.get(scope));
    model.addAttribute("person", person);
    model.addAttribute("chain", people.managementChain(scope, personId));
    model.addAttribute("reports", people.directReports(scope, personId));
    model.addAttribute("settings", settings.ofPerson(scope, personId));
    model.addAttribute("unitPath", units.path(scope, person.unitId()));
    return "organisation/person";
  }

  @GetMapping("/c/{clientId}/people/new")
  @PreAuthorize(OrganisationRoles.EDITORS)
  String create(ClientScope scope, @RequestParam(required = false) UUID unitId, Model model) {
    return form(
        scope,
        null,
        new StructureEditing.PersonForm(null, null, null, null, null, unitId, null),
        Map.of(),
        model);
  }

  @PostMapping("/c/{clientId}/people/new")
  @PreAuthorize(OrganisationRoles.EDITORS)
  String created(
      ClientScope scope,
      @ModelAttribute StructureEditing.PersonForm form,
      Model model,
      Locale locale) {
    return formErrors.submit(
        () ->
            "redirect:/c/" + scope.clientId() + "/people/" + editing.savePerson(scope, null, form),
        errors -> form(scope, null, form, errors, model),
        locale);
  }

  @GetMapping("/c/{clientId}/people/{personId}/edit")
  @PreAuthorize(OrganisationRoles.EDITORS)
  String edit(ClientScope scope, @PathVariable UUID personId, Model model) {
    var p = people.find(scope, personId).orElseThrow(() -> new NotFoundException("person"));
    return form(
        scope,
        personId,
        new StructureEditing.PersonForm(
            p.externalId(),
            p.firstName(),
            p.lastName(),
            p.email(),
            p.jobTitle(),
            p.unitId(),
            p.managerId()),
        Map.of(),
        model);
  }

  @PostMapping("/c/{clientId}/people/{personId}/edit")
  @PreAuthorize(OrganisationRoles.EDITORS)
  String edited(
      ClientScope scope,
      @PathVariable UUID personId,
      @ModelAttribute StructureEditing.PersonForm form,
      Model model,
      Locale locale) {
    return formErrors.submit(
        () -> {
          editing.savePerson(scope, personId, form);
          return "redirect:/c/" + scope.clientId() + "/people/" + personId;
        },
        errors -> form(scope, personId, form, errors, model),
        locale);
  }

  private String form(
      ClientScope scope,
      UUID personId,
      StructureEditing.PersonForm form,
      Map<String, String> errors,
      Model model) {
    model.addAttribute("client", clients.get(scope));
    model.addAttribute("personId", personId);
    model.addAttribute("form", form);
    model.addAttribute("unitChoices", units.choices(scope));
    // Managers are offered from the person's unit and the unit above it, where they almost always
    // are; a full list would be 100,000 options in a large client. The current manager stays
    // listed.
    var candidates = new java.util.LinkedHashMap<UUID, People.PersonRow>();
    if (form.unitId() != null) {
      units
          .find(scope, form.unitId())
          .ifPresent(
              u -> {
                if (u.parentId() != null) {
                  people.inUnit(scope, u.parentId(), 300).forEach(p -> candidates.put(p.id(), p));
                }
                people.inUnit(scope, u.id(), 300).forEach(p -> candidates.put(p.id(), p));
              });
    }
    if (form.managerId() != null) {
      people.find(scope, form.managerId()).ifPresent(p -> candidates.putIfAbsent(p.id(), p));
    }
    if (personId != null) {
      candidates.remove(personId);
    }
    model.addAttribute("managerChoices", candidates.values());
    model.addAttribute("errors", errors);
    return "organisation/person-form";
  }
}
