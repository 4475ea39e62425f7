package nl.orgcoach.engagement;

import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.orgcoach.access.ClientScope;
import nl.orgcoach.access.UserAccount;
import nl.orgcoach.platform.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The calendar file of an intervention: for whoever may see its engagement ({@link
 * EngagementAccess}), as if it did not exist for anyone else. Summary: type and engagement; the
 * description names the coaches and links to the intervention's page. The notes are never read.
 */
@Service
@Transactional(readOnly = true)
class InterventionCalendar {

  private final Interventions interventions;
  private final EngagementAccess access;
  private final MessageSource messages;

  InterventionCalendar(
      Interventions interventions, EngagementAccess access, MessageSource messages) {
    this.interventions = interventions;
    this.access = access;
    this.messages = messages;
  }

  record File(String name, String content) {}

  File file(ClientScope scope, UserAccount me, UUID interventionId, String baseUrl, Locale locale) {
    Interventions.Summary s =
        interventions
            .findAny(scope, interventionId)
            .orElseThrow(() -> new NotFoundException("intervention"));
    Engagement e = access.visible(scope, me, s.engagementId());
    String type = messages.getMessage("intervention.type." + s.type(), null, locale);
    String coaches =
        interventions.coaches(scope, interventionId).stream()
            .map(Interventions.Named::name)
            .collect(Collectors.joining(", "));
    String url =
        baseUrl
            + "/c/"
            + scope.clientId()
            + "/engagements/"
            + s.engagementId()
            + "/interventions/"
            + s.id();
    String description =
        messages.getMessage("engagement.coaches", null, locale) + ": " + coaches + "\n" + url;
    String content =
        ICalendar.of(
            new ICalendar.Event(
                s.id(),
                type + " – " + e.title(),
                description,
                s.heldOn(),
                s.startsAt(),
                s.durationMinutes(),
                s.recordedAt(),
                url));
    return new File("intervention-" + s.heldOn() + ".ics", content);
  }
}
