package nl.orgcoach.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.orgcoach.access.AccessAdministration;
import nl.orgcoach.access.ApiTokens;
import nl.orgcoach.access.Role;
import nl.orgcoach.access.UserAccount;
import nl.orgcoach.support.IntegrationTest;
import nl.orgcoach.support.TenantFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Tenant isolation, exhaustively: every endpoint of the running application (UI and API, taken from
 * its {@link RequestMappingHandlerMapping}, so a new endpoint cannot escape) × every role × own
 * client, foreign client, and own client with another client's object ids. The expected outcome
 * comes from {@link #POLICY}; an endpoint missing from it fails the test, so whoever adds an
 * endpoint has to decide here who may use it.
 *
 * <p>Allowed: not 401/403/404 and no server error (a write with an empty body may answer 4xx for
 * bad input). Not allowed: 403 or 404. Foreign or mixed: 404 (or 403) and nothing of B's data in
 * the body. The admin is practice-wide: B is not foreign to them, a client that does not exist is.
 */
@IntegrationTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantIsolationMatrixTest {

  // ---------------------------------------------------------------------------------------------
  // The policy: who may use which endpoint. Keep it in step with the controllers.

  static final Set<Role> ALL = EnumSet.allOf(Role.class);
  static final Set<Role> STRUCTURE_WRITERS = EnumSet.of(Role.ADMIN, Role.COACH, Role.HR);
  static final Set<Role> IMPORTERS = EnumSet.of(Role.ADMIN, Role.HR);
  static final Set<Role> COACHES = EnumSet.of(Role.ADMIN, Role.COACH);

  enum Access {
    /** Anyone, signed in or not. */
    PUBLIC,
    /**
     * The error page: anyone; requested directly (without an error) it says "unexpected error" with
     * status 500, which is fine as long as it is not refused and shows nothing of another client.
     */
    ERROR_PAGE,
    /** Every signed-in user; no client in the path. */
    USER,
    /** Practice admins only ({@code /admin/**}). */
    ADMIN,
    /** Users who may enter the {@code {clientId}} in the path, restricted to some roles. */
    CLIENT
  }

  record Policy(Access access, Set<Role> roles) {}

  static final Map<String, Policy> POLICY = new TreeMap<>();

  static void pub(String... keys) {
    for (String k : keys) POLICY.put(k, new Policy(Access.PUBLIC, ALL));
  }

  static void user(String... keys) {
    for (String k : keys) POLICY.put(k, new Policy(Access.USER, ALL));
  }

  static void admin(String... keys) {
    for (String k : keys) POLICY.put(k, new Policy(Access.ADMIN, EnumSet.of(Role.ADMIN)));
  }

  static void client(Set<Role> roles, String... keys) {
    for (String k : keys) POLICY.put(k, new Policy(Access.CLIENT, roles));
  }

  static {
    // platform and access
    pub("GET /login");
    POLICY.put("GET /error", new Policy(Access.ERROR_PAGE, ALL));
    pub(
        "GET /v3/api-docs",
        "GET /v3/api-docs.yaml",
        "GET /v3/api-docs/swagger-config",
        "GET /swagger-ui.html");
    user(
        "GET /",
        "GET /account",
        "POST /account",
        "POST /account/password",
        "GET /account/tokens",
        "POST /account/tokens",
        "POST /account/tokens/{id}/revoke");
    // who am I, which clients may I enter: answered for the token's user (a token names one client)
    user("GET /api/v1/me", "GET /api/v1/clients");
    client(ALL, "GET /api/v1/clients/{clientId}");

    // the client system in the UI: every role of the client reads, admin/coach/HR write
    client(
        ALL,
        "GET /c/{clientId}",
        "GET /c/{clientId}/org",
        "GET /c/{clientId}/org/units/{unitId}/children",
        "GET /c/{clientId}/units/{unitId}",
        "GET /c/{clientId}/people",
        "GET /c/{clientId}/people/{personId}",
        "GET /c/{clientId}/settings",
        "GET /c/{clientId}/settings/{settingId}",
        "GET /c/{clientId}/interdependencies",
        "GET /c/{clientId}/interdependencies/graph");
    client(
        STRUCTURE_WRITERS,
        "GET /c/{clientId}/units/{unitId}/edit",
        "POST /c/{clientId}/units/{unitId}/edit",
        "GET /c/{clientId}/units/new",
        "POST /c/{clientId}/units/new",
        "GET /c/{clientId}/people/{personId}/edit",
        "POST /c/{clientId}/people/{personId}/edit",
        "GET /c/{clientId}/people/new",
        "POST /c/{clientId}/people/new",
        "GET /c/{clientId}/settings/{settingId}/edit",
        "POST /c/{clientId}/settings/{settingId}/edit",
        "GET /c/{clientId}/settings/new",
        "POST /c/{clientId}/settings/new",
        "POST /c/{clientId}/interdependencies",
        "POST /c/{clientId}/interdependencies/{interdependencyId}/delete");

    // the client system in the API
    client(
        ALL,
        "GET /api/v1/clients/{clientId}/units",
        "GET /api/v1/clients/{clientId}/units/{unitId}",
        "GET /api/v1/clients/{clientId}/people",
        "GET /api/v1/clients/{clientId}/people/{personId}",
        "GET /api/v1/clients/{clientId}/settings",
        "GET /api/v1/clients/{clientId}/settings/{settingId}",
        "GET /api/v1/clients/{clientId}/interdependencies",
        "GET /api/v1/clients/{clientId}/interdependencies/{interdependencyId}");
    client(
        STRUCTURE_WRITERS,
        "POST /api/v1/clients/{clientId}/units",
        "PUT /api/v1/clients/{clientId}/units/{unitId}",
        "POST /api/v1/clients/{clientId}/people",
        "PUT /api/v1/clients/{clientId}/people/{personId}",
        "POST /api/v1/clients/{clientId}/settings",
        "PUT /api/v1/clients/{clientId}/settings/{settingId}",
        "POST /api/v1/clients/{clientId}/interdependencies",
        "PUT /api/v1/clients/{clientId}/interdependencies/{interdependencyId}",
        "DELETE /api/v1/clients/{clientId}/interdependencies/{interdependencyId}");

    // import
    client(
        IMPORTERS,
        "GET /c/{clientId}/import",
        "POST /c/{clientId}/import",
        "GET /c/{clientId}/import/jobs/{jobId}",
        "GET /c/{clientId}/import/template/{kind}",
        "POST /api/v1/clients/{clientId}/imports/{kind}");

    // engagements and questions: every role of the client sees engagements and puts questions (a
    // coach only in the engagements they coach: EngagementAccess); opening, decisions, the inbox
    // and
    // triage are for coaches and admins
    client(
        ALL,
        "GET /c/{clientId}/engagements",
        "GET /c/{clientId}/engagements/{engagementId}",
        "POST /c/{clientId}/engagements/{engagementId}/questions",
        "GET /api/v1/clients/{clientId}/engagements",
        "GET /api/v1/clients/{clientId}/engagements/{engagementId}",
        "POST /api/v1/clients/{clientId}/engagements/{engagementId}/questions");
    client(
        COACHES,
        "GET /c/{clientId}/engagements/new",
        "POST /c/{clientId}/engagements/new",
        "POST /c/{clientId}/engagements/{engagementId}/decisions",
        "GET /c/{clientId}/engagements/{engagementId}/inbox",
        "POST /c/{clientId}/engagements/{engagementId}/questions/{questionId}/triage",
        "POST /api/v1/clients/{clientId}/engagements",
        "POST /api/v1/clients/{clientId}/engagements/{engagementId}/decisions",
        "GET /api/v1/clients/{clientId}/engagements/{engagementId}/questions",
        "GET /api/v1/clients/{clientId}/engagements/{engagementId}/questions/{questionId}",
        "POST /api/v1/clients/{clientId}/engagements/{engagementId}/questions/{questionId}/triage");

    // interventions, agreements and notes: every role of the client sees an intervention (its
    // notes only through NoteAccess, see NoteConfidentialityMatrixTest) and its own home page;
    // recording is for coaches and admins; sharing notes and setting an agreement's status are for
    // the coachee who owns it alone, and no user of the fixture is linked to a person
    client(
        ALL,
        "GET /c/{clientId}/engagements/{engagementId}/interventions/{interventionId}",
        "GET /c/{clientId}/my",
        "GET /api/v1/clients/{clientId}/engagements/{engagementId}/interventions",
        "GET /api/v1/clients/{clientId}/engagements/{engagementId}/interventions/{interventionId}",
        "GET /api/v1/clients/{clientId}/my");
    client(
        COACHES,
        "GET /c/{clientId}/engagements/{engagementId}/interventions/new",
        "POST /c/{clientId}/engagements/{engagementId}/interventions/new",
        "POST /api/v1/clients/{clientId}/engagements/{engagementId}/interventions");
    client(
        EnumSet.noneOf(Role.class),
        "POST /c/{clientId}/engagements/{engagementId}/interventions/{interventionId}/share",
        "POST /api/v1/clients/{clientId}/engagements/{engagementId}/interventions/{interventionId}/note-shares",
        "POST /c/{clientId}/agreements/{agreementId}/status",
        "PUT /api/v1/clients/{clientId}/agreements/{agreementId}/status");

    // question intake links and reactions: the public pages answer whoever holds a link's secret,
    // and only with that link's client (checked below with A's secrets against B's marker, and
    // with an unknown secret); links and reaction summaries are for coaches and admins; the own
    // reaction list is everyone's (empty without a person); reacting is for participant persons,
    // and no user of the fixture is linked to a person
    pub(
        "GET /intake/{token}",
        "POST /intake/{token}",
        "GET /intake/{token}/thanks",
        "GET /reaction/{token}",
        "POST /reaction/{token}");
    client(
        COACHES,
        "GET /c/{clientId}/engagements/{engagementId}/intake-links",
        "POST /c/{clientId}/engagements/{engagementId}/intake-links",
        "POST /c/{clientId}/engagements/{engagementId}/intake-links/{linkId}/revoke",
        "GET /c/{clientId}/engagements/{engagementId}/interventions/{interventionId}/reactions",
        "POST /c/{clientId}/engagements/{engagementId}/interventions/{interventionId}/reaction-link",
        "GET /api/v1/clients/{clientId}/engagements/{engagementId}/intake-links",
        "POST /api/v1/clients/{clientId}/engagements/{engagementId}/intake-links",
        "POST /api/v1/clients/{clientId}/engagements/{engagementId}/intake-links/{linkId}/revoke",
        "GET /api/v1/clients/{clientId}/engagements/{engagementId}/interventions/{interventionId}/reactions");
    client(ALL, "GET /c/{clientId}/my/reactions", "GET /api/v1/clients/{clientId}/my/reactions");
    client(
        EnumSet.noneOf(Role.class),
        "POST /c/{clientId}/interventions/{interventionId}/reaction",
        "PUT /api/v1/clients/{clientId}/interventions/{interventionId}/reaction");
    // the trail of an engagement (whoever sees the engagement: the whole trail or their own part,
    // EngagementAccess.seesWholeTrail) and an intervention in a calendar (whoever sees it)
    client(
        ALL,
        "GET /c/{clientId}/engagements/{engagementId}/trail",
        "GET /c/{clientId}/engagements/{engagementId}/trail/graph",
        "GET /c/{clientId}/engagements/{engagementId}/trail.csv",
        "GET /c/{clientId}/interventions/{interventionId}.ics",
        "GET /api/v1/clients/{clientId}/engagements/{engagementId}/trail");
    // one question's page: whoever sees the whole trail, and its owner or whoever put it (no user
    // of the fixture is either)
    client(
        EnumSet.of(Role.ADMIN, Role.COACH, Role.HR),
        "GET /c/{clientId}/engagements/{engagementId}/questions/{questionId}");

    // feedback rounds: everyone lists their own rounds and may start one for their own person (no
    // user of the fixture is linked to a person, so starting answers 422); a round's page,
    // progress, reminders, closing and results are for the person and for coaches and admins; the
    // rater link answers whoever holds its secret, with that round only
    client(
        ALL,
        "GET /c/{clientId}/feedback",
        "GET /c/{clientId}/feedback/new",
        "POST /c/{clientId}/feedback/new",
        "GET /api/v1/clients/{clientId}/feedback/rounds",
        "GET /api/v1/clients/{clientId}/feedback/rounds/suggestions",
        "POST /api/v1/clients/{clientId}/feedback/rounds");
    client(
        COACHES,
        "GET /c/{clientId}/feedback/rounds/{roundId}",
        "POST /c/{clientId}/feedback/rounds/{roundId}/remind",
        "POST /c/{clientId}/feedback/rounds/{roundId}/close",
        "GET /api/v1/clients/{clientId}/feedback/rounds/{roundId}",
        "GET /api/v1/clients/{clientId}/feedback/rounds/{roundId}/results",
        "POST /api/v1/clients/{clientId}/feedback/rounds/{roundId}/reminders",
        "POST /api/v1/clients/{clientId}/feedback/rounds/{roundId}/close");
    pub("GET /f/{token}", "POST /f/{token}");
    admin("GET /admin/outbox");
    // the feedback heatmap by unit (FeedbackService.mayReadHeatmap): HR and admins, and an
    // engagement's sponsor (no user of the fixture sponsors one)
    client(
        EnumSet.of(Role.ADMIN, Role.HR),
        "GET /c/{clientId}/feedback/heatmap",
        "GET /api/v1/clients/{clientId}/feedback/heatmap");

    // observations (ObservationAccess): the framework and meetings are managed by the
    // engagement's coaches and admins; capture, the observations and the profiles are for the
    // engagement's coaches only (not an admin who does not coach it, see
    // ObservationConfidentialityMatrixTest); the profile page also answers the observed person
    // after release, and no user of the fixture is linked to a person
    client(
        COACHES,
        "GET /c/{clientId}/observe",
        "GET /c/{clientId}/engagements/{engagementId}/behaviours",
        "POST /c/{clientId}/engagements/{engagementId}/behaviours",
        "POST /c/{clientId}/engagements/{engagementId}/behaviours/{behaviourId}",
        "POST /c/{clientId}/engagements/{engagementId}/behaviours/{behaviourId}/move",
        "POST /c/{clientId}/engagements/{engagementId}/behaviours/{behaviourId}/retire",
        "GET /c/{clientId}/engagements/{engagementId}/meetings",
        "POST /c/{clientId}/engagements/{engagementId}/meetings",
        "GET /c/{clientId}/engagements/{engagementId}/meetings/{meetingId}",
        "POST /c/{clientId}/engagements/{engagementId}/meetings/{meetingId}/attendees",
        "GET /api/v1/clients/{clientId}/engagements/{engagementId}/behaviours",
        "POST /api/v1/clients/{clientId}/engagements/{engagementId}/behaviours",
        "PUT /api/v1/clients/{clientId}/engagements/{engagementId}/behaviours/{behaviourId}",
        "DELETE /api/v1/clients/{clientId}/engagements/{engagementId}/behaviours/{behaviourId}",
        "GET /api/v1/clients/{clientId}/engagements/{engagementId}/meetings",
        "POST /api/v1/clients/{clientId}/engagements/{engagementId}/meetings",
        "GET /api/v1/clients/{clientId}/engagements/{engagementId}/meetings/{meetingId}",
        "PUT /api/v1/clients/{clientId}/engagements/{engagementId}/meetings/{meetingId}/attendees");
    client(
        EnumSet.of(Role.COACH),
        "GET /c/{clientId}/engagements/{engagementId}/meetings/{meetingId}/observe",
        "POST /c/{clientId}/engagements/{engagementId}/observations",
        "GET /c/{clientId}/engagements/{engagementId}/observations",
        "GET /c/{clientId}/engagements/{engagementId}/people/{personId}/profile",
        "POST /c/{clientId}/engagements/{engagementId}/people/{personId}/release",
        "POST /api/v1/clients/{clientId}/engagements/{engagementId}/observations",
        "GET /api/v1/clients/{clientId}/engagements/{engagementId}/observations",
        "GET /api/v1/clients/{clientId}/engagements/{engagementId}/observations/{observationId}",
        "GET /api/v1/clients/{clientId}/engagements/{engagementId}/people/{personId}/profile",
        "PUT /api/v1/clients/{clientId}/engagements/{engagementId}/people/{personId}/release");
    // the incongruence analysis: the engagement's coaches only, like observations
    client(
        EnumSet.of(Role.COACH),
        "GET /c/{clientId}/engagements/{engagementId}/incongruence",
        "GET /api/v1/clients/{clientId}/engagements/{engagementId}/incongruence");
    // the person's own account (say–do, ObservationAccess.selfAssessment) is for a
    // user linked to a person who takes part in the engagement, and no user of the fixture is
    // linked to a person; the list on the own page is everyone's (empty without a person)
    client(
        EnumSet.noneOf(Role.class),
        "GET /c/{clientId}/engagements/{engagementId}/self-assessment",
        "POST /c/{clientId}/engagements/{engagementId}/self-assessment",
        "GET /api/v1/clients/{clientId}/engagements/{engagementId}/self-assessment",
        "PUT /api/v1/clients/{clientId}/engagements/{engagementId}/self-assessment");
    client(
        ALL, "GET /c/{clientId}/my/observation", "GET /api/v1/clients/{clientId}/my/observation");
    // observation aggregates per unit and behaviour: HR, admins, the engagement's
    // coaches and its sponsor (no user of the fixture is linked to a person); never a person's
    // numbers (ObservationConfidentialityMatrixTest)
    client(
        EnumSet.of(Role.ADMIN, Role.COACH, Role.HR),
        "GET /c/{clientId}/engagements/{engagementId}/observation-aggregates",
        "GET /api/v1/clients/{clientId}/engagements/{engagementId}/observation-aggregates");

    // practice administration
    admin(
        "GET /admin",
        "GET /admin/clients",
        "POST /admin/clients",
        "GET /admin/users",
        "POST /admin/users",
        "GET /admin/users/{id}",
        "POST /admin/users/{id}/role",
        "POST /admin/users/{id}/enabled",
        "POST /admin/users/{id}/reset",
        "POST /admin/users/{id}/assignments",
        "POST /admin/users/{id}/assignments/{clientId}/delete",
        "GET /admin/audit");
  }

  // ---------------------------------------------------------------------------------------------

  private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(?::[^}]*)?}");

  /** Variables that name a row of a tenant (as opposed to the tenant itself or a constant). */
  private static final Set<String> TENANT_OBJECTS =
      Set.of(
          "unitId",
          "personId",
          "settingId",
          "interdependencyId",
          "jobId",
          "engagementId",
          "questionId",
          "interventionId",
          "agreementId",
          "linkId",
          "roundId",
          "behaviourId",
          "meetingId",
          "observationId");

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired AccessAdministration administration;
  @Autowired ApiTokens tokens;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  TenantFixture fx;
  final List<String> problems = new ArrayList<>();
  int requests;
  boolean dirty;
  final Map<String, List<MediaType>> consumes = new LinkedHashMap<>();

  @BeforeAll
  void fixture() {
    fx = new TenantFixture(jdbc, administration, tokens);
  }

  /** "METHOD pattern" of every handler method of the running application. */
  Set<String> endpoints() {
    Set<String> keys = new TreeSet<>();
    consumes.clear();
    for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
      Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
      // A mapping without methods answers every method; GET stands for it.
      Set<RequestMethod> used = methods.isEmpty() ? EnumSet.of(RequestMethod.GET) : methods;
      for (String pattern : info.getPatternValues()) {
        for (RequestMethod m : used) {
          keys.add(m.name() + " " + pattern);
          // The body a request needs to reach the handler at all (and so its authorisation check).
          consumes
              .computeIfAbsent(m.name() + " " + pattern, k -> new ArrayList<>())
              .addAll(info.getConsumesCondition().getConsumableMediaTypes());
        }
      }
    }
    return keys;
  }

  @Test
  void everyEndpointHasAPolicy() {
    Set<String> missing = new TreeSet<>(endpoints());
    missing.removeAll(POLICY.keySet());
    assertThat(missing)
        .as(
            "endpoints without an entry in TenantIsolationMatrixTest.POLICY: decide who may use them")
        .isEmpty();
    for (String key : endpoints()) {
      String pattern = key.substring(key.indexOf(' ') + 1);
      if (pattern.contains("{clientId}") && POLICY.get(key).access() != Access.ADMIN) {
        assertThat(POLICY.get(key).access()).as(key).isEqualTo(Access.CLIENT);
      }
      if (POLICY.get(key).access() == Access.CLIENT) {
        assertThat(pattern)
            .as("%s is a client endpoint without {clientId}", key)
            .contains("{clientId}");
      }
    }
  }

  @Test
  void everyEndpointAnswersEveryRoleAsThePolicySays() throws Exception {
    Set<String> endpoints = endpoints();
    System.out.println("Endpoints checked by the matrix: " + endpoints);
    for (String key : endpoints) {
      Policy policy = POLICY.get(key);
      if (policy == null) {
        continue; // reported by everyEndpointHasAPolicy
      }
      HttpMethod method = HttpMethod.valueOf(key.substring(0, key.indexOf(' ')));
      String pattern = key.substring(key.indexOf(' ') + 1);
      check(key, method, pattern, policy);
    }
    assertThat(requests).as("requests made").isGreaterThan(endpoints.size());
    assertThat(problems)
        .as(
            "policy violations in %d requests:%n  %s",
            requests, String.join(System.lineSeparator() + "  ", problems))
        .isEmpty();
  }

  private void check(String key, HttpMethod method, String pattern, Policy policy)
      throws Exception {
    Set<String> variables = variablesOf(pattern);
    boolean hasObjects = variables.stream().anyMatch(TENANT_OBJECTS::contains);

    if (policy.access() != Access.PUBLIC && policy.access() != Access.ERROR_PAGE) {
      MockHttpServletResponse anonymous = perform(method, pattern, own(null), null);
      int s = anonymous.getStatus();
      boolean sentToLogin =
          s == 302 && String.valueOf(anonymous.getRedirectedUrl()).contains("/login");
      if (!(s == 401 || sentToLogin)) {
        problems.add(key + " anonymous: expected 401 or a redirect to /login, got " + s);
      }
    }

    for (Role role : Role.values()) {
      boolean allowed = policy.roles().contains(role);
      // Own client (for the admin: any existing client, so A).
      expect(key, role, "own", method, pattern, own(role), allowed, true);

      if (variables.contains("clientId")) {
        if (role == Role.ADMIN && policy.access() == Access.ADMIN) {
          // Practice administration is about every client: B is as much the admin's as A.
          expect(
              key,
              role,
              "client B",
              method,
              pattern,
              withConstants(fx.b.variables(), role, false),
              allowed,
              false);
        } else if (role == Role.ADMIN && !isApi(pattern)) {
          // B is not foreign to a practice admin: allowed there too, on B's own rows...
          expect(
              key,
              role,
              "client B",
              method,
              pattern,
              withConstants(fx.b.variables(), role, false),
              allowed,
              false);
          // ...but a client that does not exist is.
          Map<String, String> nowhere = new LinkedHashMap<>(fx.b.variables());
          nowhere.put("clientId", UUID.randomUUID().toString());
          expectRefused(
              key, role, "unknown client", method, pattern, withConstants(nowhere, role, false));
        } else {
          expectRefused(
              key,
              role,
              "foreign client",
              method,
              pattern,
              withConstants(fx.b.variables(), role, true));
        }
        if (hasObjects) {
          Map<String, String> mixed = new LinkedHashMap<>(fx.b.variables());
          mixed.put("clientId", fx.a.client.toString());
          expectRefused(
              key,
              role,
              "own client with B's ids",
              method,
              pattern,
              withConstants(mixed, role, true));
        }
      }
      if (variables.contains("intakeToken")
          || variables.contains("reactionToken")
          || variables.contains("feedbackToken")) {
        // A secret that no link has: the same refusal for every caller, nothing of anyone's data.
        Map<String, String> unknown = new LinkedHashMap<>(own(role));
        unknown.put("intakeToken", TenantFixture.sha256("x").substring(0, 43));
        unknown.put("reactionToken", TenantFixture.sha256("y").substring(0, 43));
        unknown.put("feedbackToken", TenantFixture.sha256("z").substring(0, 43));
        expectRefused(key, role, "unknown link", method, pattern, unknown);
      }
      if (variables.contains("tokenId")) {
        expectRefused(
            key,
            role,
            "someone else's token",
            method,
            pattern,
            withConstants(fx.b.variables(), role, true));
      }
    }
  }

  private Map<String, String> own(Role role) {
    return withConstants(fx.a.variables(), role, false);
  }

  private Map<String, String> withConstants(
      Map<String, String> base, Role role, boolean foreignToken) {
    Map<String, String> v = new LinkedHashMap<>(base);
    v.put("kind", "UNITS");
    v.put("userId", fx.bEmployee.id().toString());
    v.put(
        "tokenId",
        (foreignToken || role == null ? fx.bEmployeeToken : fx.spareTokens.get(role)).toString());
    return v;
  }

  private void expect(
      String key,
      Role role,
      String what,
      HttpMethod method,
      String pattern,
      Map<String, String> vars,
      boolean allowed,
      boolean checkLeak)
      throws Exception {
    if (!allowed) {
      expectRefused(key, role, what, method, pattern, vars);
      return;
    }
    MockHttpServletResponse r = perform(method, pattern, vars, role);
    int s = r.getStatus();
    String where = key + " as " + role + " (" + what + ")";
    if (POLICY.get(key).access() == Access.ERROR_PAGE) {
      if (s == 401 || s == 403) {
        problems.add(where + ": the error page refused with " + s);
      }
    } else if (s == 401 || s == 403 || s == 404 || s >= 500) {
      problems.add(where + ": allowed, but got " + s + " " + abbreviate(r));
    } else if (method == HttpMethod.GET && s >= 400) {
      problems.add(where + ": a GET that is allowed answered " + s + " " + abbreviate(r));
    } else if (s == 302 && String.valueOf(r.getRedirectedUrl()).contains("/login")) {
      problems.add(where + ": allowed, but sent to the login page");
    }
    boolean practiceWide = role == Role.ADMIN && !pattern.contains("{clientId}");
    if (checkLeak && !practiceWide) {
      checkNoLeak(where, r);
    }
  }

  private void expectRefused(
      String key,
      Role role,
      String what,
      HttpMethod method,
      String pattern,
      Map<String, String> vars)
      throws Exception {
    MockHttpServletResponse r = perform(method, pattern, vars, role);
    int s = r.getStatus();
    String where = key + " as " + role + " (" + what + ")";
    if (s != 403 && s != 404) {
      problems.add(where + ": must be refused with 403/404, got " + s + " " + abbreviate(r));
    }
    checkNoLeak(where, r);
  }

  private void checkNoLeak(String where, MockHttpServletResponse r) throws Exception {
    if (r.getContentAsString().contains(fx.marker())) {
      problems.add(where + ": the response shows data of client B");
    }
  }

  private MockHttpServletResponse perform(
      HttpMethod method, String pattern, Map<String, String> vars, Role role) throws Exception {
    if (dirty) {
      fx.restore(); // a write may have deleted a row that later requests name
    }
    requests++;
    String uri = expand(pattern, vars);
    MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(method, uri);
    Policy policy = POLICY.get(method.name() + " " + pattern);
    if (policy != null && policy.access() == Access.PUBLIC) {
      // Public submissions are throttled per IP address: each request of the matrix comes from
      // its own, so that the matrix sees the policy rather than the throttle.
      int n = requests;
      request.with(
          r -> {
            r.setRemoteAddr("10.77." + (n / 250 % 250) + "." + (n % 250 + 1));
            return r;
          });
    }
    boolean write = method != HttpMethod.GET && method != HttpMethod.HEAD;
    dirty = write;
    if (isApi(pattern)) {
      if (role != null) {
        request.header("Authorization", "Bearer " + fx.apiTokens.get(role));
      }
      request.accept(MediaType.APPLICATION_JSON);
      if (write) {
        MediaType type = bodyType(method.name() + " " + pattern);
        request.contentType(type).content(type.equals(MediaType.APPLICATION_JSON) ? "{}" : "");
      }
    } else {
      if (role != null) {
        UserAccount account = fx.users.get(role);
        request.with(
            authentication(
                new UsernamePasswordAuthenticationToken(account, null, account.getAuthorities())));
      }
      request.with(csrf());
      if (write) {
        request.contentType(MediaType.APPLICATION_FORM_URLENCODED);
        if (pattern.endsWith("/import")) {
          // The upload's required kind, so that a missing parameter does not answer 400 before the
          // role is checked.
          request.param("kind", "UNITS");
        }
      }
    }
    try {
      return mvc.perform(request).andReturn().getResponse();
    } catch (jakarta.servlet.ServletException e) {
      // An exception that escaped the handler (e.g. while rendering the view): in a server this is
      // a 500 from the error page. Report it as such and go on with the matrix.
      MockHttpServletResponse failed = new MockHttpServletResponse();
      failed.setStatus(500);
      Throwable root = e;
      while (root.getCause() != null) {
        root = root.getCause();
      }
      failed.getWriter().write("exception: " + root);
      return failed;
    }
  }

  /** JSON if the handler takes it (or says nothing), else the first type it takes, as text. */
  private MediaType bodyType(String key) {
    List<MediaType> types = consumes.getOrDefault(key, List.of());
    if (types.isEmpty() || types.stream().anyMatch(MediaType.APPLICATION_JSON::isCompatibleWith)) {
      return MediaType.APPLICATION_JSON;
    }
    return types.stream()
        .filter(t -> !t.isWildcardSubtype() && !t.equals(MediaType.MULTIPART_FORM_DATA))
        .findFirst()
        .orElse(types.get(0));
  }

  private static boolean isApi(String pattern) {
    return pattern.startsWith("/api/");
  }

  private static Set<String> variablesOf(String pattern) {
    Set<String> names = new TreeSet<>();
    Matcher m = VARIABLE.matcher(pattern);
    while (m.find()) {
      names.add(fixtureName(pattern, m.start(), m.group(1)));
    }
    return names;
  }

  /** A variable's fixture name: a plain {@code {id}} is named by the path segment before it. */
  private static String fixtureName(String pattern, int start, String name) {
    if (!name.equals("id") && !name.equals("token")) {
      return name;
    }
    String before = pattern.substring(0, start);
    if (before.endsWith("/users/")) {
      return "userId";
    }
    if (before.endsWith("/tokens/")) {
      return "tokenId";
    }
    if (name.equals("token") && before.endsWith("/intake/")) {
      return "intakeToken";
    }
    if (name.equals("token") && before.endsWith("/reaction/")) {
      return "reactionToken";
    }
    if (name.equals("token") && before.endsWith("/f/")) {
      return "feedbackToken";
    }
    return name;
  }

  private static String expand(String pattern, Map<String, String> vars) {
    Matcher m = VARIABLE.matcher(pattern);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String value = vars.get(fixtureName(pattern, m.start(), m.group(1)));
      if (value == null) {
        throw new AssertionError(
            "No fixture value for path variable {"
                + m.group(1)
                + "} in "
                + pattern
                + ": add one to TenantIsolationMatrixTest/TenantFixture");
      }
      m.appendReplacement(sb, Matcher.quoteReplacement(value));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  private static String abbreviate(MockHttpServletResponse r) throws Exception {
    String location = r.getRedirectedUrl() == null ? "" : "-> " + r.getRedirectedUrl() + " ";
    String body = r.getContentAsString().replaceAll("\\s+", " ");
    return location + (body.length() > 200 ? body.substring(0, 200) + "…" : body);
  }
}
