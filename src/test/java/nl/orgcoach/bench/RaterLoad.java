package nl.orgcoach.bench;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import nl.orgcoach.access.LinkTokens;
import org.postgresql.PGConnection;

/**
 * Writes open feedback rounds with their raters straight into the feedback tables of a client whose
 * organisation is already imported (PostgreSQL COPY): the data of the rater submission benchmark,
 * not a use case. Every round has 4–6 behaviours and {@link Spec#ratersPerRound} raters (the ratee
 * as SELF, their manager, peers, direct reports and others by e-mail). Each rater's secret is made
 * here and kept in plain text for the load script; the table holds only its SHA-256 hash, computed
 * by {@link LinkTokens#hashOf} exactly as the application does when a link is opened. Deterministic
 * for a seed (apart from the ids of the imported organisation).
 */
final class RaterLoad {

  /** How many raters, in rounds of how many, closing when. */
  record Spec(int raters, int ratersPerRound, OffsetDateTime closesAt, long seed) {}

  /** A rater link as the mail carries it, and how many behaviours its form has. */
  record Link(String token, String language, int behaviours, String group) {}

  private static final String[] BEHAVIOURS = {
    "Ik vraag door voordat ik advies geef",
    "Ik geef ruimte aan anderen in het overleg",
    "Ik spreek collega's direct aan op afspraken",
    "Ik vraag zelf om feedback",
    "Ik maak heldere afspraken over wie wat doet",
    "Ik deel informatie op tijd",
    "Ik luister zonder te onderbreken",
    "Ik benoem wat goed gaat"
  };

  private static final String[] GROUPS = {
    "SELF",
    "MANAGER",
    "PEER",
    "PEER",
    "PEER",
    "DIRECT_REPORT",
    "DIRECT_REPORT",
    "DIRECT_REPORT",
    "OTHER",
    "OTHER"
  };

  private RaterLoad() {}

  /** Writes the rounds in one transaction over {@code c}; answers the links, in rater order. */
  static List<Link> write(Connection c, UUID client, Spec spec) throws SQLException {
    Random r = new Random(spec.seed());
    List<UUID[]> people = new ArrayList<>(); // id, manager id
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT id, manager_id FROM person WHERE client_id = '"
                    + client
                    + "' ORDER BY external_id")) {
      while (rs.next()) {
        people.add(new UUID[] {rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)});
      }
    }
    StringBuilder rounds = new StringBuilder();
    StringBuilder behaviours = new StringBuilder();
    StringBuilder raters = new StringBuilder();
    List<Link> links = new ArrayList<>(spec.raters());
    OffsetDateTime invited = OffsetDateTime.now().minusDays(2);
    int roundCount = (spec.raters() + spec.ratersPerRound() - 1) / spec.ratersPerRound();
    for (int k = 0; k < roundCount; k++) {
      UUID[] ratee = people.get(k % people.size());
      UUID round = uuid(r);
      csv(rounds, round, client, ratee[0], spec.closesAt(), "benchmark", invited);
      int n = 4 + r.nextInt(3);
      int first = r.nextInt(BEHAVIOURS.length);
      for (int p = 1; p <= n; p++) {
        csv(behaviours, uuid(r), client, round, p, BEHAVIOURS[(first + p) % BEHAVIOURS.length]);
      }
      for (int j = 0; j < spec.ratersPerRound() && links.size() < spec.raters(); j++) {
        String group = GROUPS[j % GROUPS.length];
        UUID person = group.equals("SELF") ? ratee[0] : null;
        if (group.equals("MANAGER") && ratee[1] != null) {
          person = ratee[1];
        }
        String language = r.nextInt(4) == 0 ? "en" : "nl";
        byte[] secret = new byte[32];
        r.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        String email = "r" + k + "-" + j + "@raters.bench.orgcoach.demo";
        csv(
            raters,
            uuid(r),
            client,
            round,
            group,
            person,
            email,
            "Rater " + k + "-" + j,
            language,
            LinkTokens.hashOf(token),
            invited);
        links.add(new Link(token, language, n, group));
      }
    }
    boolean auto = c.getAutoCommit();
    c.setAutoCommit(false);
    try {
      var copy = c.unwrap(PGConnection.class).getCopyAPI();
      copy.copyIn(
          "COPY feedback_round (id, client_id, ratee_person_id, closes_at, created_by, created_at)"
              + " FROM STDIN WITH (FORMAT csv)",
          new StringReader(rounds.toString()));
      copy.copyIn(
          "COPY feedback_behaviour (id, client_id, round_id, position, text)"
              + " FROM STDIN WITH (FORMAT csv)",
          new StringReader(behaviours.toString()));
      copy.copyIn(
          "COPY feedback_rater (id, client_id, round_id, rater_group, person_id, email, name,"
              + " language, token_hash, invited_at) FROM STDIN WITH (FORMAT csv)",
          new StringReader(raters.toString()));
      c.commit();
    } catch (IOException e) {
      c.rollback();
      throw new SQLException(e);
    } finally {
      c.setAutoCommit(auto);
    }
    try (Statement s = c.createStatement()) {
      s.execute("ANALYZE feedback_round");
      s.execute("ANALYZE feedback_behaviour");
      s.execute("ANALYZE feedback_rater");
    }
    return links;
  }

  /** One CSV line; no value here holds a comma or a quote. */
  private static void csv(StringBuilder sb, Object... values) {
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        sb.append(',');
      }
      if (values[i] != null) {
        sb.append(values[i]);
      }
    }
    sb.append('\n');
  }

  private static UUID uuid(Random r) {
    long hi = (r.nextLong() & ~0xF000L) | 0x4000L;
    long lo = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(hi, lo);
  }
}
