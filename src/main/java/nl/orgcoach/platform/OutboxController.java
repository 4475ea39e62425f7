package nl.orgcoach.platform;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The outbox: the mails the application sent or kept (admins only, as all of /admin/**). */
@Controller
class OutboxController {

  private final Mailer mailer;

  OutboxController(Mailer mailer) {
    this.mailer = mailer;
  }

  @GetMapping("/admin/outbox")
  String outbox(Model model) {
    model.addAttribute("mails", mailer.latest(200));
    model.addAttribute("smtp", mailer.smtp());
    return "platform/outbox";
  }
}
