package nl.orgcoach.organisation.structure;

import java.util.UUID;
import nl.orgcoach.access.ClientScope;
import nl.orgcoach.access.Clients;
import nl.orgcoach.platform.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The org chart. It shows the top units and opens each subtree only when asked (htmx loads the
 * children of one unit), so a client of 5,000 units costs one level of SQL per click.
 */
@Controller
class OrgChartController {

  private final Clients clients;
  private final Units units;
  private final People people;

  OrgChartController(Clients clients, Units units, People people) {
    this.clients = clients;
    this.units = units;
    this.people = people;
  }

  @GetMapping("/c/{clientId}/org")
  String chart(ClientScope scope, Model model) {
    model.addAttribute("client", clients.get(scope));
    model.addAttribute("roots", units.roots(scope));
    model.addAttribute("personCount", people.count(scope, null, null));
    return "organisation/org";
  }

  @GetMapping("/c/{clientId}/org/units/{unitId}/children")
  String children(ClientScope scope, @PathVariable UUID unitId, Model model) {
    units.find(scope, unitId).orElseThrow(() -> new NotFoundException("unit"));
    model.addAttribute("client", clients.get(scope));
    model.addAttribute("nodes", units.children(scope, unitId));
    return "organisation/org :: nodes";
  }
}
