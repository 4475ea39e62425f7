package nl.orgcoach.platform;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one rule for what OrgCoach accepts as an e-mail address: a deliberately loose shape check
 * (local part, @, a domain with a dot). Whether the address exists is for the mail server to say.
 */
public final class EmailAddresses {

  private static final Pattern SHAPE = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");

  private EmailAddresses() {}

  public static boolean isValid(String address) {
    return address != null && address.length() <= 254 && SHAPE.matcher(address).matches();
  }

  /** Addresses are compared case-insensitively, so they are stored in lower case. */
  public static String normalise(String address) {
    return address == null ? null : address.strip().toLowerCase(Locale.ROOT);
  }
}
