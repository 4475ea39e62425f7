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
    return switch (user.role()) {
      case ADMIN ->
          jdbc.sql("SELECT id, name FROM client ORDER BY name").query(ClientSummary.class).list();
      case COACH ->
          jdbc.sql(
                  """
                  SELECT c.id, c.name FROM client c
                  JOIN coach_assignment a ON a.client_id = c.id
                  WHERE a.user_id = :u ORDER BY c.name
                  """)
              .param("u", user.id())
              .query(ClientSummary.class)
              .list();
      case HR, MANAGER, EMPLOYEE ->
          jdbc.sql("SELECT id, name FROM client WHERE id = :c")
              .param("c", user.clientId())
              .query(ClientSummary.class)
              .list();
    };
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
