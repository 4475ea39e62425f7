package nl.orgcoach.observation;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.orgcoach.access.AuditLog;
import nl.orgcoach.access.AuditType;
import nl.orgcoach.access.ClientScope;
import nl.orgcoach.access.UserAccount;
import nl.orgcoach.engagement.EngagementLookup;
import nl.orgcoach.engagement.EngagementLookup.EngagementRef;
import nl.orgcoach.organisation.ConstellationDerivation;
import nl.orgcoach.organisation.PersonLookup;
import nl.orgcoach.organisation.ReportingLines;
import nl.orgcoach.organisation.ReportingSnapshot;
import nl.orgcoach.organisation.SettingLookup;
import nl.orgcoach.platform.NotFoundException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The use cases of observation: the behaviour framework, meetings, capture (idempotent by the
 * device's key), the observation list and the person profile, and releasing a profile. Every read
 * of observations asks {@link ObservationAccess} first. Each write is one transaction.
 */
@Service
class ObservationService {

  static final int LIST_LIMIT = 500;

  /**
   * The profile lists the most recent observations only (all of them through the list with a person
   * filter): the 500 of a busy person with their constellations cost the profile most of its time
   * (ObservationBenchmark, issue 4), and nobody reads 500 on a phone.
   */
  static final int PROFILE_LIMIT = 100;

  private final Behaviours behaviours;
  private final Meetings meetings;
  private final Observations observations;
  private final SelfAssessments selfAssessments;
  private final ObservationAccess access;
  private final EngagementLookup engagements;
  private final SettingLookup settings;
  private final PersonLookup people;
  private final ReportingLines lines;
  private final AuditLog audit;
  private final TransactionTemplate tx;
  private final TransactionTemplate readTx;
  private final Clock clock;

  ObservationService(
      Behaviours behaviours,
      Meetings meetings,
      Observations observations,
      SelfAssessments selfAssessments,
      ObservationAccess access,
      EngagementLookup engagements,
      SettingLookup settings,
      PersonLookup people,
      ReportingLines lines,
      AuditLog audit,
      PlatformTransactionManager transactions) {
    this.behaviours = behaviours;
    this.meetings = meetings;
    this.observations = observations;
    this.selfAssessments = selfAssessments;
    this.access = access;
    this.engagements = engagements;
    this.settings = settings;
    this.people = people;
    this.lines = lines;
    this.audit = audit;
    this.tx = new TransactionTemplate(transactions);
    this.readTx = new TransactionTemplate(transactions);
    this.readTx.setReadOnly(true);
    this.clock = Clock.systemUTC();
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }

  // --- the framework ---------------------------------------------------------------------------

  /** The framework of an engagement, put in place with the default set when first opened. */
  List<Behaviour> framework(ClientScope scope, UserAccount me, UUID engagementId) {
    EngagementRef e = access.manage(scope, me, engagementId);
    return tx.execute(s -> frameworkOf(scope, e.id()));
  }

  /** Without a user check: for the services of this module and start-up data. */
  List<Behaviour> frameworkOf(ClientScope scope, UUID engagementId) {
    if (!behaviours.frameworkExists(scope, engagementId)) {
      behaviours.insertFramework(scope, engagementId, now());
      int order = 1;
      for (DefaultBehaviours.Default d : DefaultBehaviours.ALL) {
        Behaviour.Text t = d.text().checked();
        behaviours.insert(
            scope,
            new Behaviour(
                UUID.randomUUID(),
                engagementId,
                d.code(),
                t.nameNl(),
                t.nameEn(),
                t.descriptionNl(),
                t.descriptionEn(),
                t.indicatorsNl(),
                t.indicatorsEn(),
                order++,
                null));
      }
    }
    return behaviours.of(scope, engagementId);
  }

  Map<UUID, List<UUID>> agreementLinks(ClientScope scope, UUID engagementId) {
    return behaviours.agreementLinks(scope, engagementId);
  }

  List<EngagementLookup.AgreementRef> agreements(ClientScope scope, UUID engagementId) {
    return engagements.agreements(scope, engagementId);
  }

  UUID addBehaviour(ClientScope scope, UserAccount me, UUID engagementId, Behaviour.Text text) {
    EngagementRef e = access.manage(scope, me, engagementId);
    Behaviour.Text t = text == null ? null : text.checked();
    if (t == null) {
      throw Input.bad("nameNl", "behaviour.error.nameRequired");
    }
    return tx.execute(
        s -> {
          frameworkOf(scope, e.id());
          UUID id = UUID.randomUUID();
          behaviours.insert(
              scope,
              new Behaviour(
                  id,
                  e.id(),
                  null,
                  t.nameNl(),
                  t.nameEn(),
                  t.descriptionNl(),
                  t.descriptionEn(),
                  t.indicatorsNl(),
                  t.indicatorsEn(),
                  behaviours.nextSortOrder(scope, e.id()),
                  null));
          return id;
        });
  }

  Behaviour behaviour(ClientScope scope, UserAccount me, UUID engagementId, UUID behaviourId) {
    EngagementRef e = access.manage(scope, me, engagementId);
    return behaviours
        .find(scope, e.id(), behaviourId)
        .orElseThrow(() -> new NotFoundException("behaviour"));
  }

  void editBehaviour(
      ClientScope scope, UserAccount me, UUID engagementId, UUID behaviourId, Behaviour.Text text) {
    Behaviour b = behaviour(scope, me, engagementId, behaviourId);
    if (text == null) {
      throw Input.bad("nameNl", "behaviour.error.nameRequired");
    }
    Behaviour.Text t = text.checked();
    tx.executeWithoutResult(s -> behaviours.updateText(scope, b.id(), t));
  }

  void retire(
      ClientScope scope, UserAccount me, UUID engagementId, UUID behaviourId, boolean retired) {
    Behaviour b = behaviour(scope, me, engagementId, behaviourId);
    tx.executeWithoutResult(s -> behaviours.setRetired(scope, b.id(), retired ? now() : null));
  }

  /** Moves a behaviour one place up ({@code -1}) or down ({@code +1}) in the framework. */
  void move(ClientScope scope, UserAccount me, UUID engagementId, UUID behaviourId, int step) {
    Behaviour b = behaviour(scope, me, engagementId, behaviourId);
    tx.executeWithoutResult(
        s -> {
          List<Behaviour> all = new ArrayList<>(behaviours.of(scope, b.engagementId()));
          int at = indexOf(all, b.id());
          int to = Math.max(0, Math.min(all.size() - 1, at + Integer.signum(step)));
          all.add(to, all.remove(at));
          for (int i = 0; i < all.size(); i++) {
            if (all.get(i).sortOrder() != i + 1) {
              behaviours.setSortOrder(scope, all.get(i).id(), i + 1);
            }
          }
        });
  }

  private static int indexOf(List<Behaviour> all, UUID id) {
    for (int i = 0; i < all.size(); i++) {
      if (all.get(i).id().equals(id)) {
        return i;
      }
    }
    throw new NotFoundException("behaviour");
  }

  /** Deletes a behaviour that was never observed; one that was can only be retired. */
  void delete(ClientScope scope, UserAccount me, UUID engagementId, UUID behaviourId) {
    Behaviour b = behaviour(scope, me, engagementId, behaviourId);
    tx.executeWithoutResult(
        s -> {
          if (behaviours.hasObservations(scope, b.id())) {
            throw Input.bad("behaviour", "behaviour.error.observed");
          }
          behaviours.delete(scope, b.id());
        });
  }

  /** Links the behaviour to these agreements of the engagement (replacing earlier links). */
  void link(
      ClientScope scope,
      UserAccount me,
      UUID engagementId,
      UUID behaviourId,
      Collection<UUID> agreementIds) {
    Behaviour b = behaviour(scope, me, engagementId, behaviourId);
    linkAs(scope, b.engagementId(), b.id(), agreementIds);
  }

  /** Without a user check: for start-up data. */
  void linkAs(
      ClientScope scope, UUID engagementId, UUID behaviourId, Collection<UUID> agreementIds) {
    Behaviour b =
        behaviours
            .find(scope, engagementId, behaviourId)
            .orElseThrow(() -> new NotFoundException("behaviour"));
    Set<UUID> known = new HashSet<>();
    engagements.agreements(scope, b.engagementId()).forEach(a -> known.add(a.id()));
    Set<UUID> wanted = new LinkedHashSet<>(agreementIds == null ? List.of() : agreementIds);
    wanted.remove(null);
    if (!known.containsAll(wanted)) {
      throw Input.bad("agreements", "behaviour.error.agreement");
    }
    tx.executeWithoutResult(s -> behaviours.replaceAgreementLinks(scope, b.id(), wanted));
  }

  // --- meetings --------------------------------------------------------------------------------

  UUID planMeeting(ClientScope scope, UserAccount me, UUID engagementId, Meeting.Draft d) {
    EngagementRef e = access.manage(scope, me, engagementId);
    return tx.execute(s -> planMeetingAs(scope, e.id(), me.id(), d));
  }

  /** Without a user check: for start-up data. */
  UUID planMeetingAs(ClientScope scope, UUID engagementId, UUID by, Meeting.Draft d) {
    if (d == null) {
      throw Input.bad("heldOn", "meeting.error.date");
    }
    LocalDate heldOn = date(d.heldOn());
    String title = d.title() == null || d.title().isBlank() ? null : d.title().strip();
    List<UUID> people = d.people();
    if (d.settingId() != null) {
      var setting =
          settings
              .find(scope, d.settingId())
              .orElseThrow(() -> Input.bad("settingId", "meeting.error.setting"));
      if (title == null) {
        title = setting.name();
      }
      if (people == null) {
        people = settings.members(scope, setting.id()).stream().map(p -> p.id()).toList();
      }
    }
    if (title == null) {
      throw Input.bad("title", "meeting.error.title");
    }
    if (title.length() > 200) {
      throw Input.bad("title", "meeting.error.titleTooLong", 200);
    }
    Meeting m =
        new Meeting(
            UUID.randomUUID(),
            engagementId,
            d.settingId(),
            title,
            heldOn,
            attendees(scope, people, d.outsiders()));
    meetings.insert(scope, m, by, now());
    return m.id();
  }

  private List<Meeting.Attendee> attendees(
      ClientScope scope, List<UUID> people, List<String> outsiders) {
    List<Meeting.Attendee> list = new ArrayList<>();
    for (UUID p : new LinkedHashSet<>(people == null ? List.<UUID>of() : people)) {
      if (p == null) {
        continue;
      }
      var ref =
          this.people.find(scope, p).orElseThrow(() -> Input.bad("people", "meeting.error.person"));
      list.add(new Meeting.Attendee(ref.id(), ref.name()));
    }
    for (String o : outsiders == null ? List.<String>of() : outsiders) {
      if (o == null || o.isBlank()) {
        continue;
      }
      if (o.strip().length() > 200) {
        throw Input.bad("outsiders", "meeting.error.titleTooLong", 200);
      }
      list.add(new Meeting.Attendee(null, o.strip()));
    }
    return list;
  }

  private static LocalDate date(String text) {
    try {
      return LocalDate.parse(text == null ? "" : text.strip());
    } catch (DateTimeParseException e) {
      throw Input.bad("heldOn", "meeting.error.date");
    }
  }

  void replaceAttendees(
      ClientScope scope,
      UserAccount me,
      UUID engagementId,
      UUID meetingId,
      List<UUID> people,
      List<String> outsiders) {
    Meeting m = meeting(scope, me, engagementId, meetingId);
    List<Meeting.Attendee> list = attendees(scope, people, outsiders);
    tx.executeWithoutResult(s -> meetings.replaceAttendees(scope, m.id(), list));
  }

  Meeting meeting(ClientScope scope, UserAccount me, UUID engagementId, UUID meetingId) {
    EngagementRef e = access.manage(scope, me, engagementId);
    return meetings
        .find(scope, e.id(), meetingId)
        .orElseThrow(() -> new NotFoundException("meeting"));
  }

  List<Meeting.Summary> meetings(ClientScope scope, UserAccount me, UUID engagementId) {
    EngagementRef e = access.manage(scope, me, engagementId);
    return meetings.list(
        scope, List.of(e.id()), LocalDate.of(1900, 1, 1), LocalDate.of(9999, 1, 1), 200);
  }

  /** The capture screen's choice: meetings of the engagements the user observes in, near today. */
  record Capture(List<Meeting.Summary> meetings, Map<UUID, String> engagementTitles) {}

  Capture capture(ClientScope scope, UserAccount me, LocalDate today) {
    List<EngagementRef> mine =
        engagements.list(scope, me.id()).stream().filter(e -> access.mayObserve(me, e)).toList();
    Map<UUID, String> titles = new java.util.LinkedHashMap<>();
    mine.forEach(e -> titles.put(e.id(), e.title()));
    List<Meeting.Summary> list =
        new ArrayList<>(
            meetings.list(
                scope, List.copyOf(titles.keySet()), today.minusDays(14), today.plusDays(1), 50));
    // Today's meetings first (the one a coach is sitting in), then the most recent.
    list.sort(
        java.util.Comparator.comparing((Meeting.Summary m) -> !m.heldOn().equals(today))
            .thenComparing(Meeting.Summary::heldOn, java.util.Comparator.reverseOrder()));
    return new Capture(list, titles);
  }

  /** A meeting with what the capture screen needs to observe in it. */
  record CaptureMeeting(Meeting meeting, List<Behaviour> behaviours) {}

  CaptureMeeting captureMeeting(ClientScope scope, UserAccount me, UUID engagementId, UUID id) {
    EngagementRef e = access.observe(scope, me, engagementId);
    Meeting m =
        meetings.find(scope, e.id(), id).orElseThrow(() -> new NotFoundException("meeting"));
    List<Behaviour> active =
        tx.execute(s -> frameworkOf(scope, e.id())).stream().filter(b -> !b.retired()).toList();
    return new CaptureMeeting(m, active);
  }

  // --- capture ---------------------------------------------------------------------------------

  /** The observation made, or the one a retry of the same draft made before. */
  record Recorded(UUID id, boolean created) {}

  /**
   * Refuses unless the user may record observations in the engagement; the engagement, for {@link
   * #recordAs} (so that capture checks access once).
   */
  EngagementRef mayObserve(ClientScope scope, UserAccount me, UUID engagementId) {
    return access.observe(scope, me, engagementId);
  }

  Recorded record(ClientScope scope, UserAccount me, UUID engagementId, Observation.Draft d) {
    EngagementRef e = access.observe(scope, me, engagementId);
    return recordAs(scope, e.id(), me.id(), d);
  }

  /**
   * Records the draft unless its key was recorded before. Two submits of one key at once: the
   * unique key lets one insert win, and the other answers with the winner.
   */
  Recorded recordAs(ClientScope scope, UUID engagementId, UUID observer, Observation.Draft d) {
    if (d == null || d.idempotencyKey() == null) {
      throw Input.bad("idempotencyKey", "observation.error.key");
    }
    try {
      return tx.execute(s -> insertOnce(scope, engagementId, observer, d));
    } catch (DuplicateKeyException raced) {
      return existing(scope, engagementId, d.idempotencyKey());
    }
  }

  private Recorded insertOnce(
      ClientScope scope, UUID engagementId, UUID observer, Observation.Draft d) {
    var before = observations.byKey(scope, d.idempotencyKey());
    if (before.isPresent()) {
      return existing(scope, engagementId, d.idempotencyKey());
    }
    if (d.meetingId() == null) {
      throw Input.bad("meetingId", "observation.error.meeting");
    }
    Meeting m =
        meetings
            .find(scope, engagementId, d.meetingId())
            .orElseThrow(() -> Input.bad("meetingId", "observation.error.meeting"));
    Set<UUID> active = activeBehaviours(scope, engagementId);
    Observation o =
        Observation.capture(
            UUID.randomUUID(),
            d,
            m,
            active,
            observer,
            now(),
            (date, observed, others) -> lines.constellation(scope, date, observed, others));
    observations.insert(scope, o);
    return new Recorded(o.id(), true);
  }

  /**
   * Records a meeting's worth of drafts at once, for start-up data: the meeting, the framework and
   * the reporting lines around all attendees are read once, each constellation is derived from that
   * one snapshot (the same lines {@link ReportingLines#constellation} reads per observation), and
   * everything is written in one batch per table, in one transaction. The same checks as capture;
   * the drafts' keys must be new.
   */
  List<UUID> recordAllAs(
      ClientScope scope,
      UUID engagementId,
      UUID observer,
      UUID meetingId,
      List<Observation.Draft> drafts) {
    return tx.execute(
        s -> {
          Meeting m =
              meetings
                  .find(scope, engagementId, meetingId)
                  .orElseThrow(() -> Input.bad("meetingId", "observation.error.meeting"));
          Set<UUID> active = activeBehaviours(scope, engagementId);
          List<UUID> attending = new ArrayList<>();
          m.attendees().stream()
              .filter(a -> !a.outsider())
              .forEach(a -> attending.add(a.personId()));
          ReportingSnapshot around = lines.asOn(scope, m.heldOn(), attending);
          OffsetDateTime at = now();
          List<Observation> made = new ArrayList<>();
          for (Observation.Draft d : drafts) {
            made.add(
                Observation.capture(
                    UUID.randomUUID(),
                    d,
                    m,
                    active,
                    observer,
                    at,
                    (date, observed, others) ->
                        ConstellationDerivation.derive(observed, others, around)));
          }
          observations.insertAll(scope, made);
          return made.stream().map(Observation::id).toList();
        });
  }

  /**
   * The ids of the framework's active behaviours: one query of ids on the capture path (the full
   * framework with its texts only when it still has to be put in place).
   */
  private Set<UUID> activeBehaviours(ClientScope scope, UUID engagementId) {
    Set<UUID> active = new HashSet<>(behaviours.activeIds(scope, engagementId));
    if (active.isEmpty()) {
      frameworkOf(scope, engagementId).stream()
          .filter(b -> !b.retired())
          .forEach(b -> active.add(b.id()));
    }
    return active;
  }

  private Recorded existing(ClientScope scope, UUID engagementId, UUID key) {
    var k = observations.byKey(scope, key).orElseThrow();
    if (!k.engagementId().equals(engagementId)) {
      // A key is made once per draft on a device: reuse in another engagement is no retry.
      throw Input.bad("idempotencyKey", "observation.error.keyReused");
    }
    return new Recorded(k.id(), false);
  }

  // --- reading ---------------------------------------------------------------------------------

  /** An observation with its ratings and stored constellation. */
  record View(
      Observations.Row observation,
      List<Observations.Rating> ratings,
      List<Observations.Attendee> constellation) {}

  List<View> list(
      ClientScope scope, UserAccount me, UUID engagementId, Observations.Filter filter) {
    EngagementRef e = access.observe(scope, me, engagementId);
    return readTx.execute(s -> views(scope, observations.list(scope, e.id(), filter, LIST_LIMIT)));
  }

  View view(ClientScope scope, UserAccount me, UUID engagementId, UUID observationId) {
    EngagementRef e = access.observe(scope, me, engagementId);
    var row =
        observations
            .find(scope, e.id(), observationId)
            .orElseThrow(() -> new NotFoundException("observation"));
    return views(scope, List.of(row)).get(0);
  }

  private List<View> views(ClientScope scope, List<Observations.Row> rows) {
    List<UUID> ids = rows.stream().map(Observations.Row::id).toList();
    var ratings = observations.ratings(scope, ids);
    var attendees = observations.attendees(scope, ids);
    return rows.stream()
        .map(
            r ->
                new View(
                    r,
                    ratings.getOrDefault(r.id(), List.of()),
                    attendees.getOrDefault(r.id(), List.of())))
        .toList();
  }

  List<Observations.ObservedPerson> observedPeople(
      ClientScope scope, UserAccount me, UUID engagementId) {
    EngagementRef e = access.observe(scope, me, engagementId);
    return observations.observedPeople(scope, e.id());
  }

  /**
   * The profile, say–do (the person's own account beside it) and the observations in it (filtered
   * by behaviour and constellation).
   */
  record ProfilePage(
      Profile profile, SayDo sayDo, List<View> observations, String engagementTitle) {}

  ProfilePage profile(
      ClientScope scope,
      UserAccount me,
      UUID engagementId,
      UUID personId,
      Profile.Period period,
      Observations.Filter filter,
      Locale locale) {
    return profile(scope, me, engagementId, personId, period, filter, null, locale);
  }

  /** The profile with say–do as of a day (null: the latest account, every observation). */
  ProfilePage profile(
      ClientScope scope,
      UserAccount me,
      UUID engagementId,
      UUID personId,
      Profile.Period period,
      Observations.Filter filter,
      LocalDate sayDoAsOf,
      Locale locale) {
    EngagementRef e = access.profile(scope, me, engagementId, personId);
    var person = people.find(scope, personId).orElseThrow(() -> new NotFoundException("person"));
    return tx.execute(
        s -> {
          List<Behaviour> framework = frameworkOf(scope, e.id());
          var ratings = observations.profileRatings(scope, e.id(), personId);
          long count =
              ratings.stream().map(Observations.ProfileRating::observationId).distinct().count();
          Profile p =
              new Profile(
                  e.id(),
                  personId,
                  person.name(),
                  observations.isReleased(scope, e.id(), personId),
                  (int) count,
                  period.name(),
                  Profile.lines(framework, ratings, period, locale));
          var f =
              new Observations.Filter(
                  personId,
                  filter == null ? null : filter.behaviourId(),
                  filter == null ? null : filter.dominant(),
                  null);
          var history = selfAssessments.history(scope, e.id(), personId);
          SelfAssessment self =
              selfAssessments
                  .latest(scope, e.id(), personId, history, SayDo.endOf(sayDoAsOf))
                  .orElse(null);
          SayDo sayDo =
              SayDo.of(
                  framework,
                  ratings,
                  self,
                  history,
                  sayDoAsOf,
                  nl.orgcoach.stats.SayDoGap.Settings.DEFAULT,
                  locale);
          return new ProfilePage(
              p,
              sayDo,
              views(scope, observations.list(scope, e.id(), f, PROFILE_LIMIT)),
              e.title());
        });
  }

  void release(
      ClientScope scope, UserAccount me, UUID engagementId, UUID personId, Boolean released) {
    EngagementRef e = access.observe(scope, me, engagementId);
    people.find(scope, personId).orElseThrow(() -> new NotFoundException("person"));
    if (released == null) {
      throw Input.bad("released", "profile.error.released");
    }
    tx.executeWithoutResult(
        s -> {
          if (released) {
            observations.release(scope, e.id(), personId, me.id(), now());
          } else {
            observations.revoke(scope, e.id(), personId);
          }
        });
    audit.recordAs(
        me.email(),
        released ? AuditType.PROFILE_RELEASED : AuditType.PROFILE_RELEASE_REVOKED,
        scope.clientId(),
        "engagement " + e.id() + " person " + personId);
  }

  // --- the person's own account (say–do) --------------------------------------------------------

  /** When each person of the engagement last gave their own account (for the coaches' list). */
  Map<UUID, OffsetDateTime> selfAssessed(ClientScope scope, UserAccount me, UUID engagementId) {
    EngagementRef e = access.observe(scope, me, engagementId);
    return selfAssessments.lastSubmitted(scope, e.id());
  }

  /**
   * The form of the user's own account: the engagement's active behaviours, the latest account and
   * when each earlier one was given.
   */
  record SelfAssessmentPage(
      UUID engagementId,
      String engagementTitle,
      UUID personId,
      List<Behaviour> behaviours,
      SelfAssessment latest,
      List<SelfAssessments.Submission> submissions,
      boolean profileReleased) {}

  SelfAssessmentPage selfAssessment(ClientScope scope, UserAccount me, UUID engagementId) {
    EngagementRef e = access.selfAssessment(scope, me, engagementId);
    return tx.execute(
        s -> {
          List<Behaviour> active =
              frameworkOf(scope, e.id()).stream().filter(b -> !b.retired()).toList();
          var history = selfAssessments.history(scope, e.id(), me.personId());
          return new SelfAssessmentPage(
              e.id(),
              e.title(),
              me.personId(),
              active,
              selfAssessments.latest(scope, e.id(), me.personId(), history, null).orElse(null),
              history,
              access.ownProfileReleased(scope, me, e.id()));
        });
  }

  /** The user gives their own account; kept beside the earlier ones. */
  SelfAssessment submitSelfAssessment(
      ClientScope scope, UserAccount me, UUID engagementId, SelfAssessment.Draft d) {
    EngagementRef e = access.selfAssessment(scope, me, engagementId);
    SelfAssessment a = tx.execute(s -> submitAs(scope, e.id(), me.personId(), me.id(), d, now()));
    audit.recordAs(
        me.email(),
        AuditType.SELF_ASSESSMENT_SUBMITTED,
        scope.clientId(),
        "engagement " + e.id() + " person " + me.personId());
    return a;
  }

  boolean hasSelfAssessment(ClientScope scope, UUID engagementId, UUID personId) {
    return !selfAssessments.history(scope, engagementId, personId).isEmpty();
  }

  /**
   * Without a user check: for start-up data (submittedBy null) and {@link #submitSelfAssessment}.
   */
  SelfAssessment submitAs(
      ClientScope scope,
      UUID engagementId,
      UUID personId,
      UUID submittedBy,
      SelfAssessment.Draft d,
      OffsetDateTime at) {
    SelfAssessment a =
        SelfAssessment.submit(
            UUID.randomUUID(),
            engagementId,
            personId,
            d,
            SayDo.active(frameworkOf(scope, engagementId)),
            at);
    selfAssessments.insert(scope, a, submittedBy);
    return a;
  }

  /**
   * An engagement on the person's own page: whether their profile there was released (then it can
   * be opened) and when they last gave their own account.
   */
  record MyEngagement(
      UUID engagementId, String title, boolean profileReleased, OffsetDateTime lastSelfAssessed) {}

  /** The engagements the user's person takes part in as far as observation knows. */
  List<MyEngagement> mine(ClientScope scope, UserAccount me) {
    if (me.personId() == null) {
      return List.of();
    }
    return readTx.execute(
        s -> {
          List<MyEngagement> list = new ArrayList<>();
          for (UUID id : selfAssessments.engagementsOf(scope, me.personId())) {
            engagements
                .find(scope, id)
                .ifPresent(
                    e -> {
                      var history = selfAssessments.history(scope, e.id(), me.personId());
                      list.add(
                          new MyEngagement(
                              e.id(),
                              e.title(),
                              access.ownProfileReleased(scope, me, e.id()),
                              history.isEmpty() ? null : history.get(0).submittedAt()));
                    });
          }
          list.sort(java.util.Comparator.comparing(MyEngagement::title));
          return list;
        });
  }
}
