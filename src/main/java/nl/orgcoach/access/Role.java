package nl.orgcoach.access;

/** The roles of OrgCoach. Admin and coach belong to the practice; the others to one client. */
public enum Role {
  ADMIN,
  COACH,
  HR,
  MANAGER,
  EMPLOYEE;

  public boolean belongsToPractice() {
    return this == ADMIN || this == COACH;
  }

  public String authority() {
    return "ROLE_" + name();
  }
}
