package nl.orgcoach.platform;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Turns a {@link UserError} into messages per form field, so a form can be shown again with the
 * entered values and a message beside each bad field. Problems without a field go under "".
 */
@Component
public class FormErrors {

  private final MessageSource messages;

  FormErrors(MessageSource messages) {
    this.messages = messages;
  }

  /**
   * Runs a form's action and answers where it leads (a redirect, or the page that follows); when
   * the action refuses the input (a {@link UserError}), the form's page once more, with status 422
   * and a message beside each bad field. The action writes nothing when it refuses, so showing the
   * form again is all there is to do.
   */
  public String submit(
      Supplier<String> action,
      Function<Map<String, String>, String> formAgain,
      Locale locale,
      HttpServletResponse response) {
    return submit(
        action,
        errors -> {
          response.setStatus(422);
          return formAgain.apply(errors);
        },
        locale);
  }

  /**
   * The same, leaving the status to {@code formAgain}: for a page that sets its own status when it
   * shows the form again, and for the forms that have always answered a refusal with 200.
   */
  public String submit(
      Supplier<String> action, Function<Map<String, String>, String> formAgain, Locale locale) {
    try {
      return action.get();
    } catch (UserError e) {
      return formAgain.apply(byField(e, locale));
    }
  }

  public Map<String, String> byField(UserError error, Locale locale) {
    Map<String, String> byField = new LinkedHashMap<>();
    for (UserError.Problem p : error.details()) {
      String text = messages.getMessage(p.messageKey(), p.args().toArray(), p.messageKey(), locale);
      byField.merge(p.field() == null ? "" : p.field(), text, (a, b) -> a + " " + b);
    }
    if (byField.isEmpty()) {
      byField.put(
          "", messages.getMessage(error.messageKey(), error.args(), error.messageKey(), locale));
    }
    return byField;
  }

  /**
   * An id chosen in a form (a select or a hidden field): null when none was chosen; for text that
   * is no id at all (a forged or mangled form), an id that matches nothing, so that the action
   * refuses it with its own "not found" message in the user's language instead of a bare 400.
   */
  public static UUID uuid(String s) {
    if (s == null || s.isBlank()) {
      return null;
    }
    try {
      return UUID.fromString(s.strip());
    } catch (IllegalArgumentException e) {
      return UUID.randomUUID();
    }
  }
}
