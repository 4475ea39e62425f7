package nl.orgcoach.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import nl.orgcoach.access.AccessAdministration;
import nl.orgcoach.access.ClientId;
import nl.orgcoach.access.ClientScope;
import nl.orgcoach.support.IntegrationTest;
import nl.orgcoach.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The engagement list, whose coach filter becomes SQL only when given: with and without it, over
 * random engagements and coaches, it returns exactly the engagements of the client that the same
 * filter done in Java keeps, never another client's (whose engagements the same coaches coach).
 */
@IntegrationTest
class EngagementListFilterTest {

  @Autowired ApplicationContext context;
  @Autowired AccessAdministration administration;
  @Autowired Engagements engagements;
  @Autowired JdbcClient jdbc;

  final long seed = new Random().nextLong();
  final Random random = new Random(seed);

  record Stored(UUID id, Set<UUID> coaches) {}

  @Test
  void engagementsWithAndWithoutEveryCoach() {
    TestUsers users = TestUsers.in(context);
    ClientId client = users.client("Zorg");
    ClientId other = users.client("Ander");
    List<UUID> coaches = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      coaches.add(users.coach(client, other).id());
    }
    UUID idle = users.coach(client).id();
    List<Stored> mine = generate(client, coaches);
    generate(other, coaches);
    ClientScope scope = administration.systemScope(client, "test");

    List<UUID> filters = new ArrayList<>();
    filters.add(null);
    filters.addAll(coaches);
    filters.add(idle);
    filters.add(UUID.randomUUID());
    for (int round = 0; round < 2; round++) {
      for (UUID coach : filters) {
        List<UUID> expected =
            mine.stream()
                .filter(e -> coach == null || e.coaches().contains(coach))
                .map(Stored::id)
                .toList();
        assertThat(engagements.list(scope, coach))
            .as("seed %d, coach %s", seed, coach)
            .extracting(Engagements.Summary::id)
            .containsExactlyInAnyOrderElementsOf(expected);
      }
    }
  }

  /** Engagements with a random subset (possibly none) of the coaches, inserted by SQL. */
  private List<Stored> generate(ClientId client, List<UUID> coaches) {
    List<Stored> stored = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      UUID id = UUID.randomUUID();
      jdbc.sql(
              """
              INSERT INTO engagement (id, client_id, title, starts_on, created_at)
              VALUES (:id, :c, :t, :s, :at)
              """)
          .param("id", id)
          .param("c", client.value())
          .param("t", "Traject " + i)
          .param("s", LocalDate.of(2026, 1, 1).plusDays(random.nextInt(300)))
          .param("at", OffsetDateTime.now())
          .update();
      Set<UUID> chosen = new java.util.HashSet<>();
      for (UUID coach : coaches) {
        if (random.nextInt(3) == 0) {
          chosen.add(coach);
          jdbc.sql(
                  "INSERT INTO engagement_coach (engagement_id, user_id, client_id) VALUES (:e, :u, :c)")
              .param("e", id)
              .param("u", coach)
              .param("c", client.value())
              .update();
        }
      }
      stored.add(new Stored(id, chosen));
    }
    return stored;
  }
}
