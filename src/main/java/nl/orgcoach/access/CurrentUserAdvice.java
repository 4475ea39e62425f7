package nl.orgcoach.access;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the signed-in user into every page's model as {@code me}, for the navigation. */
@ControllerAdvice(annotations = Controller.class)
class CurrentUserAdvice {

  @ModelAttribute("me")
  UserAccount me() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    return auth != null && auth.getPrincipal() instanceof UserAccount u ? u : null;
  }
}
