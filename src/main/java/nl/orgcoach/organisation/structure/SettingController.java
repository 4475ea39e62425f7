package nl.orgcoach.organisation.structure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import nl.orgcoach.access.ClientScope;
import nl.orgcoach.access.Clients;
import nl.orgcoach.organisation.OrganisationRoles;
import nl.orgcoach.organisation.SettingKind;
import nl.orgcoach.platform.FormErrors;
import nl.orgcoach.platform.NotFoundException;
import nl.orgcoach.platform.UserError;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Settings (gremia): the list by kind, a setting's members, and the form. */
@Controller
class SettingController {

  private final Clients clients;
  private final Settings settings;
  private final Units units;
  private final People people;
  private final StructureEditing editing;
  private final FormErrors formErrors;

  SettingController(
      Clients clients,
      Settings settings,
      Units units,
      People people,
      StructureEditing editing,
      FormErrors formErrors) {
    this.clients = clients;
    this.settings = settings;
    this.units = units;
    this.people = people;
    this.editing = editing;
    this.formErrors = formErrors;
  }

  @GetMapping("/c/{clientId}/settings")
  String list(ClientScope scope, @RequestParam(required = false) SettingKind kind, Model model) {
    model.addAttribute("client", clients.get(scope));
    model.addAttribute("kind", kind);
    model.addAttribute("kinds", SettingKind.values());
    model.addAttribute("settings", settings.all(scope, kind));
    return "organisation/settings";
  }

  @GetMapping("/c/{clientId}/settings/{settingId}")
  String show(ClientScope scope, @PathVariable UUID settingId, Model model) {
    model.addAttribute("client", clients.get(scope));
    model.addAttribute(
        "setting",
        settings.find(scope, settingId).orElseThrow(() -> new NotFoundException("setting")));
    model.addAttribute("members", settings.members(scope, settingId));
    return "organisation/setting";
  }

  @GetMapping("/c/{clientId}/settings/new")
  @PreAuthorize(OrganisationRoles.EDITORS)
  String create(ClientScope scope, Model model) {
    return form(
        scope, null, new Form(null, null, SettingKind.TEAM_MEETING, null, ""), Map.of(), model);
  }

  @PostMapping("/c/{clientId}/settings/new")
  @PreAuthorize(OrganisationRoles.EDITORS)
  String created(ClientScope scope, Form form, Model model, Locale locale) {
    return formErrors.submit(
        () -> {
          UUID id = editing.saveSetting(scope, null, toCommand(scope, form));
          return "redirect:/c/" + scope.clientId() + "/settings/" + id;
        },
        errors -> form(scope, null, form, errors, model),
        locale);
  }

  @GetMapping("/c/{clientId}/settings/{settingId}/edit")
  @PreAuthorize(OrganisationRoles.EDITORS)
  String edit(ClientScope scope, @PathVariable UUID settingId, Model model) {
    var s = settings.find(scope, settingId).orElseThrow(() -> new NotFoundException("setting"));
    String members =
        String.join(
            "\n",
            settings.members(scope, settingId).stream().map(People.PersonRow::externalId).toList());
    return form(
        scope,
        settingId,
        new Form(s.externalId(), s.name(), s.kind(), s.unitId(), members),
        Map.of(),
        model);
  }

  @PostMapping("/c/{clientId}/settings/{settingId}/edit")
  @PreAuthorize(OrganisationRoles.EDITORS)
  String edited(
      ClientScope scope, @PathVariable UUID settingId, Form form, Model model, Locale locale) {
    return formErrors.submit(
        () -> {
          editing.saveSetting(scope, settingId, toCommand(scope, form));
          return "redirect:/c/" + scope.clientId() + "/settings/" + settingId;
        },
        errors -> form(scope, settingId, form, errors, model),
        locale);
  }

  /**
   * Members are typed as the client's own person ids, one per line (or separated by spaces,
   * commas).
   */
  private StructureEditing.SettingForm toCommand(ClientScope scope, Form form) {
    var wanted = new LinkedHashSet<String>();
    if (form.members() != null) {
      Arrays.stream(form.members().split("[\\s,;|]+"))
          .map(String::strip)
          .filter(s -> !s.isEmpty())
          .forEach(wanted::add);
    }
    if (wanted.size() > 2_000) {
      throw new UserError(
          "structure.invalid",
          List.of(
              new UserError.Problem(
                  null, "members", "structure.members.tooMany", List.of("2000"))));
    }
    Map<String, UUID> found = people.idsByExternal(scope, wanted);
    List<String> unknown = wanted.stream().filter(w -> !found.containsKey(w)).toList();
    if (!unknown.isEmpty()) {
      throw new UserError(
          "structure.invalid",
          List.of(
              new UserError.Problem(
                  null,
                  "members",
                  "structure.members.unknown",
                  List.of(String.join(", ", unknown.stream().limit(20).toList())))));
    }
    List<UUID> ids = new ArrayList<>();
    wanted.forEach(w -> ids.add(found.get(w)));
    return new StructureEditing.SettingForm(
        form.externalId(), form.name(), form.kind(), form.unitId(), ids);
  }

  private String form(
      ClientScope scope, UUID settingId, Form form, Map<String, String> errors, Model model) {
    model.addAttribute("client", clients.get(scope));
    model.addAttribute("settingId", settingId);
    model.addAttribute("form", form);
    model.addAttribute("kinds", SettingKind.values());
    model.addAttribute("unitChoices", units.choices(scope));
    model.addAttribute("errors", errors);
    return "organisation/setting-form";
  }

  /** The form as typed: members as text. */
  record Form(String externalId, String name, SettingKind kind, UUID unitId, String members) {}
}
