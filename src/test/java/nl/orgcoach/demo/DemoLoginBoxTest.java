package nl.orgcoach.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** What the start-up box says about the URL, the logins and the password. */
class DemoLoginBoxTest {

  static DemoData demo(String password) {
    MockEnvironment env = new MockEnvironment().withProperty("local.server.port", "8123");
    return new DemoData(
        new DemoProperties(true, password), null, null, null, env, null, null, null, null);
  }

  @Test
  void showsTheUrlEveryLoginAndAGeneratedPasswordOnce() {
    DemoData demo = demo("");
    String box = demo.box(DemoData.logins(), demo.passwordLine("Abcd-Efgh-Jkmn-Pqrs"));
    assertThat(box).contains("http://localhost:8123", "Abcd-Efgh-Jkmn-Pqrs", "generated");
    for (DemoData.Login login : DemoData.logins()) {
      assertThat(box).contains(login.email(), login.role().name().toLowerCase());
    }
    assertThat(box.lines().skip(1).map(String::length).distinct()).as("a closed box").hasSize(1);
  }

  @Test
  void aLaterStartShowsAGeneratedPasswordNoMore() {
    assertThat(demo(null).passwordLine(null)).doesNotContain("Abcd").contains("not shown");
  }

  @Test
  void aPasswordFromTheEnvironmentIsShownEveryTime() {
    DemoData demo = demo("mijn-demo-wachtwoord");
    assertThat(demo.passwordLine("mijn-demo-wachtwoord"))
        .contains("mijn-demo-wachtwoord", "ORGCOACH_DEMO_PASSWORD");
    assertThat(demo.passwordLine(null)).contains("mijn-demo-wachtwoord", "ORGCOACH_DEMO_PASSWORD");
  }
}
