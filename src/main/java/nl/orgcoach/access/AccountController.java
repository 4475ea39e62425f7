package nl.orgcoach.access;

import java.util.Locale;
import java.util.UUID;
import nl.orgcoach.platform.UserError;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
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
 * Every user's own account: who they are, which clients they reach, their password and their
 * personal API tokens. A new token's secret goes to the next page as a flash attribute: shown once.
 */
@Controller
@RequestMapping("/account")
class AccountController {

  private final AccessAdministration administration;
  private final Clients clients;
  private final ApiTokens tokens;
  private final MessageSource messages;

  AccountController(
      AccessAdministration administration,
      Clients clients,
      ApiTokens tokens,
      MessageSource messages) {
    this.administration = administration;
    this.clients = clients;
    this.tokens = tokens;
    this.messages = messages;
  }

  @GetMapping
  String account(@AuthenticationPrincipal UserAccount me, Model model) {
    model.addAttribute("visibleClients", clients.visibleTo(me));
    return "access/account";
  }

  @PostMapping("/password")
  String changePassword(
      @AuthenticationPrincipal UserAccount me,
      @RequestParam(defaultValue = "") String current,
      @RequestParam(defaultValue = "") String replacement,
      @RequestParam(defaultValue = "") String repeat,
      Model model,
      Locale locale,
      RedirectAttributes redirect) {
    try {
      if (!replacement.equals(repeat)) {
        throw new UserError("password.mismatch");
      }
      administration.changeOwnPassword(me, current, replacement);
    } catch (UserError e) {
      model.addAttribute("error", message(e, locale));
      return account(me, model);
    }
    redirect.addFlashAttribute("passwordChanged", true);
    return "redirect:/account";
  }

  @GetMapping("/tokens")
  String tokens(@AuthenticationPrincipal UserAccount me, Model model) {
    model.addAttribute("tokens", tokens.of(me));
    model.addAttribute("zone", AdminController.ZONE);
    model.addAttribute("visibleClients", clients.visibleTo(me));
    if (!model.containsAttribute("name")) {
      model.addAttribute("name", "");
      model.addAttribute("days", "");
      model.addAttribute("selectedClient", "");
    }
    return "access/tokens";
  }

  @PostMapping("/tokens")
  String createToken(
      @AuthenticationPrincipal UserAccount me,
      @RequestParam(defaultValue = "") String name,
      @RequestParam(defaultValue = "") String client,
      @RequestParam(defaultValue = "") String days,
      Model model,
      Locale locale,
      RedirectAttributes redirect) {
    ApiTokens.NewToken created;
    try {
      ClientId clientId = AdminController.parseClient(client);
      if (clientId == null) {
        throw new UserError("token.client.required");
      }
      created = tokens.create(me, clientId, name, parseDays(days));
    } catch (UserError e) {
      model.addAttribute("error", message(e, locale));
      model.addAttribute("name", name);
      model.addAttribute("days", days);
      model.addAttribute("selectedClient", client);
      return tokens(me, model);
    }
    redirect.addFlashAttribute("tokenSecret", created.secret());
    return "redirect:/account/tokens";
  }

  @PostMapping("/tokens/{id}/revoke")
  String revoke(
      @AuthenticationPrincipal UserAccount me, @PathVariable UUID id, RedirectAttributes redirect) {
    tokens.revoke(me, id);
    redirect.addFlashAttribute("revoked", true);
    return "redirect:/account/tokens";
  }

  private static Integer parseDays(String days) {
    if (!StringUtils.hasText(days)) {
      return null;
    }
    try {
      return Integer.valueOf(days.trim());
    } catch (NumberFormatException e) {
      throw new UserError("token.validity.invalid");
    }
  }

  private String message(UserError e, Locale locale) {
    return messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale);
  }
}
