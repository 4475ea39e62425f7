package nl.orgcoach.feedback;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
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

  private static final int SWEEP_AT = 10_000;

  private final FeedbackSettings settings;
  private final Clock clock = Clock.systemUTC();
  private final Map<String, Deque<Long>> windows = new HashMap<>();

  RaterLinkThrottle(FeedbackSettings settings) {
    this.settings = settings;
  }

  synchronized boolean allow(String ip, String linkKey) {
    long now = clock.millis();
    if (windows.size() > SWEEP_AT) {
      long longest = Math.max(settings.ipWindow().toMillis(), settings.linkWindow().toMillis());
      windows.values().removeIf(t -> t.isEmpty() || t.peekLast() <= now - longest);
    }
    Deque<Long> byIp = window("ip|" + ip, now, settings.ipWindow().toMillis());
    Deque<Long> byLink = window("link|" + linkKey, now, settings.linkWindow().toMillis());
    if (byIp.size() >= settings.submissionsPerIp()
        || byLink.size() >= settings.submissionsPerLink()) {
      return false;
    }
    byIp.addLast(now);
    byLink.addLast(now);
    return true;
  }

  private Deque<Long> window(String key, long now, long length) {
    Deque<Long> times = windows.computeIfAbsent(key, k -> new ArrayDeque<>());
    while (!times.isEmpty() && times.peekFirst() <= now - length) {
      times.removeFirst();
    }
    return times;
  }
}
