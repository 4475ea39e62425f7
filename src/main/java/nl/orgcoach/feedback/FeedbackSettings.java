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
 * change.
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
    @DefaultValue("0.7") double changeReliability) {}
