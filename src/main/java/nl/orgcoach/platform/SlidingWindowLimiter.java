package nl.orgcoach.platform;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts events per key in sliding windows, in this node's memory: an event may go ahead when every
 * one of its limits has room, and is then counted under each of them. Refused events are not
 * counted, so a blocked key is free again as soon as its oldest accepted event leaves the window.
 * With several nodes each counts on its own, and a restart forgets; that suits slowing down
 * flooding and guessing of public links, whose secrets are what actually stops guessing.
 */
public final class SlidingWindowLimiter {

  /** At most {@code max} events under {@code key} within {@code window}. */
  public record Limit(String key, int max, Duration window) {}

  /** Past this many keys, old events and the keys left without any are forgotten... */
  private static final int SWEEP_AT = 10_000;

  /** ...and at most this often, so that a flood does not make every request walk every key. */
  private static final Duration SWEEP_EVERY = Duration.ofMinutes(1);

  private final Clock clock;
  private final Map<String, Deque<Long>> windows = new HashMap<>();
  private long longestWindow;
  private long lastSweep;

  public SlidingWindowLimiter(Clock clock) {
    this.clock = clock;
  }

  /** Whether an event may go ahead under all these limits now; when it may, it is counted. */
  public synchronized boolean allow(List<Limit> limits) {
    long now = clock.millis();
    for (Limit l : limits) {
      longestWindow = Math.max(longestWindow, l.window().toMillis());
    }
    if (windows.size() > SWEEP_AT && now - lastSweep > SWEEP_EVERY.toMillis()) {
      lastSweep = now;
      sweep(now);
    }
    List<Deque<Long>> counted = limits.stream().map(l -> window(l, now)).toList();
    for (int i = 0; i < limits.size(); i++) {
      if (counted.get(i).size() >= limits.get(i).max()) {
        return false;
      }
    }
    counted.forEach(times -> times.addLast(now));
    return true;
  }

  /** How many keys are kept (for the tests of the sweep). */
  public synchronized int keys() {
    return windows.size();
  }

  /** Forgets every event older than the longest window, and the keys left without any. */
  private void sweep(long now) {
    long oldest = now - longestWindow;
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

  private Deque<Long> window(Limit limit, long now) {
    Deque<Long> times = windows.computeIfAbsent(limit.key(), k -> new ArrayDeque<>());
    long oldest = now - limit.window().toMillis();
    while (!times.isEmpty() && times.peekFirst() <= oldest) {
      times.removeFirst();
    }
    return times;
  }
}
