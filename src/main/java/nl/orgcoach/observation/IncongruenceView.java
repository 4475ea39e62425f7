package nl.orgcoach.observation;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.orgcoach.access.ClientScope;
import nl.orgcoach.stats.IncongruenceFinding;
import nl.orgcoach.stats.KruskalWallis;

/**
 * The incongruence analysis of an engagement as the page and the API show it: the rule's
 * parameters, when it was computed and how long that took, the count per outcome, and the flagged
 * people × behaviours, each with its evidence and uncertainty (PRODUCT.md invariant 6: never a bare
 * verdict).
 *
 * @param settings the evidence rule's parameters ({@link
 *     nl.orgcoach.stats.IncongruenceSettings#rule()})
 * @param computedAt when the analysis was computed (earlier than now when it came from the cache)
 * @param durationMs loading plus computing, of that computation
 * @param loadMs of which reading the ratings from the database
 * @param analysisMs of which the analysis itself
 * @param cached whether this answer came from the cache (the input had not changed)
 * @param ratings ratings analysed (observations with nobody else present are left out)
 * @param people people observed
 * @param combinations person × behaviour combinations analysed
 * @param outcomes how many of them ended in each outcome (FLAGGED, TOO_FEW_OBSERVATIONS,
 *     NO_GAP_SHOWN, NOT_REPEATED)
 * @param level the level of the credible intervals
 * @param findings the flagged combinations with their evidence, by person name, then the
 *     framework's order
 */
record IncongruenceView(
    UUID engagementId,
    String engagementTitle,
    Map<String, Object> settings,
    OffsetDateTime computedAt,
    long durationMs,
    long loadMs,
    long analysisMs,
    boolean cached,
    int ratings,
    int people,
    int combinations,
    Map<String, Integer> outcomes,
    double level,
    List<Flag> findings) {

  /**
   * A flagged person × behaviour with its evidence.
   *
   * @param observations the API path of the observations behind it (the person's observations of
   *     this behaviour)
   * @param evidencePage the page of those observations (the person's profile, filtered on it)
   */
  record Flag(
      UUID personId,
      String personName,
      UUID behaviourId,
      String behaviour,
      int sortOrder,
      List<Evidence> constellations,
      List<Pair> pairs,
      Test test,
      String observations,
      String evidencePage) {

    /**
     * The finding's evidence, its intervals computed (each bound is a root search: done once, when
     * the analysis is computed), names still to come ({@link #named}).
     */
    static Flag of(ClientScope scope, UUID engagementId, IncongruenceFinding f, double level) {
      UUID personId = UUID.fromString(f.person());
      UUID behaviourId = UUID.fromString(f.behaviour());
      String engagement = "/clients/" + scope.clientId() + "/engagements/" + engagementId;
      return new Flag(
          personId,
          null,
          behaviourId,
          null,
          Integer.MAX_VALUE,
          f.constellations().stream().map(Evidence::of).toList(),
          f.pairs().stream().map(p -> Pair.of(p, level)).toList(),
          Test.of(f.test()),
          "/api/v1"
              + engagement
              + "/observations?personId="
              + personId
              + "&behaviourId="
              + behaviourId,
          "/c/"
              + scope.clientId()
              + "/engagements/"
              + engagementId
              + "/people/"
              + personId
              + "/profile?behaviour="
              + behaviourId);
    }

    /** This flag with the person's and the behaviour's name, and the behaviour's place. */
    Flag named(String newPersonName, String newBehaviour, int newSortOrder) {
      return new Flag(
          personId,
          newPersonName,
          behaviourId,
          newBehaviour,
          newSortOrder,
          constellations,
          pairs,
          test,
          observations,
          evidencePage);
    }
  }

  /**
   * The person's ratings of the behaviour in one constellation beside the client's norm there.
   *
   * @param favourableRate favourable / n, as observed
   * @param posteriorMean the posterior mean of the favourable rate, (favourable + 1)/(n + 2)
   * @param compared whether this constellation entered the comparison (enough ratings of the person
   *     and of the client)
   */
  record Evidence(
      String constellation,
      int n,
      int favourable,
      double favourableRate,
      double posteriorMean,
      double meanRating,
      int clientN,
      Double clientFavourableRate,
      Double clientMeanRating,
      boolean compared) {

    static Evidence of(IncongruenceFinding.ConstellationEvidence c) {
      return new Evidence(
          c.constellation().name(),
          c.n(),
          c.favourable(),
          c.n() == 0 ? 0 : (double) c.favourable() / c.n(),
          c.posterior().mean(),
          c.meanRating(),
          c.clientN(),
          finite(c.clientFavourableRate()),
          finite(c.clientMeanRating()),
          c.compared());
    }
  }

  /**
   * Two compared constellations: the person's gap in favourable rate against the client's usual
   * gap, with its uncertainty.
   *
   * @param normedGap the person's gap minus the client's
   * @param low the lower bound of the credible interval of the normed gap
   * @param high its upper bound
   * @param probabilityAbove P(person's gap &gt; client's gap + margin)
   * @param probabilityBelow P(person's gap &lt; client's gap − margin)
   * @param shown ABOVE_NORM or BELOW_NORM when the rule's probability is met, else null
   * @param behavioursShown the person's behaviours where this pair shows a gap the same way
   * @param periodsShown the periods in which this behaviour repeats it
   */
  record Pair(
      String first,
      String second,
      double gap,
      double normGap,
      double normedGap,
      double low,
      double high,
      double probabilityAbove,
      double probabilityBelow,
      String shown,
      int behavioursShown,
      int periodsShown) {

    static Pair of(IncongruenceFinding.PairEvidence p, double level) {
      double[] interval = p.credibleInterval(level);
      return new Pair(
          p.first().name(),
          p.second().name(),
          p.gap(),
          p.normGap(),
          p.normedGap(),
          interval[0],
          interval[1],
          p.probabilityAbove(),
          p.probabilityBelow(),
          p.shown() == null ? null : p.shown().name(),
          p.behavioursShown(),
          p.periodsShown());
    }
  }

  /**
   * The Kruskal–Wallis test of the person's normed ratings across the compared constellations.
   *
   * @param permutationP exact or Monte-Carlo; null when not computed
   */
  record Test(
      int groups,
      int n,
      Double h,
      int degreesOfFreedom,
      Double asymptoticP,
      Double permutationP,
      String permutationMethod,
      Double epsilonSquared) {

    static Test of(KruskalWallis.Result r) {
      if (r == null) {
        return null;
      }
      return new Test(
          r.groups(),
          r.n(),
          finite(r.h()),
          r.degreesOfFreedom(),
          finite(r.asymptoticP()),
          finite(r.permutationP()),
          r.permutationMethod().name(),
          finite(r.epsilonSquared()));
    }
  }

  private static Double finite(double value) {
    return Double.isFinite(value) ? value : null;
  }
}
