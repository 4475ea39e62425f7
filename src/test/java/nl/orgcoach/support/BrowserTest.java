package nl.orgcoach.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * A journey through the running application (on a random port) in headless Chromium. Test methods
 * take a {@link Browser} parameter, configured by {@link BrowserSettings} on the method. Tagged
 * {@code browser}, not {@code db}: the browser tests run once, on H2, to keep CI short; the
 * PostgreSQL run covers persistence and the API.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ContextConfiguration(initializers = TestDatabase.class)
@ExtendWith(BrowserExtension.class)
@Tag("browser")
public @interface BrowserTest {}
