package nl.orgcoach.engagement;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
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

  /** Past this many keys, old submissions and the keys left without any are forgotten... */
  private static final int SWEEP_AT = 10_000;

  /** ...and at most this often, so that a flood does not make every request walk every key. */
  private static final Duration SWEEP_EVERY = Duration.ofMinutes(1);

  private final PublicLinkSettings settings;
  private final Clock clock;
  private final Map<String, Deque<Long>> windows = new HashMap<>();
  private long lastSweep;

  @Autowired
  PublicLinkThrottle(PublicLinkSettings settings) {
    this(settings, Clock.systemUTC());
  }

  PublicLinkThrottle(PublicLinkSettings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
  }

  /**
   * Whether a submission from {@code ip} to the link with {@code linkKey} may go ahead now; when it
   * may, it is counted. {@code purpose} keeps the kinds of links apart.
   */
  synchronized boolean allow(String purpose, String ip, String linkKey) {
    long now = clock.millis();
    if (windows.size() > SWEEP_AT && now - lastSweep > SWEEP_EVERY.toMillis()) {
      lastSweep = now;
      sweep(now);
    }
    Deque<Long> byIp = window(purpose + "|ip|" + ip, now, settings.ipWindow());
    Deque<Long> byLink = window(purpose + "|link|" + linkKey, now, settings.linkWindow());
    if (byIp.size() >= settings.submissionsPerIp()
        || byLink.size() >= settings.submissionsPerLink()) {
      return false;
    }
    byIp.addLast(now);
    byLink.addLast(now);
    return true;
  }

  /** Forgets every submission older than the longer window, and the keys left without any. */
  private void sweep(long now) {
    long oldest = now - Math.max(settings.ipWindow().toMillis(), settings.linkWindow().toMillis());
    windows
        .values()
        .removeIf(
            times -> {
              while (!times.isEmpty() && times.peekFirst() <= oldest) {
                times.removeFirst();
              }
              return times.isEmpty();
            });
  }

  /** How many keys are kept (for the test of the sweep). */
  synchronized int keys() {
    return windows.size();
  }

  private Deque<Long> window(String key, long now, Duration length) {
    Deque<Long> times = windows.computeIfAbsent(key, k -> new ArrayDeque<>());
    long oldest = now - length.toMillis();
    while (!times.isEmpty() && times.peekFirst() <= oldest) {
      times.removeFirst();
    }
    return times;
  }
}
