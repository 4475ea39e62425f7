package nl.orgcoach.access;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Component;

/**
 * Ends every session of a user, on every node (sessions are rows in the database). Used when an
 * admin disables a user, changes their role or resets their access: the signed-in principal is a
 * snapshot taken at login, so it must not outlive such a change.
 */
@Component
class SessionTerminator {

  private final ObjectProvider<FindByIndexNameSessionRepository<?>> sessions;

  SessionTerminator(ObjectProvider<FindByIndexNameSessionRepository<?>> sessions) {
    this.sessions = sessions;
  }

  /** Answers how many sessions were ended. */
  int endSessionsOf(String email) {
    FindByIndexNameSessionRepository<?> repository = sessions.getIfAvailable();
    if (repository == null) {
      return 0;
    }
    var ids = repository.findByPrincipalName(email).keySet();
    ids.forEach(repository::deleteById);
    return ids.size();
  }
}
