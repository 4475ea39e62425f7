package nl.orgcoach.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Demo data ({@code orgcoach.demo.*}): {@code enabled} from {@code ORGCOACH_DEMO} (default true),
 * {@code password} from {@code ORGCOACH_DEMO_PASSWORD} (generated when empty).
 */
@ConfigurationProperties("orgcoach.demo")
record DemoProperties(@DefaultValue("true") boolean enabled, String password) {

  boolean passwordFromEnvironment() {
    return password != null && !password.isBlank();
  }
}
