package nl.orgcoach.organisation;

import nl.orgcoach.access.Role;

/**
 * Who may change the client system: the one statement of it, used by the handlers'
 * {@code @PreAuthorize} (the constants) and by the pages that show or hide the buttons (the
 * methods, exposed to every template as {@code canEditStructure} and {@code canImport}).
 */
public final class OrganisationRoles {

  /** Admins, coaches and HR edit units, people, settings and interdependencies. */
  public static final String EDITORS = "hasAnyRole('ADMIN','COACH','HR')";

  /** Admins and HR import files of the client system. */
  public static final String IMPORTERS = "hasAnyRole('ADMIN','HR')";

  private OrganisationRoles() {}

  public static boolean mayEdit(Role role) {
    return role == Role.ADMIN || role == Role.COACH || role == Role.HR;
  }

  public static boolean mayImport(Role role) {
    return role == Role.ADMIN || role == Role.HR;
  }
}
