package nl.orgcoach.engagement;

import java.time.Clock;
import java.util.List;
import nl.orgcoach.platform.SlidingWindowLimiter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Slows down abuse of the public links: at most {@link PublicLinkSettings#submissionsPerIp()}
 * submissions per client IP address within {@code ipWindow}, and {@code submissionsPerLink} per
 * link within {@code linkWindow}, counted in a sliding window (the timestamps of the accepted
 * submissions are kept, older ones fall out). Refused attempts are not counted, so a blocked client
 * is free again as soon as its oldest accepted submission leaves the window.
 *
 * <p>Deliberately simple: the counts live in this node's memory. With several nodes each node
 * counts on its own (the limits multiply by the number of nodes) and a restart forgets them; the
 * link secrets themselves (256 random bits) are what stops guessing, this only limits flooding. The
 * IP address is the one the servlet container sees: behind a reverse proxy, configure the container
 * to trust its forwarded headers ({@code server.forward-headers-strategy}). Only submissions (POST)
 * are counted; showing a form costs nothing to write.
 */
@Component
class PublicLinkThrottle {

  private final PublicLinkSettings settings;
  private final SlidingWindowLimiter limiter;

  @Autowired
  PublicLinkThrottle(PublicLinkSettings settings) {
    this(settings, Clock.systemUTC());
  }

  PublicLinkThrottle(PublicLinkSettings settings, Clock clock) {
    this.settings = settings;
    this.limiter = new SlidingWindowLimiter(clock);
  }

  /**
   * Whether a submission from {@code ip} to the link with {@code linkKey} may go ahead now; when it
   * may, it is counted. {@code purpose} keeps the kinds of links apart.
   */
  boolean allow(String purpose, String ip, String linkKey) {
    return limiter.allow(
        List.of(
            new SlidingWindowLimiter.Limit(
                purpose + "|ip|" + ip, settings.submissionsPerIp(), settings.ipWindow()),
            new SlidingWindowLimiter.Limit(
                purpose + "|link|" + linkKey,
                settings.submissionsPerLink(),
                settings.linkWindow())));
  }

  /** How many keys are kept (for the test of the sweep). */
  int keys() {
    return limiter.keys();
  }
}
