package nl.orgcoach.organisation.structure;

import nl.orgcoach.access.UserAccount;
import nl.orgcoach.organisation.OrganisationRoles;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Tells every page (and the navigation) what the signed-in user may do with the client system. */
@ControllerAdvice(annotations = Controller.class)
class OrganisationRolesAdvice {

  @ModelAttribute
  void permissions(Model model) {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    UserAccount me = auth != null && auth.getPrincipal() instanceof UserAccount u ? u : null;
    model.addAttribute("canEditStructure", me != null && OrganisationRoles.mayEdit(me.role()));
    model.addAttribute("canImport", me != null && OrganisationRoles.mayImport(me.role()));
  }
}
