package nl.orgcoach.feedback;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.orgcoach.access.LinkTokens;
import nl.orgcoach.platform.FormErrors;
import nl.orgcoach.platform.UserError;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The rater's page behind a personal link ({@code /f/{token}}): no account, made for a phone, in
 * the language of the invitation ({@code ?lang=} in the mailed link). Editable until the round
 * closes. An unknown, forged or closed link always gets the same "not available" page with 404.
 * Requests are throttled per IP address and per link.
 */
@Controller
class RaterLinkController {

  private final FeedbackService service;
  private final RaterLinkThrottle throttle;
  private final FeedbackSettings settings;
  private final FormErrors formErrors;

  RaterLinkController(
      FeedbackService service,
      RaterLinkThrottle throttle,
      FeedbackSettings settings,
      FormErrors formErrors) {
    this.service = service;
    this.throttle = throttle;
    this.settings = settings;
    this.formErrors = formErrors;
  }

  @GetMapping("/f/{token}")
  String form(
      @PathVariable String token,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response) {
    if (!throttle.allow(request.getRemoteAddr(), key(token))) {
      return message("feedback.link.busy", 429, model, response);
    }
    return page(token, null, Map.of(), 200, model, response);
  }

  @PostMapping("/f/{token}")
  String submit(
      @PathVariable String token,
      @RequestParam Map<String, String> form,
      Model model,
      Locale locale,
      HttpServletRequest request,
      HttpServletResponse response) {
    if (!throttle.allow(request.getRemoteAddr(), key(token))) {
      return message("feedback.link.busy", 429, model, response);
    }
    List<FeedbackService.Answer> answers = new ArrayList<>();
    for (int p = 1; p <= FeedbackService.MAX_BEHAVIOURS; p++) {
      answers.add(new FeedbackService.Answer(p, form.get("b" + p), form.get("c" + p)));
    }
    return formErrors.submit(
        () -> {
          if (request.getContentLengthLong() > settings.maxRequestBytes()) {
            throw new UserError("feedback.link.tooLarge"); // refused like any bad input
          }
          return service.answer(token, answers, form.containsKey("named"))
              ? message("feedback.link.thanks", 200, model, response)
              : gone(model, response);
        },
        errors -> page(token, form, errors, 422, model, response),
        locale);
  }

  private String page(
      String token,
      Map<String, String> posted,
      Map<String, String> errors,
      int status,
      Model model,
      HttpServletResponse response) {
    var page = service.page(token);
    if (page.isEmpty()) {
      return gone(model, response);
    }
    response.setStatus(status);
    model.addAttribute("page", page.get());
    model.addAttribute("posted", posted);
    model.addAttribute("errors", errors);
    model.addAttribute("token", token);
    return "feedback/answer";
  }

  private String gone(Model model, HttpServletResponse response) {
    return message("feedback.link.gone", HttpServletResponse.SC_NOT_FOUND, model, response);
  }

  private static String message(String key, int status, Model model, HttpServletResponse response) {
    response.setStatus(status);
    model.addAttribute("messageKey", key);
    return "feedback/link-message";
  }

  /** The throttle's key of a link: its hash, so that no secret is kept in memory. */
  private static String key(String token) {
    String hash = LinkTokens.hashOf(token);
    return hash == null ? "malformed" : hash;
  }
}
