package nl.orgcoach.feedback;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of feedback rounds ({@code orgcoach.feedback.*}). The anonymity threshold may only be
 * raised: below 3 the application refuses to start ({@link nl.orgcoach.stats.AnonymityRule}). The
 * rater links are throttled per IP address and per link like the other public links, with room per
 * IP address for a whole office answering from behind one NAT address; {@code publicUrl} is the
 * address that mailed links start with (empty: the address of the request that made the mail).
 * {@code changeSd} and {@code changeReliability} are the reference of reliable change between
 * rounds (s₁ and r of {@link nl.orgcoach.stats.ReliableChange.Reference}), printed beside every
 * change; the defaults (0.8 and 0.7) are placeholders until a client's own data gives better. The
 * self–other agreement category ({@link nl.orgcoach.stats.SelfOtherAgreement}) places a person
 * against a norm: {@code soaCentre} and {@code soaM} set the band, and the {@code soaNorm*} values
 * summarise the reference sample (n, mean D, SD(D), mean of others); the defaults are the worked
 * example of METHODS §1 (ten ratees), a placeholder as well. Both placeholders give way to the
 * client's own reference ({@link FeedbackReference}) once at least {@code referenceMinimumRatees}
 * ratees (default 30, never below {@value #REFERENCE_MINIMUM_FLOOR}) are in it. The scheduler
 * ({@code scheduleEnabled}, every {@code scheduleInterval}) closes rounds at their close date and
 * reminds raters who did not answer on each of {@code reminderDaysBefore} (days before the close
 * date; 0 is the last day), at most {@code maxReminders} times per rater.
 */
@ConfigurationProperties("orgcoach.feedback")
record FeedbackSettings(
    @DefaultValue("3") int anonymityThreshold,
    @DefaultValue("90") int maxOpenDays,
    @DefaultValue("100") int submissionsPerIp,
    @DefaultValue("10m") Duration ipWindow,
    @DefaultValue("20") int submissionsPerLink,
    @DefaultValue("1h") Duration linkWindow,
    @DefaultValue("20000") int maxRequestBytes,
    @DefaultValue("") String publicUrl,
    @DefaultValue("0.8") double changeSd,
    @DefaultValue("0.7") double changeReliability,
    @DefaultValue("MEAN_DIFFERENCE") nl.orgcoach.stats.SelfOtherAgreement.Centre soaCentre,
    @DefaultValue("0.5") double soaM,
    @DefaultValue("10") int soaNormSize,
    @DefaultValue("0.09") double soaNormMeanDifference,
    @DefaultValue("0.6") double soaNormSdDifference,
    @DefaultValue("3.66") double soaNormMeanOthers,
    @DefaultValue("true") boolean scheduleEnabled,
    @DefaultValue("15m") Duration scheduleInterval,
    @DefaultValue("3,0") java.util.List<Integer> reminderDaysBefore,
    @DefaultValue("2") int maxReminders,
    @DefaultValue("30") int referenceMinimumRatees) {

  /** The least {@code referenceMinimumRatees} allowed: below ten, SD(D) and ICC(2) mean little. */
  static final int REFERENCE_MINIMUM_FLOOR = 10;

  FeedbackSettings {
    if (referenceMinimumRatees < REFERENCE_MINIMUM_FLOOR) {
      throw new IllegalArgumentException(
          "orgcoach.feedback.reference-minimum-ratees must be at least "
              + REFERENCE_MINIMUM_FLOOR
              + ", was "
              + referenceMinimumRatees);
    }
  }
}
