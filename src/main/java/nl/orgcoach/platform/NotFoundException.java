package nl.orgcoach.platform;

/**
 * Something the caller asked for does not exist for them. Also used for another tenant's data, so
 * that a foreign id is indistinguishable from a missing one.
 */
public class NotFoundException extends RuntimeException {

  public NotFoundException(String what) {
    super(what + " not found");
  }
}
