package nl.orgcoach.feedback;

import java.time.Clock;
import java.util.List;
import nl.orgcoach.platform.SlidingWindowLimiter;
import org.springframework.stereotype.Component;

/**
 * Slows down guessing and flooding of rater links: at most {@code submissionsPerIp} requests with a
 * link per client IP address within {@code ipWindow}, and {@code submissionsPerLink} per link
 * within {@code linkWindow} (sliding windows; refused attempts are not counted). Both showing and
 * submitting a form count, since guessing a secret only needs the GET. In this node's memory, as
 * the engagement module's throttle of its public links; the 256-bit secret is what stops guessing,
 * this caps how fast anyone may try.
 */
@Component
class RaterLinkThrottle {

  private final FeedbackSettings settings;
  private final SlidingWindowLimiter limiter = new SlidingWindowLimiter(Clock.systemUTC());

  RaterLinkThrottle(FeedbackSettings settings) {
    this.settings = settings;
  }

  boolean allow(String ip, String linkKey) {
    return limiter.allow(
        List.of(
            new SlidingWindowLimiter.Limit(
                "ip|" + ip, settings.submissionsPerIp(), settings.ipWindow()),
            new SlidingWindowLimiter.Limit(
                "link|" + linkKey, settings.submissionsPerLink(), settings.linkWindow())));
  }
}
