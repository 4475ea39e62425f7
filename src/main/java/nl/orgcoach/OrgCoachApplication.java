package nl.orgcoach;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableAsync;

/**
 * OrgCoach: a platform for organisation coaching. Each top-level package is a Spring Modulith
 * module.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableAsync
public class OrgCoachApplication {

  public static void main(String[] args) {
    SpringApplication.run(OrgCoachApplication.class, args);
  }
}
