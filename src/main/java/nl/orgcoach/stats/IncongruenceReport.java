package nl.orgcoach.stats;

import java.util.List;

/**
 * The incongruence analysis of one client: a finding for every person × behaviour observed, and the
 * settings of the evidence rule that produced them (to be shown beside every flag).
 *
 * @param settings the rule's parameters
 * @param ratings the ratings analysed
 * @param findings one per person × behaviour, ordered by person, then behaviour
 */
public record IncongruenceReport(
    IncongruenceSettings settings, int ratings, List<IncongruenceFinding> findings) {

  public IncongruenceReport {
    findings = List.copyOf(findings);
  }

  public List<IncongruenceFinding> flagged() {
    return findings.stream().filter(IncongruenceFinding::flagged).toList();
  }
}
