package nl.orgcoach.access;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import nl.orgcoach.platform.UserError;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The practice admin's pages: client organisations, users, the audit log. {@code /admin/**} is
 * admin-only in {@link SecurityConfiguration}; the rules live in {@link AccessAdministration}. Bad
 * input re-renders the form with the message and the values entered; success redirects (PRG).
 * Generated passwords travel to the next page as a flash attribute, so they are shown exactly once.
 */
@Controller
@RequestMapping("/admin")
class AdminController {

  static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
  static final int AUDIT_PAGE_SIZE = 50;

  private final AccessAdministration administration;
  private final AuditLog audit;
  private final MessageSource messages;

  AdminController(AccessAdministration administration, AuditLog audit, MessageSource messages) {
    this.administration = administration;
    this.audit = audit;
    this.messages = messages;
  }

  // ---- clients

  @GetMapping("/clients")
  String clients(Model model) {
    model.addAttribute("clients", administration.clientOverview());
    model.addAttribute("zone", ZONE);
    if (!model.containsAttribute("name")) {
      model.addAttribute("name", "");
    }
    return "access/admin-clients";
  }

  @PostMapping("/clients")
  String createClient(
      @RequestParam(defaultValue = "") String name,
      Model model,
      Locale locale,
      RedirectAttributes redirect) {
    try {
      administration.createClient(name);
    } catch (UserError e) {
      model.addAttribute("error", message(e, locale));
      model.addAttribute("name", name);
      return clients(model);
    }
    redirect.addFlashAttribute("created", name.trim());
    return "redirect:/admin/clients";
  }

  // ---- users

  @GetMapping("/users")
  String users(
      @RequestParam(required = false) String role,
      @RequestParam(required = false) String client,
      Model model) {
    Role roleFilter = parseRole(role);
    ClientId clientFilter = parseClient(client);
    model.addAttribute("users", administration.users(roleFilter, clientFilter));
    model.addAttribute("roles", Role.values());
    model.addAttribute("allClients", administration.allClients());
    model.addAttribute("roleFilter", roleFilter == null ? "" : roleFilter.name());
    model.addAttribute("clientFilter", clientFilter == null ? "" : clientFilter.toString());
    if (!model.containsAttribute("form")) {
      model.addAttribute("form", UserForm.empty());
    }
    return "access/admin-users";
  }

  @PostMapping("/users")
  String createUser(UserForm form, Model model, Locale locale, RedirectAttributes redirect) {
    AccessAdministration.CreatedUser created;
    try {
      created =
          administration.createUser(
              new AccessAdministration.NewUser(
                  form.email(),
                  form.displayName(),
                  form.generate() ? null : form.password(),
                  parseRole(form.role()),
                  parseClient(form.client()),
                  null),
              form.generate());
    } catch (UserError e) {
      model.addAttribute("error", message(e, locale));
      // The typed password is never echoed back into the page.
      model.addAttribute("form", form.withoutPassword());
      return users(null, null, model);
    }
    redirect.addFlashAttribute("generatedPassword", created.generatedPassword());
    redirect.addFlashAttribute("created", true);
    return "redirect:/admin/users/" + created.id();
  }

  @GetMapping("/users/{id}")
  String user(@PathVariable UUID id, Model model) {
    UserAccount user = administration.user(id).withoutPassword();
    model.addAttribute("user", user);
    model.addAttribute("locked", administration.isLocked(id));
    model.addAttribute("roles", Role.values());
    List<ClientSummary> all = administration.allClients();
    model.addAttribute("allClients", all);
    if (user.is(Role.COACH)) {
      List<ClientSummary> assigned = administration.assignmentsOf(id);
      model.addAttribute("assigned", assigned);
      model.addAttribute("assignable", all.stream().filter(c -> !assigned.contains(c)).toList());
    }
    return "access/admin-user";
  }

  @PostMapping("/users/{id}/role")
  String changeRole(
      @PathVariable UUID id,
      @RequestParam(defaultValue = "") String role,
      @RequestParam(required = false) String client,
      Model model,
      Locale locale,
      RedirectAttributes redirect) {
    return act(
        id,
        model,
        locale,
        redirect,
        () -> {
          Role r = parseRole(role);
          if (r == null) {
            throw new UserError("user.role.invalid");
          }
          administration.changeRole(id, r, parseClient(client));
        });
  }

  @PostMapping("/users/{id}/enabled")
  String setEnabled(
      @PathVariable UUID id,
      @RequestParam boolean enabled,
      Model model,
      Locale locale,
      RedirectAttributes redirect) {
    return act(id, model, locale, redirect, () -> administration.setEnabled(id, enabled));
  }

  @PostMapping("/users/{id}/reset")
  String resetAccess(@PathVariable UUID id, RedirectAttributes redirect) {
    redirect.addFlashAttribute("generatedPassword", administration.resetPassword(id));
    return "redirect:/admin/users/" + id;
  }

  @PostMapping("/users/{id}/assignments")
  String assign(
      @PathVariable UUID id,
      @RequestParam(defaultValue = "") String client,
      Model model,
      Locale locale,
      RedirectAttributes redirect) {
    return act(
        id,
        model,
        locale,
        redirect,
        () -> {
          ClientId c = parseClient(client);
          if (c == null) {
            throw new UserError("user.client.unknown");
          }
          administration.assignCoach(id, c);
        });
  }

  @PostMapping("/users/{id}/assignments/{clientId}/delete")
  String unassign(@PathVariable UUID id, @PathVariable UUID clientId, RedirectAttributes redirect) {
    administration.unassignCoach(id, new ClientId(clientId));
    redirect.addFlashAttribute("saved", true);
    return "redirect:/admin/users/" + id;
  }

  // ---- audit log

  @GetMapping("/audit")
  String audit(
      @RequestParam(required = false) String type,
      @RequestParam(defaultValue = "0") int page,
      Model model) {
    AuditType typeFilter =
        Arrays.stream(AuditType.values())
            .filter(t -> t.name().equals(type))
            .findFirst()
            .orElse(null);
    int current = Math.max(0, page);
    // One extra row tells whether there is a next page.
    List<AuditLog.Entry> entries = audit.page(typeFilter, current, AUDIT_PAGE_SIZE + 1);
    model.addAttribute("entries", entries.stream().limit(AUDIT_PAGE_SIZE).toList());
    model.addAttribute("hasNext", entries.size() > AUDIT_PAGE_SIZE);
    model.addAttribute("page", current);
    model.addAttribute("types", AuditType.values());
    model.addAttribute("typeFilter", typeFilter == null ? "" : typeFilter.name());
    model.addAttribute("zone", ZONE);
    return "access/admin-audit";
  }

  // ---- helpers

  private String act(
      UUID id, Model model, Locale locale, RedirectAttributes redirect, Runnable action) {
    try {
      action.run();
    } catch (UserError e) {
      model.addAttribute("error", message(e, locale));
      return user(id, model);
    }
    redirect.addFlashAttribute("saved", true);
    return "redirect:/admin/users/" + id;
  }

  private String message(UserError e, Locale locale) {
    return messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale);
  }

  /**
   * A role from a form; blank means none (the rules in AccessAdministration then say what is
   * missing).
   */
  static Role parseRole(String role) {
    if (!StringUtils.hasText(role)) {
      return null;
    }
    return Arrays.stream(Role.values())
        .filter(r -> r.name().equals(role))
        .findFirst()
        .orElseThrow(() -> new UserError("user.role.invalid"));
  }

  static ClientId parseClient(String client) {
    if (!StringUtils.hasText(client)) {
      return null;
    }
    try {
      return ClientId.of(client.trim());
    } catch (IllegalArgumentException e) {
      throw new UserError("user.client.unknown");
    }
  }

  /** The create-user form; {@code generate} means: make up the initial password. */
  record UserForm(
      String email,
      String displayName,
      String role,
      String client,
      String password,
      boolean generate) {

    static UserForm empty() {
      return new UserForm("", "", "", "", "", true);
    }

    UserForm withoutPassword() {
      return new UserForm(email, displayName, role, client, "", generate);
    }
  }
}
