package nl.orgcoach.access;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who the API caller is and which client organisation their token is for. A token is scoped to one
 * client, so the client list has at most that one entry, whatever else its owner may reach in the
 * UI.
 */
@RestController
@RequestMapping(path = "/api/v1", produces = "application/json")
@Tag(
    name = "Access",
    description = "The caller of the API and the client organisation of their token")
class AccessApiController {

  private final Clients clients;

  AccessApiController(Clients clients) {
    this.clients = clients;
  }

  @GetMapping("/me")
  @Operation(summary = "The owner of the API token and the token's client organisation")
  Me me(@AuthenticationPrincipal UserAccount me) {
    return new Me(me.email(), me.displayName(), me.role(), tokenClient(me).orElse(null));
  }

  @GetMapping("/clients")
  @Operation(summary = "The client organisations this token may use (the token's own client)")
  List<ClientSummary> clients(@AuthenticationPrincipal UserAccount me) {
    return tokenClient(me).map(List::of).orElse(List.of());
  }

  @GetMapping("/clients/{clientId}")
  @Operation(summary = "One client organisation; 404 unless it is the token's client")
  ClientSummary client(ClientScope scope) {
    return clients.get(scope);
  }

  /**
   * The token's client, as long as its owner may still enter it (a coach may have been unassigned).
   */
  private java.util.Optional<ClientSummary> tokenClient(UserAccount me) {
    if (!(SecurityContextHolder.getContext().getAuthentication()
        instanceof ApiTokenAuthentication token)) {
      return java.util.Optional.empty();
    }
    UUID client = token.clientId().value();
    return clients.visibleTo(me).stream().filter(c -> c.id().equals(client)).findFirst();
  }

  record Me(String email, String name, Role role, ClientSummary client) {}
}
