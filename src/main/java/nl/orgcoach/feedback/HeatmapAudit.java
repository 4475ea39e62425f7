package nl.orgcoach.feedback;

import nl.orgcoach.access.AuditLog;
import nl.orgcoach.access.AuditType;
import nl.orgcoach.access.ClientScope;
import org.springframework.stereotype.Component;

/**
 * Writes {@link AuditType#FEEDBACK_HEATMAP_VIEWED} for a heatmap that was read, page or API: which
 * engagement, unit and period, so that what HR read can be traced. No personal data: ids of the
 * engagement and the unit and the dates only, never a person or a figure. A heatmap without an
 * engagement holds no figures and is not written; a refused read (404) never gets here.
 */
@Component
class HeatmapAudit {

  private final AuditLog audit;

  HeatmapAudit(AuditLog audit) {
    this.audit = audit;
  }

  /** Records the read and answers the heatmap as it was, for the caller to show. */
  FeedbackHeatmap.Heatmap viewed(ClientScope scope, FeedbackHeatmap.Heatmap h, String via) {
    if (h.engagementId() != null) {
      audit.recordAs(
          scope.actor(), AuditType.FEEDBACK_HEATMAP_VIEWED, scope.clientId(), detail(h, via));
    }
    return h;
  }

  static String detail(FeedbackHeatmap.Heatmap h, String via) {
    return "engagement "
        + h.engagementId()
        + " unit "
        + (h.unit() == null ? "top" : h.unit().unitId())
        + " from "
        + h.from()
        + " to "
        + h.to()
        + " ("
        + via
        + ")";
  }
}
