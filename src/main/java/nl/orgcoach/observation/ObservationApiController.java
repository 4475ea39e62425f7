package nl.orgcoach.observation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import nl.orgcoach.access.ClientScope;
import nl.orgcoach.access.UserAccount;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The behaviour framework, meetings, observations and person profiles as JSON. Observations and
 * profiles only for those {@link ObservationAccess} allows.
 */
@RestController
@Tag(name = "Observations", description = "On-the-job observations by hierarchical constellation")
class ObservationApiController {

  private static final String BASE = "/api/v1/clients/{clientId}/engagements/{engagementId}";

  private final ObservationService service;
  private final ObservationAggregates aggregates;

  ObservationApiController(ObservationService service, ObservationAggregates aggregates) {
    this.service = service;
    this.aggregates = aggregates;
  }

  /** A behaviour with its linked agreements. */
  record BehaviourDto(
      UUID id,
      String code,
      String nameNl,
      String nameEn,
      String descriptionNl,
      String descriptionEn,
      String indicatorsNl,
      String indicatorsEn,
      int sortOrder,
      boolean retired,
      List<UUID> agreementIds) {}

  /** A change of a behaviour: any field left null stays as it is. */
  record BehaviourChange(
      String nameNl,
      String nameEn,
      String descriptionNl,
      String descriptionEn,
      String indicatorsNl,
      String indicatorsEn,
      Boolean retired,
      Integer move,
      List<UUID> agreementIds) {}

  /** The answer to a capture: the observation, and whether this submit made it. */
  record Captured(UUID id, boolean created) {}

  /** Whether the profile is released to the person. */
  record Release(Boolean released) {}

  @GetMapping(BASE + "/behaviours")
  @Operation(
      summary = "The engagement's behaviour framework (coaches, admin)",
      description = "Put in place with the default set of the method when first asked for")
  List<BehaviourDto> behaviours(
      ClientScope scope, @AuthenticationPrincipal UserAccount me, @PathVariable UUID engagementId) {
    List<Behaviour> list = service.framework(scope, me, engagementId);
    Map<UUID, List<UUID>> links = service.agreementLinks(scope, engagementId);
    return list.stream().map(b -> dto(b, links.getOrDefault(b.id(), List.of()))).toList();
  }

  private static BehaviourDto dto(Behaviour b, List<UUID> links) {
    return new BehaviourDto(
        b.id(),
        b.code(),
        b.nameNl(),
        b.nameEn(),
        b.descriptionNl(),
        b.descriptionEn(),
        b.indicatorsNl(),
        b.indicatorsEn(),
        b.sortOrder(),
        b.retired(),
        links);
  }

  @PostMapping(BASE + "/behaviours")
  @Operation(summary = "Add a behaviour (coaches, admin); names in Dutch and English required")
  ResponseEntity<BehaviourDto> add(
      ClientScope scope,
      @AuthenticationPrincipal UserAccount me,
      @PathVariable UUID engagementId,
      @RequestBody Behaviour.Text text) {
    UUID id = service.addBehaviour(scope, me, engagementId, text);
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(dto(service.behaviour(scope, me, engagementId, id), List.of()));
  }

  @PutMapping(BASE + "/behaviours/{behaviourId}")
  @Operation(
      summary = "Rename, describe, retire or reinstate, move (-1 up, +1 down), link to agreements")
  BehaviourDto change(
      ClientScope scope,
      @AuthenticationPrincipal UserAccount me,
      @PathVariable UUID engagementId,
      @PathVariable UUID behaviourId,
      @RequestBody BehaviourChange c) {
    Behaviour b = service.behaviour(scope, me, engagementId, behaviourId);
    if (c.nameNl() != null || c.nameEn() != null) {
      service.editBehaviour(
          scope,
          me,
          engagementId,
          behaviourId,
          new Behaviour.Text(
              c.nameNl() != null ? c.nameNl() : b.nameNl(),
              c.nameEn() != null ? c.nameEn() : b.nameEn(),
              c.descriptionNl() != null ? c.descriptionNl() : b.descriptionNl(),
              c.descriptionEn() != null ? c.descriptionEn() : b.descriptionEn(),
              c.indicatorsNl() != null ? c.indicatorsNl() : b.indicatorsNl(),
              c.indicatorsEn() != null ? c.indicatorsEn() : b.indicatorsEn()));
    }
    if (c.retired() != null) {
      service.retire(scope, me, engagementId, behaviourId, c.retired());
    }
    if (c.move() != null && c.move() != 0) {
      service.move(scope, me, engagementId, behaviourId, c.move());
    }
    if (c.agreementIds() != null) {
      service.link(scope, me, engagementId, behaviourId, c.agreementIds());
    }
    return dto(
        service.behaviour(scope, me, engagementId, behaviourId),
        service.agreementLinks(scope, engagementId).getOrDefault(behaviourId, List.of()));
  }

  @DeleteMapping(BASE + "/behaviours/{behaviourId}")
  @Operation(summary = "Delete a behaviour never observed (422 once observed: retire it instead)")
  ResponseEntity<Void> delete(
      ClientScope scope,
      @AuthenticationPrincipal UserAccount me,
      @PathVariable UUID engagementId,
      @PathVariable UUID behaviourId) {
    service.delete(scope, me, engagementId, behaviourId);
    return ResponseEntity.noContent().build();
  }

  @GetMapping(BASE + "/meetings")
  @Operation(summary = "The engagement's meetings, newest first (coaches, admin)")
  List<Meeting.Summary> meetings(
      ClientScope scope, @AuthenticationPrincipal UserAccount me, @PathVariable UUID engagementId) {
    return service.meetings(scope, me, engagementId);
  }

  @PostMapping(BASE + "/meetings")
  @Operation(
      summary = "Plan a meeting: a setting on a date, or an ad-hoc moment with a title",
      description =
          "Attendees default to the setting's members when people is null; outsiders by name;"
              + " heldOn as yyyy-MM-dd")
  ResponseEntity<Meeting> plan(
      ClientScope scope,
      @AuthenticationPrincipal UserAccount me,
      @PathVariable UUID engagementId,
      @RequestBody Meeting.Draft draft) {
    UUID id = service.planMeeting(scope, me, engagementId, draft);
    return ResponseEntity.created(
            URI.create(
                "/api/v1/clients/"
                    + scope.clientId()
                    + "/engagements/"
                    + engagementId
                    + "/meetings/"
                    + id))
        .body(service.meeting(scope, me, engagementId, id));
  }

  @GetMapping(BASE + "/meetings/{meetingId}")
  @Operation(summary = "One meeting with its attendees")
  Meeting meeting(
      ClientScope scope,
      @AuthenticationPrincipal UserAccount me,
      @PathVariable UUID engagementId,
      @PathVariable UUID meetingId) {
    return service.meeting(scope, me, engagementId, meetingId);
  }

  /** Who attended: persons of the client and outsiders by name. */
  record AttendeesForm(List<UUID> people, List<String> outsiders) {}

  @PutMapping(BASE + "/meetings/{meetingId}/attendees")
  @Operation(summary = "Replace the meeting's attendees")
  Meeting attendees(
      ClientScope scope,
      @AuthenticationPrincipal UserAccount me,
      @PathVariable UUID engagementId,
      @PathVariable UUID meetingId,
      @RequestBody AttendeesForm form) {
    service.replaceAttendees(scope, me, engagementId, meetingId, form.people(), form.outsiders());
    return service.meeting(scope, me, engagementId, meetingId);
  }

  @PostMapping(BASE + "/observations")
  @Operation(
      summary = "Record an observation (the engagement's coaches); idempotent by idempotencyKey",
      description =
          "201 with the new observation, or 200 with the one an earlier submit of the same key"
              + " made. The person must attend the meeting; ratings 1-5 (ADR 0005) on active"
              + " behaviours of the framework. The constellation is derived, never sent.")
  ResponseEntity<Captured> record(
      ClientScope scope,
      @AuthenticationPrincipal UserAccount me,
      @PathVariable UUID engagementId,
      @RequestBody Observation.Draft draft) {
    ObservationService.Recorded r = service.record(scope, me, engagementId, draft);
    return ResponseEntity.status(r.created() ? HttpStatus.CREATED : HttpStatus.OK)
        .body(new Captured(r.id(), r.created()));
  }

  @GetMapping(BASE + "/observations")
  @Operation(
      summary = "The engagement's observations, newest first (the engagement's coaches only)",
      description = "Filters: personId, behaviourId, constellation (the dominant one), meetingId")
  List<ObservationService.View> observations(
      ClientScope scope,
      @AuthenticationPrincipal UserAccount me,
      @PathVariable UUID engagementId,
      @RequestParam(required = false) UUID personId,
      @RequestParam(required = false) UUID behaviourId,
      @RequestParam(required = false) String constellation,
      @RequestParam(required = false) UUID meetingId) {
    return service.list(
        scope,
        me,
        engagementId,
        new Observations.Filter(personId, behaviourId, constellation, meetingId));
  }

  @GetMapping(BASE + "/observations/{observationId}")
  @Operation(summary = "One observation with its ratings and stored constellation")
  ObservationService.View observation(
      ClientScope scope,
      @AuthenticationPrincipal UserAccount me,
      @PathVariable UUID engagementId,
      @PathVariable UUID observationId) {
    return service.view(scope, me, engagementId, observationId);
  }

  @GetMapping(BASE + "/people/{personId}/profile")
  @Operation(
      summary = "A person's profile: per behaviour, counts and mean per constellation and period",
      description =
          "The engagement's coaches; the person themself once released. period: month or quarter."
              + " sayDo: per behaviour the person's own account beside the observed ratings, the"
              + " gap and its credible interval (stats.SayDoGap), over all observations and per"
              + " constellation; asOf (yyyy-MM-dd) compares the account given by that day with"
              + " the observations up to that day;"
              + " observations: the 100 most recent (all through GET observations?personId=)")
  ObservationService.ProfilePage profile(
      ClientScope scope,
      @AuthenticationPrincipal UserAccount me,
      @PathVariable UUID engagementId,
      @PathVariable UUID personId,
      @RequestParam(required = false) String period,
      @RequestParam(required = false) java.time.LocalDate asOf,
      Locale locale) {
    return service.profile(
        scope,
        me,
        engagementId,
        personId,
        Profile.Period.parse(period),
        Observations.Filter.NONE,
        asOf,
        locale);
  }

  @PutMapping(BASE + "/people/{personId}/release")
  @Operation(
      summary = "Release the profile to the person, or revoke that (the engagement's coaches)")
  Release release(
      ClientScope scope,
      @AuthenticationPrincipal UserAccount me,
      @PathVariable UUID engagementId,
      @PathVariable UUID personId,
      @RequestBody Release form) {
    service.release(scope, me, engagementId, personId, form == null ? null : form.released());
    return form;
  }

  // --- the person's own account (say–do) --------------------------------------------------------

  /** One behaviour answered. */
  record AnswerDto(UUID behaviourId, int rating, String comment) {}

  /** A behaviour the person may answer. */
  record AskedDto(
      UUID id, String nameNl, String nameEn, String descriptionNl, String descriptionEn) {}

  /**
   * The user's own account in the engagement: the behaviours asked, the latest answers (null when
   * none was given) and when every account was given, newest first.
   */
  record SelfAssessmentDto(
      UUID engagementId,
      UUID personId,
      List<AskedDto> behaviours,
      java.time.OffsetDateTime submittedAt,
      List<AnswerDto> answers,
      List<SelfAssessments.Submission> submissions,
      boolean profileReleased) {

    static SelfAssessmentDto of(ObservationService.SelfAssessmentPage p) {
      List<AnswerDto> answers =
          p.latest() == null
              ? List.of()
              : p.latest().answers().entrySet().stream()
                  .map(
                      a -> new AnswerDto(a.getKey(), a.getValue().rating(), a.getValue().comment()))
                  .toList();
      return new SelfAssessmentDto(
          p.engagementId(),
          p.personId(),
          p.behaviours().stream()
              .map(
                  b ->
                      new AskedDto(
                          b.id(), b.nameNl(), b.nameEn(), b.descriptionNl(), b.descriptionEn()))
              .toList(),
          p.latest() == null ? null : p.latest().submittedAt(),
          answers,
          p.submissions(),
          p.profileReleased());
    }
  }

  @GetMapping(BASE + "/self-assessment")
  @Operation(
      summary =
          "My own account in the engagement: how often do I show each behaviour? (the person)",
      description =
          "For a user linked to a person who takes part in the engagement (attended one of its"
              + " meetings); 403 otherwise. The latest answers and when every account was given.")
  SelfAssessmentDto selfAssessment(
      ClientScope scope, @AuthenticationPrincipal UserAccount me, @PathVariable UUID engagementId) {
    return SelfAssessmentDto.of(service.selfAssessment(scope, me, engagementId));
  }

  @PutMapping(BASE + "/self-assessment")
  @Operation(
      summary = "Give my own account again (the person); earlier ones are kept, dated",
      description =
          "answers: [{behaviourId, rating 1-5, comment (optional, at most 300 characters)}] for"
              + " active behaviours of the framework; a behaviour left out is not answered. 422"
              + " with nothing written on bad input.")
  SelfAssessmentDto submitSelfAssessment(
      ClientScope scope,
      @AuthenticationPrincipal UserAccount me,
      @PathVariable UUID engagementId,
      @RequestBody(required = false) SelfAssessment.Draft draft) {
    service.submitSelfAssessment(scope, me, engagementId, draft);
    return SelfAssessmentDto.of(service.selfAssessment(scope, me, engagementId));
  }

  @GetMapping("/api/v1/clients/{clientId}/my/observation")
  @Operation(
      summary = "The engagements I take part in: whether my profile was released, my own account",
      description = "Empty for a user not linked to a person")
  List<ObservationService.MyEngagement> mine(
      ClientScope scope, @AuthenticationPrincipal UserAccount me) {
    return service.mine(scope, me);
  }

  @GetMapping(BASE + "/observation-aggregates")
  @Operation(
      summary =
          "Aggregates per unit and behaviour for one closed quarter (HR, admin, coaches, sponsor)",
      description =
          "unit: the unit to drill into (its row, then its children; none: the top units);"
              + " from/to: the first and last day of a closed calendar quarter (none: the latest)."
              + " A cell has numbers only when status is SHOWN: at least 3 people and nobody"
              + " singled out by subtracting cells (docs/analytics.md)")
  ObservationAggregates.View aggregates(
      ClientScope scope,
      @AuthenticationPrincipal UserAccount me,
      @PathVariable UUID engagementId,
      @RequestParam(required = false) String unit,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      Locale locale) {
    return aggregates.view(scope, me, engagementId, unit, from, to, locale);
  }
}
