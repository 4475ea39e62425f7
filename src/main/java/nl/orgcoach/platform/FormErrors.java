package nl.orgcoach.platform;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
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
}
