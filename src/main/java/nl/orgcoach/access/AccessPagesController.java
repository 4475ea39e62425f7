package nl.orgcoach.access;

import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Login and the home page: the client organisations this user may enter. */
@Controller
class AccessPagesController {

  private final Clients clients;
  private final List<SsoProvider> ssoProviders;

  AccessPagesController(Clients clients, ObjectProvider<ClientRegistrationRepository> oidc) {
    this.clients = clients;
    this.ssoProviders = ssoProviders(oidc.getIfAvailable());
  }

  @GetMapping("/login")
  String login(@RequestParam(required = false) String error, Model model) {
    model.addAttribute("error", error);
    model.addAttribute("ssoProviders", ssoProviders);
    return "access/login";
  }

  @GetMapping("/")
  String home(@AuthenticationPrincipal UserAccount me, Model model) {
    List<ClientSummary> visible = clients.visibleTo(me);
    if (visible.size() == 1 && !me.is(Role.ADMIN)) {
      return "redirect:/c/" + visible.get(0).id() + "/org";
    }
    model.addAttribute("clients", visible);
    return "access/home";
  }

  /** The configured SSO providers, for the "Log in with ..." buttons (none without OIDC config). */
  static List<SsoProvider> ssoProviders(ClientRegistrationRepository repository) {
    List<SsoProvider> providers = new ArrayList<>();
    if (repository instanceof Iterable<?> registrations) {
      for (Object r : registrations) {
        if (r instanceof ClientRegistration registration) {
          providers.add(
              new SsoProvider(
                  "/oauth2/authorization/" + registration.getRegistrationId(),
                  registration.getClientName()));
        }
      }
    }
    return List.copyOf(providers);
  }

  record SsoProvider(String href, String name) {}
}
