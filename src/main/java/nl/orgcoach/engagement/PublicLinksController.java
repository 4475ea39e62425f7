package nl.orgcoach.engagement;

import static nl.orgcoach.platform.FormErrors.uuid;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import nl.orgcoach.access.LinkTokens;
import nl.orgcoach.platform.FormErrors;
import nl.orgcoach.platform.UserError;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The public pages of intake and reaction links: no account, no navigation, Dutch or English, made
 * for a phone. A revoked, expired or unknown link always gets the same "link not available" page
 * with status 404, so that the page tells nothing about which of the three it is. Submissions are
 * throttled per IP address and per link ({@link PublicLinkThrottle}) and limited in size.
 */
@Controller
class PublicLinksController {

  static final String REACTED_COOKIE = "oc_reacted";

  private final IntakeService intake;
  private final ReactionService reactions;
  private final PublicLinkThrottle throttle;
  private final PublicLinkSettings settings;
  private final FormErrors formErrors;

  PublicLinksController(
      IntakeService intake,
      ReactionService reactions,
      PublicLinkThrottle throttle,
      PublicLinkSettings settings,
      FormErrors formErrors) {
    this.intake = intake;
    this.reactions = reactions;
    this.throttle = throttle;
    this.settings = settings;
    this.formErrors = formErrors;
  }

  /** The intake form as posted; all text, so that nothing fails before the domain's rules. */
  record IntakeForm(
      String askerName,
      String text,
      String level,
      String unitId,
      String forManagement,
      String decisionId) {

    static IntakeForm empty() {
      return new IntakeForm(null, null, "TEAM", null, null, null);
    }

    IntakeService.Submission submission() {
      return new IntakeService.Submission(
          askerName,
          text,
          level,
          uuid(unitId),
          forManagement != null && !forManagement.isBlank(),
          uuid(decisionId));
    }
  }

  /** The reaction form as posted. */
  record ReactionForm(String rating, String comment) {}

  // --- intake

  @GetMapping("/intake/{token}")
  String intakeForm(@PathVariable String token, Model model, HttpServletResponse response) {
    return intakePage(token, IntakeForm.empty(), Map.of(), model, response);
  }

  @PostMapping("/intake/{token}")
  String intakeSubmit(
      @PathVariable String token,
      @ModelAttribute IntakeForm form,
      Model model,
      Locale locale,
      HttpServletRequest request,
      HttpServletResponse response) {
    if (!throttle.allow("intake", request.getRemoteAddr(), key(token))) {
      return message("link.busy", 429, model, response);
    }
    return formErrors.submit(
        () -> {
          refuseTooLarge(request);
          return intake.submit(token, form.submission())
              ? "redirect:/intake/" + token + "/thanks"
              : gone(model, response);
        },
        errors -> intakePage(token, form, errors, model, response, 422),
        locale);
  }

  @GetMapping("/intake/{token}/thanks")
  String intakeThanks(@PathVariable String token, Model model, HttpServletResponse response) {
    var page = intake.page(token);
    if (page.isEmpty()) {
      return gone(model, response);
    }
    model.addAttribute("page", page.get());
    model.addAttribute("token", token);
    return "engagement/intake-thanks";
  }

  private String intakePage(
      String token,
      IntakeForm form,
      Map<String, String> errors,
      Model model,
      HttpServletResponse response) {
    return intakePage(token, form, errors, model, response, 200);
  }

  private String intakePage(
      String token,
      IntakeForm form,
      Map<String, String> errors,
      Model model,
      HttpServletResponse response,
      int status) {
    var page = intake.page(token);
    if (page.isEmpty()) {
      return gone(model, response);
    }
    response.setStatus(status);
    model.addAttribute("page", page.get());
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    model.addAttribute("token", token);
    model.addAttribute("levels", QuestionLevel.values());
    return "engagement/intake-form";
  }

  // --- reactions

  @GetMapping("/reaction/{token}")
  String reactionForm(
      @PathVariable String token,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response) {
    return reactionPage(
        token, new ReactionForm(null, null), Map.of(), 200, model, request, response);
  }

  @PostMapping("/reaction/{token}")
  String reactionSubmit(
      @PathVariable String token,
      @ModelAttribute ReactionForm form,
      Model model,
      Locale locale,
      HttpServletRequest request,
      HttpServletResponse response) {
    if (!throttle.allow("reaction", request.getRemoteAddr(), key(token))) {
      return message("link.busy", 429, model, response);
    }
    if (answered(request)) {
      return reactionPage(token, form, Map.of(), 200, model, request, response);
    }
    return formErrors.submit(
        () -> {
          refuseTooLarge(request);
          var outcome = reactions.answer(token, new Reaction.Answer(form.rating(), form.comment()));
          return afterAnswer(outcome, token, model, request, response);
        },
        errors -> reactionPage(token, form, errors, 422, model, request, response),
        locale);
  }

  /** The page after an answer: thanks (and the cookie that says so), full, or gone. */
  private String afterAnswer(
      ReactionService.Outcome outcome,
      String token,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response) {
    return switch (outcome) {
      case GONE -> gone(model, response);
      case FULL -> message("reaction.link.full", 200, model, response);
      case SAVED -> {
        Cookie cookie = new Cookie(REACTED_COOKIE, "1");
        cookie.setPath(request.getContextPath() + "/reaction/" + token);
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        cookie.setMaxAge((int) Duration.ofDays(365).toSeconds());
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
        yield message("reaction.link.thanks", 200, model, response);
      }
    };
  }

  private String reactionPage(
      String token,
      ReactionForm form,
      Map<String, String> errors,
      int status,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response) {
    var page = reactions.page(token);
    if (page.isEmpty()) {
      return gone(model, response);
    }
    if (answered(request)) {
      return message("reaction.link.already", 200, model, response);
    }
    response.setStatus(status);
    model.addAttribute("page", page.get());
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    model.addAttribute("token", token);
    return "engagement/reaction-form";
  }

  /** Whether this browser already answered through this link (the cookie is per link path). */
  private static boolean answered(HttpServletRequest request) {
    Cookie[] cookies = request.getCookies();
    if (cookies == null) {
      return false;
    }
    for (Cookie c : cookies) {
      if (REACTED_COOKIE.equals(c.getName())) {
        return true;
      }
    }
    return false;
  }

  // --- shared

  private String gone(Model model, HttpServletResponse response) {
    return message("link.gone", HttpServletResponse.SC_NOT_FOUND, model, response);
  }

  private String message(String key, int status, Model model, HttpServletResponse response) {
    response.setStatus(status);
    model.addAttribute("messageKey", key);
    return "engagement/public-message";
  }

  /** A body larger than allowed is refused like any bad input: the form again, with a message. */
  private void refuseTooLarge(HttpServletRequest request) {
    if (request.getContentLengthLong() > settings.maxRequestBytes()) {
      throw new UserError("link.tooLarge");
    }
  }

  /** The throttle's key of a link: its hash, so that no secret is kept in memory. */
  private static String key(String token) {
    String hash = LinkTokens.hashOf(token);
    return hash == null ? "malformed" : hash;
  }

  /** A text that is not a UUID becomes a random one: "unknown", which the domain refuses. */
}
