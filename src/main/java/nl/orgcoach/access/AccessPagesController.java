package nl.orgcoach.access;

import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Login and the home page: the client organisations this user may enter. */
@Controller
class AccessPagesController {

  private final Clients clients;

  AccessPagesController(Clients clients) {
    this.clients = clients;
  }

  @GetMapping("/login")
  String login(@RequestParam(required = false) String error, Model model) {
    model.addAttribute("error", error);
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
}
