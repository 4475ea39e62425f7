package nl.orgcoach.feedback;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import nl.orgcoach.access.AuditLog;
import nl.orgcoach.access.AuditType;
import nl.orgcoach.access.ClientId;
import nl.orgcoach.access.ClientScope;
import nl.orgcoach.access.LinkTokens;
import nl.orgcoach.access.Role;
import nl.orgcoach.access.UserAccount;
import nl.orgcoach.observation.FrameworkLookup;
import nl.orgcoach.organisation.PersonLookup;
import nl.orgcoach.platform.EmailAddresses;
import nl.orgcoach.platform.Mailer;
import nl.orgcoach.platform.NotFoundException;
import nl.orgcoach.platform.UserError;
import nl.orgcoach.platform.UserError.Problem;
import nl.orgcoach.stats.AnonymityRule;
import nl.orgcoach.stats.ReliableChange;
import nl.orgcoach.stats.SelfOtherAgreement;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Feedback rounds: starting one (behaviours, raters, invitations), the raters' answers through
 * their links, progress, reminders, closing, and the results, which come only from {@link
 * FeedbackAnonymity}. Who may see a round is decided in {@link #mayManage} alone.
 */
@Service
public class FeedbackService {

  static final int MAX_BEHAVIOURS = 6;
  static final int MAX_RATERS = 50;
  static final int MAX_TEXT = 300;
  static final int MAX_COMMENT = 1000;
  static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

  private final FeedbackRounds rounds;
  private final FeedbackAnonymity anonymity;
  private final PersonLookup people;
  private final LinkTokens links;
  private final Mailer mailer;
  private final MessageSource messages;
  private final FeedbackSettings settings;
  private final JdbcClient jdbc;
  private final FrameworkLookup framework;
  private final AuditLog audit;
  private final FeedbackReference reference;

  FeedbackService(
      FeedbackRounds rounds,
      FeedbackAnonymity anonymity,
      PersonLookup people,
      LinkTokens links,
      Mailer mailer,
      MessageSource messages,
      FeedbackSettings settings,
      JdbcClient jdbc,
      FrameworkLookup framework,
      AuditLog audit,
      FeedbackReference reference) {
    this.audit = audit;
    this.reference = reference;
    this.rounds = rounds;
    this.anonymity = anonymity;
    this.people = people;
    this.links = links;
    this.mailer = mailer;
    this.messages = messages;
    this.settings = settings;
    this.jdbc = jdbc;
    this.framework = framework;
  }

  // --- who may see what

  /**
   * A round's page, progress, reminders and results are for the person it is about, and for the
   * practice's coaches (in their clients: the scope already says so) and admins. Nobody else, and
   * never a rater.
   */
  static boolean mayManage(UserAccount user, UUID ratee) {
    return user.is(Role.ADMIN) || user.is(Role.COACH) || ratee.equals(user.personId());
  }

  /**
   * The heatmap of others' ratings by unit ({@link FeedbackHeatmap}, issue 5) is for HR and admins,
   * over every engagement of the client and all its units, and for the sponsor of an engagement
   * ({@code sponsorOfEngagement}: a person id, null when asking about HR and admins only), over
   * that engagement's framework and scope. Not for coaches, managers or employees. It holds
   * aggregates only: a person's own result is read through {@link #mayManage} alone.
   */
  static boolean mayReadHeatmap(UserAccount user, UUID sponsorOfEngagement) {
    return user.is(Role.ADMIN)
        || user.is(Role.HR)
        || (user.personId() != null && user.personId().equals(sponsorOfEngagement));
  }

  private FeedbackRounds.Round managed(ClientScope scope, UserAccount user, UUID roundId) {
    FeedbackRounds.Round round =
        rounds.find(scope, roundId).orElseThrow(() -> new NotFoundException("feedback round"));
    if (!mayManage(user, round.rateePersonId())) {
      throw new NotFoundException("feedback round");
    }
    return round;
  }

  // --- starting a round

  /**
   * A behaviour to ask about: free text, an agreement ({@code referenceId}) copied as text, or a
   * behaviour of the framework of an engagement the ratee takes part in ({@code
   * frameworkBehaviourId}; blank text: its name in the person's language).
   */
  public record NewBehaviour(String text, UUID referenceId, UUID frameworkBehaviourId) {

    public NewBehaviour(String text, UUID referenceId) {
      this(text, referenceId, null);
    }
  }

  public record NewRater(UUID personId, String email, String name, String group, String language) {}

  /**
   * A round to start. {@code ratee} null: the user's own person. {@code selfEmail} null: the
   * person's address in the org chart.
   */
  public record NewRound(
      UUID ratee,
      String closesOn,
      List<NewBehaviour> behaviours,
      List<NewRater> raters,
      String selfEmail,
      String selfLanguage) {}

  /**
   * Suggestions for a new round: raters from the org chart, the person's agreements and the
   * behaviours of the frameworks of the engagements they take part in.
   */
  public record Suggestions(
      UUID ratee,
      String rateeName,
      List<PersonLookup.Colleague> raters,
      List<Agreement> agreements,
      List<FrameworkLookup.FrameworkBehaviour> framework) {}

  public record Agreement(UUID id, String what) {}

  @Transactional(readOnly = true)
  public Suggestions suggestions(ClientScope scope, UserAccount user, UUID ratee) {
    UUID person = ratee != null ? ratee : user.personId();
    if (person == null) {
      return new Suggestions(null, null, List.of(), List.of(), List.of());
    }
    var ref = people.find(scope, person).orElseThrow(() -> new NotFoundException("person"));
    if (!mayManage(user, person)) {
      throw new NotFoundException("person");
    }
    return new Suggestions(
        person,
        ref.name(),
        people.reportingLines(scope, person, 30),
        agreements(scope, person),
        frameworkOf(scope, person));
  }

  /**
   * The person's open agreements, as behaviours to pick. Read from the engagement module's table by
   * SQL (no code dependency): a picked one is copied as text with its id as reference.
   */
  private List<Agreement> agreements(ClientScope scope, UUID person) {
    return jdbc.sql(
            """
            SELECT id, what FROM agreement
            WHERE client_id = :client AND owner_person_id = :p AND status IN ('OPEN', 'ADJUSTED')
            ORDER BY updated_at DESC FETCH FIRST 20 ROWS ONLY
            """)
        .param("client", scope.id())
        .param("p", person)
        .query(Agreement.class)
        .list();
  }

  private List<FrameworkLookup.FrameworkBehaviour> frameworkOf(ClientScope scope, UUID person) {
    return framework.forPerson(scope, person, LocalDate.now(ZONE));
  }

  @Transactional
  public UUID start(ClientScope scope, UserAccount user, NewRound draft, String baseUrl) {
    UUID ratee = draft.ratee() != null ? draft.ratee() : user.personId();
    if (ratee == null) {
      throw new UserError("feedback.error.noPerson");
    }
    var person = people.find(scope, ratee).orElseThrow(() -> new NotFoundException("person"));
    if (!mayManage(user, ratee)) {
      throw new NotFoundException("person");
    }
    List<Problem> problems = new ArrayList<>();
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    OffsetDateTime closesAt = closesAt(draft.closesOn(), now, problems);

    List<NewBehaviour> behaviours = new ArrayList<>();
    Set<String> seenTexts = new HashSet<>();
    Set<UUID> seenFramework = new HashSet<>();
    List<NewBehaviour> given = draft.behaviours() == null ? List.of() : draft.behaviours();
    Map<UUID, FrameworkLookup.FrameworkBehaviour> offered = new LinkedHashMap<>();
    if (given.stream().anyMatch(b -> b != null && b.frameworkBehaviourId() != null)) {
      frameworkOf(scope, ratee).forEach(f -> offered.putIfAbsent(f.id(), f));
    }
    String selfLanguage = language(draft.selfLanguage(), "selfLanguage", 0, problems);
    Locale selfLocale = Locale.forLanguageTag(selfLanguage);
    for (int i = 0; i < given.size(); i++) {
      NewBehaviour b = given.get(i);
      String text = b == null || b.text() == null ? "" : b.text().strip();
      UUID frameworkId = b == null ? null : b.frameworkBehaviourId();
      if (frameworkId != null) {
        FrameworkLookup.FrameworkBehaviour f = offered.get(frameworkId);
        if (f == null) {
          // Not of an engagement the person takes part in (or of another client): never stored.
          problems.add(Problem.at(i + 1, "behaviours", "feedback.error.frameworkBehaviour"));
          continue;
        }
        if (!seenFramework.add(frameworkId)) {
          problems.add(Problem.at(i + 1, "behaviours", "feedback.error.behaviourTwice"));
          continue;
        }
        if (text.isEmpty()) {
          text = f.name(selfLocale);
        }
      }
      if (text.isEmpty()) {
        continue;
      }
      if (text.length() > MAX_TEXT) {
        problems.add(
            Problem.at(i + 1, "behaviours", "feedback.error.behaviourTooLong", "" + MAX_TEXT));
      } else if (!seenTexts.add(text.toLowerCase(Locale.ROOT))) {
        problems.add(Problem.at(i + 1, "behaviours", "feedback.error.behaviourTwice"));
      } else {
        behaviours.add(new NewBehaviour(text, b.referenceId(), frameworkId));
      }
    }
    if (behaviours.isEmpty() || behaviours.size() > MAX_BEHAVIOURS) {
      problems.add(new Problem(null, "behaviours", "feedback.error.behaviourCount", List.of()));
    }

    String selfEmail =
        draft.selfEmail() != null && !draft.selfEmail().isBlank()
            ? draft.selfEmail().strip()
            : people.emailOf(scope, ratee).orElse(null);
    if (selfEmail == null || !EmailAddresses.isValid(selfEmail)) {
      problems.add(new Problem(null, "selfEmail", "feedback.error.selfEmail", List.of()));
    } else {
      selfEmail = EmailAddresses.normalise(selfEmail);
    }

    record Invitee(RaterGroup group, UUID person, String email, String name, String language) {}
    List<Invitee> invitees = new ArrayList<>();
    Set<String> emails = new HashSet<>();
    if (selfEmail != null) {
      emails.add(selfEmail);
    }
    List<NewRater> raters = draft.raters() == null ? List.of() : draft.raters();
    for (int i = 0; i < raters.size(); i++) {
      NewRater r = raters.get(i);
      int line = i + 1;
      if (r == null) {
        continue;
      }
      RaterGroup group = group(r.group());
      if (group == null || group == RaterGroup.SELF) {
        problems.add(Problem.at(line, "raters", "feedback.error.group"));
        continue;
      }
      String email = r.email() == null ? null : r.email().strip();
      String name = r.name() == null || r.name().isBlank() ? null : r.name().strip();
      if (r.personId() != null) {
        if (r.personId().equals(ratee)) {
          problems.add(Problem.at(line, "raters", "feedback.error.raterIsSelf"));
          continue;
        }
        var p = people.find(scope, r.personId());
        if (p.isEmpty()) {
          problems.add(Problem.at(line, "raters", "feedback.error.unknownPerson"));
          continue;
        }
        name = p.get().name();
        if (email == null || email.isEmpty()) {
          email = people.emailOf(scope, r.personId()).orElse(null);
        }
      }
      if (email == null || !EmailAddresses.isValid(email)) {
        problems.add(Problem.at(line, "raters", "feedback.error.raterEmail"));
        continue;
      }
      email = EmailAddresses.normalise(email);
      if (name != null && name.length() > 200) {
        name = name.substring(0, 200);
      }
      if (!emails.add(email)) {
        problems.add(Problem.at(line, "raters", "feedback.error.raterTwice", email));
        continue;
      }
      String lang = language(r.language(), "raters", line, problems);
      invitees.add(new Invitee(group, r.personId(), email, name, lang));
    }
    if (invitees.isEmpty() || invitees.size() > MAX_RATERS) {
      problems.add(
          new Problem(null, "raters", "feedback.error.raterCount", List.of("" + MAX_RATERS)));
    }
    if (!problems.isEmpty()) {
      throw new UserError("feedback.error.invalid", problems);
    }

    UUID round = UUID.randomUUID();
    rounds.insertRound(scope, round, ratee, closesAt, now);
    for (int i = 0; i < behaviours.size(); i++) {
      rounds.insertBehaviour(
          scope,
          round,
          UUID.randomUUID(),
          i + 1,
          behaviours.get(i).text(),
          behaviours.get(i).referenceId(),
          behaviours.get(i).frameworkBehaviourId());
    }
    invitees.add(0, new Invitee(RaterGroup.SELF, ratee, selfEmail, person.name(), selfLanguage));
    audit.recordAs(
        scope.actor(),
        AuditType.FEEDBACK_ROUND_STARTED,
        scope.clientId(),
        "round " + round + " person " + ratee + ", " + behaviours.size() + " behaviour(s)");
    for (Invitee inv : invitees) {
      LinkTokens.Secret secret = LinkTokens.newSecret();
      UUID raterId = UUID.randomUUID();
      rounds.insertRater(
          scope,
          round,
          raterId,
          inv.group(),
          inv.person(),
          inv.email(),
          inv.name(),
          inv.language(),
          secret.hash(),
          now);
      invite(
          inv.email(),
          inv.language(),
          inv.group(),
          person.name(),
          behaviours.size(),
          closesAt,
          baseUrl,
          secret.value(),
          false);
      audit.recordAs(
          scope.actor(),
          AuditType.FEEDBACK_RATER_INVITED,
          scope.clientId(),
          "round " + round + " rater " + raterId + " (" + inv.group() + ")");
    }
    return round;
  }

  private OffsetDateTime closesAt(String closesOn, OffsetDateTime now, List<Problem> problems) {
    LocalDate today = now.atZoneSameInstant(ZONE).toLocalDate();
    LocalDate date;
    try {
      date = LocalDate.parse(closesOn == null ? "" : closesOn.strip());
    } catch (DateTimeParseException e) {
      problems.add(new Problem(null, "closesOn", "feedback.error.closesOn", List.of()));
      return null;
    }
    if (!date.isAfter(today) || date.isAfter(today.plusDays(settings.maxOpenDays()))) {
      problems.add(
          new Problem(
              null,
              "closesOn",
              "feedback.error.closesOnRange",
              List.of("" + settings.maxOpenDays())));
      return null;
    }
    // Open through the whole close date, Dutch time.
    return date.plusDays(1)
        .atStartOfDay(ZONE)
        .toOffsetDateTime()
        .withOffsetSameInstant(ZoneOffset.UTC);
  }

  private static RaterGroup group(String s) {
    if (s == null) {
      return null;
    }
    try {
      return RaterGroup.valueOf(s.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String language(String s, String field, int line, List<Problem> problems) {
    if (s == null || s.isBlank()) {
      return "nl";
    }
    String l = s.strip().toLowerCase(Locale.ROOT);
    if (!l.equals("nl") && !l.equals("en")) {
      problems.add(
          new Problem(line == 0 ? null : line, field, "feedback.error.language", List.of()));
      return "nl";
    }
    return l;
  }

  private void invite(
      String email,
      String language,
      RaterGroup group,
      String rateeName,
      int behaviours,
      OffsetDateTime closesAt,
      String baseUrl,
      String secret,
      boolean reminder) {
    Locale locale = Locale.forLanguageTag(language);
    String base =
        settings.publicUrl() == null || settings.publicUrl().isBlank()
            ? baseUrl
            : settings.publicUrl().replaceAll("/+$", "");
    String link = base + "/f/" + secret + "?lang=" + language;
    String closes =
        closesAt
            .minusSeconds(1)
            .atZoneSameInstant(ZONE)
            .toLocalDate()
            .format(DateTimeFormatter.ISO_LOCAL_DATE);
    String kind = group == RaterGroup.SELF ? "self" : "rater";
    String subject =
        messages.getMessage(
            "feedback.mail." + kind + ".subject" + (reminder ? ".reminder" : ""),
            new Object[] {rateeName},
            locale);
    String body =
        messages.getMessage(
            "feedback.mail." + kind + ".body",
            new Object[] {rateeName, behaviours, link, closes},
            locale);
    mailer.send(new Mailer.Mail(email, subject, body));
  }

  // --- the rater's link

  /** One behaviour on the answer form, with what the rater answered before (if anything). */
  public record Item(UUID behaviourId, int position, String text, String choice, String comment) {}

  /** The answer form of a rater link. */
  public record AnswerPage(
      String rateeName,
      RaterGroup group,
      String closesOn,
      List<Item> items,
      boolean named,
      boolean answered) {}

  @Transactional(readOnly = true)
  public Optional<AnswerPage> page(String token) {
    return rounds
        .resolve(LinkTokens.hashOf(token), OffsetDateTime.now(ZoneOffset.UTC))
        .map(this::page);
  }

  /** The form of a resolved link: two queries (the link, then its behaviours with answers). */
  private AnswerPage page(FeedbackRounds.Resolved resolved) {
    ClientScope scope = links.scopeOf(resolved.client(), "feedback");
    List<Item> items = new ArrayList<>();
    for (var b : rounds.form(scope, resolved.roundId(), resolved.raterId())) {
      String choice = !b.answered() ? null : b.rating() == null ? NOT_SEEN : b.rating().toString();
      items.add(new Item(b.behaviourId(), b.position(), b.text(), choice, b.comment()));
    }
    String closes =
        resolved.closesAt().minusSeconds(1).atZoneSameInstant(ZONE).toLocalDate().toString();
    return new AnswerPage(
        resolved.rateeName(),
        resolved.raterGroup(),
        closes,
        items,
        resolved.named(),
        resolved.answeredAt() != null);
  }

  /** The choice that means "not seen" on the form and in the API. */
  public static final String NOT_SEEN = "0";

  /** One behaviour's answer as given: choice "1".."5" or {@link #NOT_SEEN}, optional comment. */
  public record Answer(int position, String choice, String comment) {}

  /** A validated answer, as stored. */
  record Given(UUID behaviourId, Integer rating, String comment) {}

  /**
   * Saves a rater's answers, replacing earlier ones. Empty when the link does not open (unknown,
   * forged, or the round closed); UserError for bad input, and then nothing changes.
   */
  @Transactional
  public boolean answer(String token, List<Answer> answers, boolean named) {
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    var resolved = rounds.resolve(LinkTokens.hashOf(token), now);
    if (resolved.isEmpty()) {
      return false;
    }
    ClientScope scope = links.scopeOf(resolved.get().client(), "feedback");
    Map<Integer, Answer> byPosition = new LinkedHashMap<>();
    for (Answer a : answers) {
      byPosition.put(a.position(), a);
    }
    List<Problem> problems = new ArrayList<>();
    List<Given> given = new ArrayList<>();
    for (var b : rounds.behaviours(scope, resolved.get().roundId())) {
      Answer a = byPosition.get(b.position());
      String field = "b" + b.position();
      String choice = a == null || a.choice() == null ? "" : a.choice().strip();
      Integer rating = null;
      if (!choice.equals(NOT_SEEN)) {
        try {
          rating = Integer.valueOf(choice);
        } catch (NumberFormatException e) {
          rating = -1;
        }
        if (rating < 1 || rating > 5) {
          problems.add(
              new Problem(
                  null,
                  field,
                  choice.isEmpty() ? "feedback.error.choose" : "feedback.error.rating",
                  List.of()));
          continue;
        }
      }
      String comment =
          a == null || a.comment() == null || a.comment().isBlank() ? null : a.comment().strip();
      if (comment != null && comment.length() > MAX_COMMENT) {
        problems.add(new Problem(null, field, "feedback.error.comment", List.of("" + MAX_COMMENT)));
        continue;
      }
      given.add(new Given(b.id(), rating, comment));
    }
    if (!problems.isEmpty()) {
      throw new UserError("feedback.error.invalid", problems);
    }
    return rounds.saveAnswers(
        scope,
        resolved.get().raterId(),
        given,
        named && resolved.get().raterGroup() == RaterGroup.MANAGER,
        now);
  }

  // --- the round's own pages

  public record GroupCount(RaterGroup group, int invited, int answered) {}

  public record Invited(RaterGroup group, String name, String email) {}

  public record BehaviourRef(
      int position, String text, UUID referenceId, UUID frameworkBehaviourId) {}

  /**
   * A round as the person and their coach see it. {@code progress} counts answers per group (never
   * who); {@code invited} says who was asked, not who answered.
   */
  public record RoundView(
      UUID id,
      UUID rateePersonId,
      String rateeName,
      OffsetDateTime closesAt,
      boolean closed,
      boolean selfAnswered,
      List<BehaviourRef> behaviours,
      List<GroupCount> progress,
      List<Invited> invited) {}

  public record RoundSummary(UUID id, String rateeName, OffsetDateTime closesAt, boolean closed) {}

  @Transactional(readOnly = true)
  public List<RoundSummary> list(ClientScope scope, UserAccount user) {
    boolean everyone = user.is(Role.ADMIN) || user.is(Role.COACH);
    if (!everyone && user.personId() == null) {
      return List.of();
    }
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    return rounds.list(scope, everyone ? null : user.personId(), 200).stream()
        .map(r -> new RoundSummary(r.id(), r.rateeName(), r.closesAt(), r.closedAt(now)))
        .toList();
  }

  @Transactional(readOnly = true)
  public RoundView view(ClientScope scope, UserAccount user, UUID roundId) {
    FeedbackRounds.Round round = managed(scope, user, roundId);
    List<FeedbackRounds.Rater> raters = rounds.raters(scope, roundId);
    Map<RaterGroup, int[]> counts = new EnumMap<>(RaterGroup.class);
    boolean selfAnswered = false;
    List<Invited> invited = new ArrayList<>();
    for (var r : raters) {
      if (r.raterGroup() == RaterGroup.SELF) {
        selfAnswered = r.answeredAt() != null;
        continue;
      }
      int[] c = counts.computeIfAbsent(r.raterGroup(), g -> new int[2]);
      c[0]++;
      if (r.answeredAt() != null) {
        c[1]++;
      }
      invited.add(new Invited(r.raterGroup(), r.name(), r.email()));
    }
    List<GroupCount> progress = new ArrayList<>();
    counts.forEach((g, c) -> progress.add(new GroupCount(g, c[0], c[1])));
    List<BehaviourRef> behaviours =
        rounds.behaviours(scope, roundId).stream()
            .map(
                b ->
                    new BehaviourRef(
                        b.position(), b.text(), b.referenceId(), b.frameworkBehaviourId()))
            .toList();
    return new RoundView(
        round.id(),
        round.rateePersonId(),
        round.rateeName(),
        round.closesAt(),
        round.closedAt(OffsetDateTime.now(ZoneOffset.UTC)),
        selfAnswered,
        behaviours,
        progress,
        invited);
  }

  /** Sends a reminder with a fresh link to every rater who has not answered; answers how many. */
  @Transactional
  public int remind(ClientScope scope, UserAccount user, UUID roundId, String baseUrl) {
    FeedbackRounds.Round round = managed(scope, user, roundId);
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    if (round.closedAt(now)) {
      throw new UserError("feedback.error.closed");
    }
    int behaviours = rounds.behaviours(scope, roundId).size();
    int sent = 0;
    for (var r : rounds.raters(scope, roundId)) {
      if (r.answeredAt() == null
          && remind(
              scope,
              round,
              behaviours,
              r,
              baseUrl,
              hash -> rounds.renewToken(scope, r.id(), hash, now))) {
        sent++;
      }
    }
    return sent;
  }

  /**
   * A scheduled reminder to one rater (see {@link FeedbackSchedule}): sent only when the claim, one
   * conditional update, wins, so that a rater gets it once however many nodes run the schedule. The
   * mail leaves after the commit.
   */
  @Transactional
  boolean remindScheduled(
      ClientId client,
      UUID roundId,
      UUID raterId,
      OffsetDateTime windowStart,
      OffsetDateTime now,
      String baseUrl) {
    ClientScope scope = links.scopeOf(client, "feedback-schedule");
    var round = rounds.find(scope, roundId);
    var rater = rounds.rater(scope, raterId);
    if (round.isEmpty() || rater.isEmpty() || round.get().closedAt(now)) {
      return false;
    }
    return remind(
        scope,
        round.get(),
        rounds.behaviours(scope, roundId).size(),
        rater.get(),
        baseUrl,
        hash ->
            rounds.claimReminder(scope, raterId, hash, now, windowStart, settings.maxReminders()));
  }

  /** Renews a rater's link through {@code claim} and, when that wins, mails it as a reminder. */
  private boolean remind(
      ClientScope scope,
      FeedbackRounds.Round round,
      int behaviours,
      FeedbackRounds.Rater rater,
      String baseUrl,
      Predicate<String> claim) {
    LinkTokens.Secret secret = LinkTokens.newSecret();
    if (!claim.test(secret.hash())) {
      return false;
    }
    invite(
        rater.email(),
        rater.language(),
        rater.raterGroup(),
        round.rateeName(),
        behaviours,
        round.closesAt(),
        baseUrl,
        secret.value(),
        true);
    audit.recordAs(
        scope.actor(),
        AuditType.FEEDBACK_RATER_REMINDED,
        scope.clientId(),
        "round " + round.id() + " rater " + rater.id() + " (" + rater.raterGroup() + ")");
    return true;
  }

  /**
   * Closes a round whose close date passed (the scheduler); answers whether this call closed it.
   */
  @Transactional
  boolean closeScheduled(ClientId client, UUID roundId, OffsetDateTime now) {
    ClientScope scope = links.scopeOf(client, "feedback-schedule");
    if (!rounds.closeAtItsDate(scope, roundId, now)) {
      return false;
    }
    audit.recordAs(
        scope.actor(),
        AuditType.FEEDBACK_ROUND_CLOSED,
        scope.clientId(),
        "round " + roundId + " at its close date");
    return true;
  }

  @Transactional
  public void close(ClientScope scope, UserAccount user, UUID roundId) {
    managed(scope, user, roundId);
    if (!rounds.close(scope, roundId, OffsetDateTime.now(ZoneOffset.UTC))) {
      throw new UserError("feedback.error.closed");
    }
    audit.recordAs(
        scope.actor(), AuditType.FEEDBACK_ROUND_CLOSED, scope.clientId(), "round " + roundId);
  }

  // --- results

  /** One earlier or current round of the same behaviour: self and all others, when shown. */
  public record TrendPoint(
      UUID roundId, OffsetDateTime closedAt, Integer self, Double othersMean, Integer othersN) {}

  /**
   * The behaviour across the person's rounds (same text), oldest first, and the reliable change of
   * "all others" from the previous round where both were shown (null when there is none).
   */
  public record Trend(List<TrendPoint> points, ReliableChange.Change change) {}

  /**
   * The self–other agreement category of one behaviour: self minus the mean of all others (D),
   * placed against the norm of {@link SelfOtherSettings}. Only when the person rated themself and
   * "all others" is shown; {@code category} null with {@code reason} when the norm is too small.
   */
  @com.fasterxml.jackson.annotation.JsonInclude(
      com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
  public record SelfOther(SelfOtherAgreement.Category category, double difference, String reason) {}

  /**
   * The settings of the self–other agreement category, printed beside it (METHODS §1): the centre
   * and m, the norm it is placed against (n, mean D, SD(D), mean of others), the band that follows,
   * and where the norm comes from ({@link FeedbackReference}): {@code source} CLIENT (the client's
   * own closed rounds: {@code normSize} ratee × behaviour pairs of {@code sampleSize} ratees,
   * rounds closed up to {@code through}) or PLACEHOLDER (the configured norm; {@code placeholder}
   * true, {@code sampleSize} the ratees the client has of the {@code minimumSampleSize} needed).
   * They are the client's published version: {@code through} the last day whose closed rounds
   * count, {@code publishedAt} when it was computed (null, with a {@code sampleSize} of 0: nothing
   * published yet). {@code basis} says the same in a sentence.
   */
  public record SelfOtherSettings(
      SelfOtherAgreement.Centre centre,
      double m,
      int normSize,
      double normMeanDifference,
      double normSdDifference,
      double normMeanOthers,
      double centreValue,
      double lower,
      double upper,
      boolean placeholder,
      String describe,
      String source,
      int sampleSize,
      int minimumSampleSize,
      LocalDate through,
      OffsetDateTime publishedAt,
      String basis) {}

  /**
   * The reference reliable change used (METHODS §3): s₁, r, the minimum reliable change that
   * follows, and where they come from ({@link FeedbackReference}): {@code source} CLIENT (s₁ the SD
   * of the others' means over {@code groups} ratee × behaviour groups of {@code sampleSize} ratees'
   * first closed rounds, r their ICC(2); {@code k0} and {@code icc1} of the same one-way ANOVA) or
   * PLACEHOLDER (the configured values; {@code placeholder} true), of the client's published
   * version ({@code through}, {@code publishedAt} as in {@link SelfOtherSettings}). {@code basis}
   * says it in a sentence.
   */
  public record ChangeSettings(
      double sd,
      double reliability,
      double minimumReliableChange,
      boolean placeholder,
      String source,
      int sampleSize,
      int minimumSampleSize,
      LocalDate through,
      Integer groups,
      Double k0,
      Double icc1,
      OffsetDateTime publishedAt,
      String basis) {

    public boolean fromClient() {
      return FeedbackReference.Source.CLIENT.name().equals(source);
    }

    /** The day of {@code publishedAt} in Dutch time (for the page), null when none. */
    public LocalDate publishedOn() {
      return publishedAt == null ? null : publishedAt.atZoneSameInstant(ZONE).toLocalDate();
    }

    /** Whether the client had enough ratees but they gave no usable estimate. */
    public boolean unusable() {
      return !fromClient() && publishedAt != null && sampleSize >= minimumSampleSize;
    }
  }

  public record BehaviourResults(
      int position,
      String text,
      FeedbackAnonymity.BehaviourResult result,
      Trend trend,
      SelfOther selfOther) {}

  /**
   * The results of a round; everything in them comes from {@link FeedbackAnonymity}. While the
   * round is open, {@code closed} is false and there are none. {@code changeReference} states the
   * reference that reliable change used ({@code change} the same as numbers); {@code selfOther} the
   * settings of the self–other agreement category.
   */
  public record Results(
      UUID roundId,
      String rateeName,
      boolean closed,
      int threshold,
      String changeReference,
      ChangeSettings change,
      SelfOtherSettings selfOther,
      List<BehaviourResults> behaviours) {}

  private static ChangeSettings changeSettings(
      FeedbackReference.Change c, OffsetDateTime publishedAt) {
    var reference = c.reference();
    return new ChangeSettings(
        reference.sd(),
        reference.reliability(),
        reference.minimumReliableChange(),
        c.source() == FeedbackReference.Source.PLACEHOLDER,
        c.source().name(),
        c.sampleSize(),
        c.minimumSampleSize(),
        c.through(),
        c.groups(),
        c.k0(),
        c.icc1(),
        publishedAt,
        basis(c.source(), c.sampleSize(), c.minimumSampleSize(), c.through(), publishedAt)
            + (c.source() == FeedbackReference.Source.CLIENT
                ? String.format(
                    Locale.ROOT,
                    "; s1 = SD of the others' means over %d ratee x behaviour groups of each"
                        + " ratee's first closed round, r = their ICC(2) = (MSB - MSW)/MSB"
                        + " (one-way ANOVA; unbalanced groups: k0 = %.2f, which ICC(2) does not"
                        + " use)",
                    c.groups(),
                    c.k0())
                : ""));
  }

  private SelfOtherSettings selfOtherSettings(
      FeedbackReference.Norm n, OffsetDateTime publishedAt) {
    var soa = soaSettings();
    var norm = n.sample();
    double centre = soa.centre() == SelfOtherAgreement.Centre.ZERO ? 0.0 : norm.meanDifference();
    double half = soa.m() * norm.sdDifference();
    return new SelfOtherSettings(
        soa.centre(),
        soa.m(),
        norm.size(),
        norm.meanDifference(),
        norm.sdDifference(),
        norm.meanOthers(),
        centre,
        centre - half,
        centre + half,
        n.source() == FeedbackReference.Source.PLACEHOLDER,
        soa.describe(),
        n.source().name(),
        n.sampleSize(),
        n.minimumSampleSize(),
        n.through(),
        publishedAt,
        basis(n.source(), n.sampleSize(), n.minimumSampleSize(), n.through(), publishedAt));
  }

  /** {@link FeedbackReference#basis}, or that nothing was published for the client yet. */
  private static String basis(
      FeedbackReference.Source source,
      int sampleSize,
      int minimum,
      LocalDate through,
      OffsetDateTime publishedAt) {
    if (publishedAt == null) {
      return "placeholder (no reference of this client published yet)";
    }
    return FeedbackReference.basis(source, sampleSize, minimum, through)
        + "; published "
        + publishedAt.atZoneSameInstant(ZONE).toLocalDate();
  }

  private SelfOtherAgreement.Settings soaSettings() {
    return SelfOtherAgreement.Settings.standard()
        .withCentre(settings.soaCentre())
        .withM(settings.soaM());
  }

  /** Null unless the person rated themself and "all others" may be shown. */
  private SelfOther selfOther(
      FeedbackAnonymity.BehaviourResult result, SelfOtherAgreement.ReferenceSample norm) {
    if (result.self() == null || result.allOthers() == null || !result.allOthers().shown()) {
      return null;
    }
    var ratings = new SelfOtherAgreement.Ratings("self", result.self(), result.allOthers().mean());
    var outcome = SelfOtherAgreement.placeOne(List.of(ratings), norm, soaSettings());
    if (outcome instanceof SelfOtherAgreement.Categorised c) {
      return new SelfOther(
          c.placements().get(0).category(), c.placements().get(0).difference(), null);
    }
    return new SelfOther(
        null, ratings.difference(), ((SelfOtherAgreement.NotEnoughData) outcome).reason());
  }

  @Transactional(readOnly = true)
  public Results results(ClientScope scope, UserAccount user, UUID roundId) {
    FeedbackRounds.Round round = managed(scope, user, roundId);
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    FeedbackReference.Reference client = this.reference.of(scope);
    ReliableChange.Reference reference = client.change().reference();
    ChangeSettings change = changeSettings(client.change(), client.publishedAt());
    SelfOtherSettings selfOther = selfOtherSettings(client.norm(), client.publishedAt());
    String describe =
        String.format(
            Locale.ROOT,
            "Jacobson & Truax: s1 = %.2f, r = %.2f, minimum reliable change %.2f (|RC| > 1.96); %s",
            reference.sd(),
            reference.reliability(),
            reference.minimumReliableChange(),
            change.basis());
    if (!round.closedAt(now)) {
      return new Results(
          round.id(),
          round.rateeName(),
          false,
          anonymity.threshold(),
          describe,
          change,
          selfOther,
          List.of());
    }
    if (!round.rateePersonId().equals(user.personId())) {
      audit.recordAs(
          scope.actor(),
          AuditType.FEEDBACK_RESULTS_VIEWED,
          scope.clientId(),
          "round " + round.id() + " person " + round.rateePersonId());
    }
    // Every closed round of the person up to this one, oldest first: each is decided against the
    // groups the earlier ones showed for the same behaviour, so that no pair of rounds reveals a
    // small group.
    List<FeedbackRounds.Round> history =
        new ArrayList<>(
            rounds.list(scope, round.rateePersonId(), 200).stream()
                .filter(r -> r.closedAt(now) && !r.createdAt().isAfter(round.createdAt()))
                .toList());
    java.util.Collections.reverse(history);
    Map<String, List<AnonymityRule.Group<String>>> visible = new LinkedHashMap<>();
    Map<String, List<TrendPoint>> points = new LinkedHashMap<>();
    List<BehaviourResults> behaviours = new ArrayList<>();
    for (FeedbackRounds.Round r : history) {
      Map<UUID, List<FeedbackAnonymity.Answer>> byBehaviour = new LinkedHashMap<>();
      for (var a : rounds.answers(scope, r.id())) {
        String respondent = a.personId() != null ? a.personId().toString() : a.email();
        byBehaviour
            .computeIfAbsent(a.behaviourId(), k -> new ArrayList<>())
            .add(
                new FeedbackAnonymity.Answer(
                    respondent, a.raterGroup(), a.named(), a.rating(), a.comment()));
      }
      for (var b : rounds.behaviours(scope, r.id())) {
        String key = b.text().strip().toLowerCase(Locale.ROOT);
        var decided =
            anonymity.decide(
                byBehaviour.getOrDefault(b.id(), List.of()), visible.getOrDefault(key, List.of()));
        visible.put(key, decided.visible());
        var others = decided.result().allOthers();
        List<TrendPoint> series = points.computeIfAbsent(key, k -> new ArrayList<>());
        series.add(
            new TrendPoint(
                r.id(),
                r.closedAt() != null ? r.closedAt() : r.closesAt(),
                decided.result().self(),
                others.shown() ? others.mean() : null,
                others.shown() ? others.n() : null));
        if (r.id().equals(round.id())) {
          behaviours.add(
              new BehaviourResults(
                  b.position(),
                  b.text(),
                  decided.result(),
                  new Trend(List.copyOf(series), change(series, reference)),
                  selfOther(decided.result(), client.norm().sample())));
        }
      }
    }
    return new Results(
        round.id(),
        round.rateeName(),
        true,
        anonymity.threshold(),
        describe,
        change,
        selfOther,
        behaviours);
  }

  /** Reliable change of "all others" from the latest earlier round where it was shown. */
  private static ReliableChange.Change change(
      List<TrendPoint> series, ReliableChange.Reference reference) {
    TrendPoint now = series.get(series.size() - 1);
    if (now.othersMean() == null) {
      return null;
    }
    for (int i = series.size() - 2; i >= 0; i--) {
      if (series.get(i).othersMean() != null) {
        return ReliableChange.between(series.get(i).othersMean(), now.othersMean(), reference);
      }
    }
    return null;
  }
}
