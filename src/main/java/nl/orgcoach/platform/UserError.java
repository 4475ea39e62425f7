package nl.orgcoach.platform;

import java.util.List;

/**
 * Bad input, reported to the user in their language. {@code messageKey} and {@code args} resolve
 * against the message bundles; {@code details} carries itemised problems (for example the bad rows
 * of an import). Thrown before anything is written, or inside the transaction that it rolls back.
 */
public class UserError extends RuntimeException {

  private final String messageKey;
  private final Object[] args;
  private final List<Problem> details;

  public UserError(String messageKey, Object... args) {
    this(messageKey, List.of(), args);
  }

  public UserError(String messageKey, List<Problem> details, Object... args) {
    super(messageKey);
    this.messageKey = messageKey;
    this.args = args;
    this.details = List.copyOf(details);
  }

  public String messageKey() {
    return messageKey;
  }

  public Object[] args() {
    return args.clone();
  }

  public List<Problem> details() {
    return details;
  }

  /** One itemised problem: where (a line number, a field), a message key and its arguments. */
  public record Problem(Integer line, String field, String messageKey, List<String> args) {

    public Problem {
      args = args == null ? List.of() : List.copyOf(args);
    }

    public static Problem at(int line, String field, String messageKey, String... args) {
      return new Problem(line, field, messageKey, List.of(args));
    }
  }
}
