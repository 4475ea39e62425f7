package nl.orgcoach.bench;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * The data of the issue 5 benchmark, written by COPY straight into PostgreSQL: a unit tree of
 * {@link Spec#units()} units (one top, then divisions, departments, sections and teams), {@link
 * Spec#people()} people in the teams, and closed feedback rounds on behaviours of one framework
 * until there are {@link Spec#answers()} answer rows.
 *
 * <p>A round asks about six of the framework's behaviours; its raters are the person themself and 2
 * to 14 others (about one round in ten has only two, so that the round gate has work to do), with
 * about 5% "not seen". Ratings follow a team effect, a behaviour effect and rater noise. Rounds
 * closed on a day spread evenly over the last two years. Rows are streamed table by table: every
 * round's rows are made again from its own seed for each table, so nothing large is held in memory.
 * Ids are made from the round's number, so the same run writes the same rows.
 */
final class FeedbackLoad {

  record Spec(int units, int people, int answers, int days, long seed) {

    static Spec issue5() {
      return new Spec(5_000, 100_000, 2_000_000, 730, 20261127L);
    }
  }

  record Result(
      List<UUID> tops,
      UUID division,
      UUID department,
      int rounds,
      int gatedOut,
      long raters,
      long answers,
      long millis) {}

  private static final int BEHAVIOURS_PER_ROUND = 6;

  private Connection connection;
  private final UUID client;
  private final Spec spec;
  private final long salt;
  private final OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).withNano(0);
  private final List<UUID> tops = new ArrayList<>();
  private UUID division;
  private UUID department;

  /** Per team: its id and effect on the ratings; per person: their team. */
  private final List<UUID> teams = new ArrayList<>();

  private final List<Double> teamEffects = new ArrayList<>();
  private final List<UUID> people = new ArrayList<>();
  private final List<Integer> teamOfPerson = new ArrayList<>();
  private List<UUID> behaviours = List.of();
  private double[] behaviourEffects = new double[0];

  private FeedbackLoad(Connection connection, UUID client, Spec spec) {
    this.connection = connection;
    this.client = client;
    this.spec = spec;
    this.salt = new SplittableRandom(spec.seed()).nextLong();
  }

  /** Writes the units and people; then {@link #rounds} the rounds on the framework's behaviours. */
  static FeedbackLoad organisation(Connection c, UUID client, Spec spec) throws SQLException {
    FeedbackLoad load = new FeedbackLoad(c, client, spec);
    load.writeOrganisation();
    return load;
  }

  Result rounds(Connection c, List<UUID> framework) throws SQLException {
    connection = c;
    behaviours = List.copyOf(framework);
    SplittableRandom r = new SplittableRandom(spec.seed() + 1);
    behaviourEffects = new double[behaviours.size()];
    for (int b = 0; b < behaviourEffects.length; b++) {
      behaviourEffects[b] = r.nextDouble(-0.6, 0.6);
    }
    return writeRounds();
  }

  private UUID id(int kind, long number, int k) {
    return new UUID(((long) kind << 56) | (number << 8) | k, salt);
  }

  // --- the organisation

  private void writeOrganisation() throws SQLException {
    SplittableRandom r = new SplittableRandom(spec.seed());
    // 1 + 9 + 90 + 900 units above the teams; the rest are teams, spread over the sections.
    int[] fanOut = {9, 10, 10};
    Copy units = new Copy("unit", "id, client_id, external_id, name, kind, parent_id");
    List<UUID> level = new ArrayList<>();
    UUID top = id(1, 0, 0);
    units.row(top, client, "U0", "Organisatie", "organisation", null);
    tops.add(top);
    level.add(top);
    int n = 1;
    String[] kinds = {"division", "department", "section"};
    for (int depth = 0; depth < fanOut.length; depth++) {
      List<UUID> next = new ArrayList<>();
      for (UUID parent : level) {
        for (int i = 0; i < fanOut[depth]; i++) {
          UUID u = id(1, n, 0);
          units.row(u, client, "U" + n, kinds[depth] + " " + n, kinds[depth], parent);
          next.add(u);
          n++;
        }
      }
      level = next;
      if (depth == 0) {
        division = next.get(0);
      } else if (depth == 1) {
        department = next.get(0);
      }
    }
    for (int t = 0; n < spec.units(); t++, n++) {
      UUID u = id(1, n, 0);
      units.row(u, client, "U" + n, "team " + n, "team", level.get(t % level.size()));
      teams.add(u);
      teamEffects.add(r.nextGaussian() * 0.45);
    }
    units.end();
    Copy persons =
        new Copy("person", "id, client_id, external_id, first_name, last_name, email, unit_id");
    for (int p = 0; p < spec.people(); p++) {
      UUID id = id(2, p, 0);
      int team = p % teams.size();
      persons.row(
          id,
          client,
          "P" + p,
          "Voornaam" + p,
          "Achternaam",
          "p" + p + "@bench.example",
          teams.get(team));
      people.add(id);
      teamOfPerson.add(team);
    }
    persons.end();
  }

  // --- the rounds

  private Result writeRounds() throws SQLException {
    long start = System.nanoTime();
    // First pass: how many rounds make the answers (the last round is cut to fit exactly).
    int rounds = 0;
    long answers = 0;
    while (answers < spec.answers()) {
      answers += new Round(rounds).answers();
      rounds++;
    }
    long exact = spec.answers();

    Copy round =
        new Copy(
            "feedback_round",
            "id, client_id, ratee_person_id, closes_at, closed_at, created_by, created_at");
    for (int i = 0; i < rounds; i++) {
      Round x = new Round(i);
      round.row(id(3, i, 0), client, x.ratee, x.closed, x.closed, "bench", x.closed.minusDays(14));
    }
    round.end();
    Copy behaviour =
        new Copy(
            "feedback_behaviour",
            "id, client_id, round_id, position, text, framework_behaviour_id");
    for (int i = 0; i < rounds; i++) {
      Round x = new Round(i);
      for (int k = 0; k < x.picked.length; k++) {
        behaviour.row(
            id(4, i, k),
            client,
            id(3, i, 0),
            k + 1,
            "Gedrag " + x.picked[k],
            behaviours.get(x.picked[k]));
      }
    }
    behaviour.end();
    Copy rater =
        new Copy(
            "feedback_rater",
            "id, client_id, round_id, rater_group, email, language, token_hash, invited_at,"
                + " answered_at");
    long raters = 0;
    long left = exact;
    for (int i = 0; i < rounds && left > 0; i++) {
      Round x = new Round(i);
      for (int k = 0; k < x.raters && left > 0; k++, raters++) {
        UUID id = id(5, i, k);
        rater.row(
            id,
            client,
            id(3, i, 0),
            k == 0 ? "SELF" : x.group(k),
            "r" + k + "-" + i + "@bench.example",
            "nl",
            (id.toString() + id).replace("-", "").substring(0, 64),
            x.closed.minusDays(14),
            x.closed.minusDays(1));
        left -= x.picked.length;
      }
    }
    rater.end();
    Copy answer = new Copy("feedback_answer", "rater_id, behaviour_id, client_id, rating");
    long written = 0;
    int gatedOut = 0;
    for (int i = 0; i < rounds && written < exact; i++) {
      Round x = new Round(i);
      if (x.raters - 1 < 3) {
        gatedOut++;
      }
      for (int k = 0; k < x.raters && written < exact; k++) {
        for (int b = 0; b < x.picked.length && written < exact; b++) {
          answer.row(id(5, i, k), id(4, i, b), client, x.rating(k, b));
          written++;
        }
      }
    }
    answer.end();
    return new Result(
        List.copyOf(tops),
        division,
        department,
        rounds,
        gatedOut,
        raters,
        written,
        (System.nanoTime() - start) / 1_000_000);
  }

  /** One round, made again from its own seed whenever a table needs it. */
  private final class Round {
    final UUID ratee;
    final int team;
    final OffsetDateTime closed;
    final int[] picked = new int[BEHAVIOURS_PER_ROUND];
    final int raters;
    final long seed;

    Round(int i) {
      seed = spec.seed() * 31 + i;
      SplittableRandom r = new SplittableRandom(seed);
      int person = r.nextInt(people.size());
      ratee = people.get(person);
      team = teamOfPerson.get(person);
      closed = now.minusDays(1 + r.nextInt(spec.days())).minusMinutes(r.nextInt(600));
      int[] order = new int[behaviours.size()];
      for (int b = 0; b < order.length; b++) {
        order[b] = b;
      }
      for (int b = 0; b < picked.length; b++) {
        int j = b + r.nextInt(order.length - b);
        int swap = order[b];
        order[b] = order[j];
        order[j] = swap;
        picked[b] = order[b];
      }
      int others = r.nextInt(10) == 0 ? 2 : 3 + r.nextInt(12);
      raters = 1 + others;
    }

    int answers() {
      return raters * picked.length;
    }

    String group(int k) {
      return switch (k % 4) {
        case 1 -> "PEER";
        case 2 -> "DIRECT_REPORT";
        case 3 -> k == 3 ? "MANAGER" : "OTHER";
        default -> "PEER";
      };
    }

    Integer rating(int rater, int b) {
      SplittableRandom r = new SplittableRandom(seed * 1_000 + rater * 10L + b);
      if (rater > 0 && r.nextInt(20) == 0) {
        return null;
      }
      double mean =
          3.4 + teamEffects.get(team) + behaviourEffects[picked[b]] + (rater == 0 ? 0.4 : 0);
      long value = Math.round(mean + r.nextGaussian() * 0.8);
      return (int) Math.max(1, Math.min(5, value));
    }
  }

  /** One COPY of a table, fed row by row in chunks of about a megabyte. */
  private final class Copy {
    private final CopyIn copy;
    private final StringBuilder chunk = new StringBuilder(1 << 20);

    Copy(String table, String columns) throws SQLException {
      copy =
          connection
              .unwrap(PGConnection.class)
              .getCopyAPI()
              .copyIn("COPY " + table + " (" + columns + ") FROM STDIN WITH (FORMAT csv)");
    }

    void row(Object... values) throws SQLException {
      BulkRows.csvLine(chunk, values);
      if (chunk.length() > (1 << 20)) {
        flush();
      }
    }

    private void flush() throws SQLException {
      byte[] bytes = chunk.toString().getBytes(StandardCharsets.UTF_8);
      copy.writeToCopy(bytes, 0, bytes.length);
      chunk.setLength(0);
    }

    void end() throws SQLException {
      flush();
      copy.endCopy();
    }
  }
}
