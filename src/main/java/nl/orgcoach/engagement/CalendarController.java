package nl.orgcoach.engagement;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;
import nl.orgcoach.access.ClientScope;
import nl.orgcoach.access.UserAccount;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** An intervention as a calendar file, for whoever may see the intervention (never its notes). */
@Controller
class CalendarController {

  static final MediaType CALENDAR = new MediaType("text", "calendar", StandardCharsets.UTF_8);

  private final InterventionCalendar calendar;

  CalendarController(InterventionCalendar calendar) {
    this.calendar = calendar;
  }

  @GetMapping("/c/{clientId}/interventions/{interventionId}.ics")
  ResponseEntity<byte[]> ics(
      ClientScope scope,
      @AuthenticationPrincipal UserAccount me,
      @PathVariable UUID interventionId,
      Locale locale) {
    String base = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
    InterventionCalendar.File file = calendar.file(scope, me, interventionId, base, locale);
    return ResponseEntity.ok()
        .contentType(CALENDAR)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(file.name()).build().toString())
        .body(file.content().getBytes(StandardCharsets.UTF_8));
  }
}
