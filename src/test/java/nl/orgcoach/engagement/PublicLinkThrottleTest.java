package nl.orgcoach.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class PublicLinkThrottleTest {

  final MutableClock clock = new MutableClock();
  final PublicLinkThrottle throttle =
      new PublicLinkThrottle(
          new PublicLinkSettings(3, Duration.ofMinutes(10), 5, Duration.ofHours(1), 20000), clock);

  @Test
  void anIpAddressGetsItsNumberOfSubmissionsPerWindowThenWaits() {
    for (int i = 0; i < 3; i++) {
      assertThat(throttle.allow("intake", "10.0.0.1", "link" + i)).isTrue();
    }
    assertThat(throttle.allow("intake", "10.0.0.1", "another")).isFalse();
    assertThat(throttle.allow("intake", "10.0.0.2", "another")).isTrue();
    assertThat(throttle.allow("reaction", "10.0.0.1", "another")).isTrue();
    clock.advance(Duration.ofMinutes(10).plusSeconds(1));
    assertThat(throttle.allow("intake", "10.0.0.1", "another")).isTrue();
  }

  @Test
  void aLinkGetsItsNumberOfSubmissionsPerWindowFromAnyAddress() {
    for (int i = 0; i < 5; i++) {
      assertThat(throttle.allow("intake", "10.1.0." + i, "link")).isTrue();
    }
    assertThat(throttle.allow("intake", "10.1.0.9", "link")).isFalse();
    clock.advance(Duration.ofMinutes(61));
    assertThat(throttle.allow("intake", "10.1.0.9", "link")).isTrue();
  }

  @Test
  void refusedAttemptsDoNotCount() {
    for (int i = 0; i < 3; i++) {
      throttle.allow("intake", "10.2.0.1", "l");
    }
    for (int i = 0; i < 10; i++) {
      assertThat(throttle.allow("intake", "10.2.0.1", "l")).isFalse();
    }
    clock.advance(Duration.ofMinutes(11));
    assertThat(throttle.allow("intake", "10.2.0.1", "l")).isTrue();
  }

  @Test
  void oldWindowsAreForgottenOnceThereAreManyKeys() {
    for (int i = 0; i < 6000; i++) {
      throttle.allow("intake", "10.3." + (i / 250) + "." + (i % 250), "link-" + i);
    }
    assertThat(throttle.keys()).isEqualTo(12000);
    clock.advance(Duration.ofHours(2));
    throttle.allow("intake", "10.4.0.1", "new");
    assertThat(throttle.keys()).isEqualTo(2);
  }

  static final class MutableClock extends Clock {
    private Instant now = Instant.parse("2026-03-01T09:00:00Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZoneId.of("UTC");
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
