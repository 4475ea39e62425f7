package nl.orgcoach.access;

import java.util.List;
import nl.orgcoach.platform.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read access to client organisations, always as seen by a user or through a scope. */
@Service
@Transactional(readOnly = true)
public class Clients {

  private final JdbcClient jdbc;

  Clients(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The clients this user may enter: the same rule as {@link ClientGate}, as one query. */
  public List<ClientSummary> visibleTo(UserAccount user) {
    return jdbc.sql(
            "SELECT c.id, c.name FROM client c WHERE " + ClientGate.VISIBLE + " ORDER BY c.name")
        .params(ClientGate.parameters(user))
        .query(ClientSummary.class)
        .list();
  }

  /** The coaches assigned to the scope's client (enabled or not: a past coach keeps their name). */
  public List<CoachSummary> coachesOf(ClientScope scope) {
    return jdbc.sql(
            """
            SELECT u.id, u.display_name AS name FROM app_user u
            JOIN coach_assignment a ON a.user_id = u.id
            WHERE a.client_id = :c AND u.role = 'COACH' ORDER BY u.display_name
            """)
        .param("c", scope.id())
        .query(CoachSummary.class)
        .list();
  }

  public ClientSummary get(ClientScope scope) {
    return jdbc.sql("SELECT id, name FROM client WHERE id = :c")
        .param("c", scope.id())
        .query(ClientSummary.class)
        .optional()
        .orElseThrow(() -> new NotFoundException("client"));
  }
}
