package nl.orgcoach.support;

import java.util.UUID;
import nl.orgcoach.access.ClientId;
import nl.orgcoach.organisation.history.PersonHistory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Puts a person straight into the tables for a test fixture the way every production write path
 * does: the {@code person} row and, in the same breath, their first {@code person_history} period
 * (since {@link PersonHistory#SINCE_ALWAYS}, open-ended). Without that period the reporting lines
 * of any date do not know the person, and every constellation with them in it derives as {@code
 * NOT_OF_CLIENT}.
 */
public final class TestPeople {

  private TestPeople() {}

  /** A person with a name and a unit; no manager, e-mail address or job title. */
  public static UUID insert(
      JdbcClient jdbc,
      ClientId client,
      UUID id,
      String externalId,
      String first,
      String last,
      UUID unit) {
    return insert(jdbc, client, id, externalId, first, last, unit, null, null, null);
  }

  /** A person; {@code manager}, {@code email} and {@code jobTitle} may be null. */
  public static UUID insert(
      JdbcClient jdbc,
      ClientId client,
      UUID id,
      String externalId,
      String first,
      String last,
      UUID unit,
      UUID manager,
      String email,
      String jobTitle) {
    jdbc.sql(
            """
            INSERT INTO person (id, client_id, external_id, first_name, last_name, email, job_title,
                                unit_id, manager_id)
            VALUES (:id, :c, :ext, :first, :last, :email, :job, :unit, :manager)
            """)
        .param("id", id)
        .param("c", client.value())
        .param("ext", externalId)
        .param("first", first)
        .param("last", last)
        .param("email", email)
        .param("job", jobTitle)
        .param("unit", unit)
        .param("manager", manager)
        .update();
    jdbc.sql(
            """
            INSERT INTO person_history (client_id, person_id, unit_id, manager_person_id, valid_from)
            VALUES (:c, :id, :unit, :manager, :since)
            """)
        .param("c", client.value())
        .param("id", id)
        .param("unit", unit)
        .param("manager", manager)
        .param("since", PersonHistory.SINCE_ALWAYS)
        .update();
    return id;
  }
}
