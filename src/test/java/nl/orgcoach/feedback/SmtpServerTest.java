package nl.orgcoach.feedback;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * A real SMTP server (GreenMail, emptied for every test) that the app sends to: on a free port
 * chosen once per JVM, so that the tests that extend this share one Spring context and never clash
 * with another SMTP server on the machine.
 */
@TestPropertySource(
    properties = {
      "spring.mail.host=127.0.0.1",
      "orgcoach.feedback.public-url=https://orgcoach.example"
    })
abstract class SmtpServerTest {

  /** The SMTP port: free when the first test class that extends this was loaded. */
  static final int PORT = freePort();

  @RegisterExtension
  static GreenMailExtension smtp =
      new GreenMailExtension(ServerSetupTest.SMTP.port(PORT))
          .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());

  @DynamicPropertySource
  static void smtpPort(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.port", () -> PORT);
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
