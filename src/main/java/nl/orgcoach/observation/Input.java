package nl.orgcoach.observation;

import java.util.Arrays;
import java.util.List;
import nl.orgcoach.platform.UserError;

/** Bad input of this module: a localised message that names the field it is about. */
final class Input {

  private Input() {}

  static UserError bad(String field, String key, Object... args) {
    List<String> texts = Arrays.stream(args).map(String::valueOf).toList();
    return new UserError(key, List.of(new UserError.Problem(null, field, key, texts)), args);
  }
}
