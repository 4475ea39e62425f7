package nl.orgcoach.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import nl.orgcoach.stats.SayDoGap;
import org.junit.jupiter.api.Test;

/**
 * What say–do adds to one person's profile (not part of the test suite): {@link SayDoGap} for 12
 * behaviours, over all observations and per constellation (5 groups), so 72 gaps a profile, with n
 * ratings per behaviour spread over the groups.
 */
class SayDoGapBenchmark {

  @Test
  void oneProfile() {
    System.out.println("| ratings per behaviour | gaps | median of 21 (ms) |");
    System.out.println("|---:|---:|---:|");
    for (int n : new int[] {3, 30, 300, 3000}) {
      Random random = new Random(7);
      List<List<Integer>> all = new ArrayList<>();
      List<List<List<Integer>>> groups = new ArrayList<>();
      for (int b = 0; b < 12; b++) {
        List<Integer> ratings = new ArrayList<>();
        List<List<Integer>> byGroup = new ArrayList<>();
        for (int g = 0; g < 5; g++) {
          byGroup.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
          int r = 1 + random.nextInt(5);
          ratings.add(r);
          byGroup.get(random.nextInt(5)).add(r);
        }
        all.add(ratings);
        groups.add(byGroup);
      }
      long[] times = new long[21];
      int gaps = 0;
      for (int run = -5; run < times.length; run++) {
        long start = System.nanoTime();
        gaps = 0;
        for (int b = 0; b < 12; b++) {
          SayDoGap.of(4, all.get(b), SayDoGap.Settings.DEFAULT);
          gaps++;
          for (List<Integer> g : groups.get(b)) {
            SayDoGap.of(4, g, SayDoGap.Settings.DEFAULT);
            gaps++;
          }
        }
        if (run >= 0) {
          times[run] = System.nanoTime() - start;
        }
      }
      Arrays.sort(times);
      System.out.printf("| %d | %d | %.2f |%n", n, gaps, times[times.length / 2] / 1e6);
    }
  }
}
