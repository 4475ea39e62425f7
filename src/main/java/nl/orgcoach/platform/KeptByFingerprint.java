package nl.orgcoach.platform;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Results computed from the database and kept in this node's memory, each with the fingerprint of
 * the input it was computed from (a count and a latest time, a version number): a request reads the
 * fingerprint, which is cheap, and gets the kept result while it is unchanged. Nodes share nothing,
 * and nothing has to be invalidated on the paths that write the input.
 *
 * <p>The rules that make this safe live here once: the maker reads the fingerprint <i>before</i>
 * the input, so that a change in between costs one needless recomputation later, never a stale
 * answer; requests that find the same key stale together compute it once (a lock per key, and a
 * second look under it); at most {@code size} keys are kept, least recently used dropped first.
 *
 * @param <K> what a result is for (a client, an engagement and its settings)
 * @param <F> the fingerprint, compared with {@code equals}
 * @param <V> the result
 */
public final class KeptByFingerprint<K, F, V> {

  /** A result with the fingerprint of its input. */
  public record Entry<F, V>(F fingerprint, V value) {}

  /** What {@link #get} answers: the result, and whether it was kept from before. */
  public record Got<V>(V value, boolean kept) {}

  private final Map<K, Entry<F, V>> entries;
  private final Map<K, Object> locks = new ConcurrentHashMap<>();

  public KeptByFingerprint(int size) {
    this.entries =
        Collections.synchronizedMap(
            new LinkedHashMap<>(2 * size, 0.75f, true) {
              @Override
              protected boolean removeEldestEntry(Map.Entry<K, Entry<F, V>> eldest) {
                return size() > size;
              }
            });
  }

  /**
   * The result for {@code key}: the kept one when its fingerprint equals {@code fingerprint}'s now;
   * otherwise {@code make}'s, given the entry kept so far (null if none) — it must read the
   * fingerprint it returns before it reads its input.
   */
  public Got<V> get(K key, Supplier<F> fingerprint, Function<Entry<F, V>, Entry<F, V>> make) {
    Entry<F, V> known = entries.get(key);
    if (known != null && known.fingerprint().equals(fingerprint.get())) {
      return new Got<>(known.value(), true);
    }
    synchronized (locks.computeIfAbsent(key, k -> new Object())) {
      known = entries.get(key);
      if (known != null && known.fingerprint().equals(fingerprint.get())) {
        return new Got<>(known.value(), true);
      }
      Entry<F, V> made = make.apply(known);
      entries.put(key, made);
      return new Got<>(made.value(), false);
    }
  }
}
