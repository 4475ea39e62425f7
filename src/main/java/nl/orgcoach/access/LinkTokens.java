package nl.orgcoach.access;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Secrets of public links (a link that works without an account, such as a question intake link):
 * 256 random bits in the URL, stored only as their SHA-256 hash, like {@link ApiTokens}. A module
 * that owns such links looks the hash up in its own table (the lookup is necessarily across
 * clients: the token is what names the client) and then works in the scope of the client of the row
 * it found, from {@link #scopeOf}. The client id never comes from the request, so a token of one
 * client cannot reach another.
 */
@Component
public class LinkTokens {

  private static final SecureRandom RANDOM = new SecureRandom();

  /** 32 bytes, base64url without padding. */
  private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");

  /** A new secret and the hash to store; the secret is shown once and never stored. */
  public record Secret(String value, String hash) {}

  public static Secret newSecret() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    return new Secret(value, ApiTokens.hash(value));
  }

  /**
   * The hash to look a presented secret up by, or null when it cannot be one of ours (so a wrong
   * shape costs no query and answers exactly like an unknown token).
   */
  public static String hashOf(String presented) {
    if (presented == null || !SHAPE.matcher(presented).matches()) {
      return null;
    }
    return ApiTokens.hash(presented);
  }

  /**
   * The scope of the client that owns a link row found by its token hash. Only for that: the client
   * id must be read from the row the token resolved to, never taken from the request.
   */
  public ClientScope scopeOf(ClientId clientOfTheLinkRow, String link) {
    return new ClientScope(clientOfTheLinkRow, "link:" + link);
  }
}
