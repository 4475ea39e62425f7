package nl.orgcoach.access;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates the first admin from {@code ORGCOACH_ADMIN_EMAIL} and {@code ORGCOACH_ADMIN_PASSWORD}
 * when no such user exists yet. An existing account is left alone: the environment is not a way to
 * reset a password that the admin has since changed.
 */
@Component
@Order(0)
class AdminBootstrap implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

  private final AccessProperties properties;
  private final AccessAdministration administration;

  AdminBootstrap(AccessProperties properties, AccessAdministration administration) {
    this.properties = properties;
    this.administration = administration;
  }

  @Override
  public void run(ApplicationArguments args) {
    var admin = properties.admin();
    if (admin == null || admin.email() == null || admin.email().isBlank()) {
      return;
    }
    if (administration.findByEmail(admin.email()).isPresent()) {
      return;
    }
    if (admin.password() == null || admin.password().length() < AccessAdministration.MIN_PASSWORD) {
      log.error(
          "ORGCOACH_ADMIN_EMAIL is set but ORGCOACH_ADMIN_PASSWORD is missing or shorter than {} characters; no admin created",
          AccessAdministration.MIN_PASSWORD);
      return;
    }
    administration.createUser(
        new AccessAdministration.NewUser(
            admin.email(), "Administrator", admin.password(), Role.ADMIN, null, null));
    log.info("Created the first admin {}", admin.email());
  }
}
