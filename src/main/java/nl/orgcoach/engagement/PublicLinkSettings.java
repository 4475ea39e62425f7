package nl.orgcoach.engagement;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits of the public (no-account) links: intake and reaction links ({@code
 * orgcoach.public-links.*}). Submissions are counted per client IP address and per link in a
 * sliding window; see {@link PublicLinkThrottle}.
 */
@ConfigurationProperties("orgcoach.public-links")
record PublicLinkSettings(
    @DefaultValue("10") int submissionsPerIp,
    @DefaultValue("10m") Duration ipWindow,
    @DefaultValue("30") int submissionsPerLink,
    @DefaultValue("1h") Duration linkWindow,
    @DefaultValue("20000") int maxRequestBytes) {}
