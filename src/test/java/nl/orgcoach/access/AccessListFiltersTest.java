package nl.orgcoach.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import nl.orgcoach.support.IntegrationTest;
import nl.orgcoach.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The admin's user list and audit log, whose filters become SQL only when given: every combination
 * of given and absent filters, over random data, returns exactly the rows that the same filter done
 * in Java keeps over everything in the tables (which other tests share, so the expectation is taken
 * from the tables as they are). On PostgreSQL each statement runs more than five times, past the
 * point where PostgreSQL may switch to a generic plan.
 */
@IntegrationTest
class AccessListFiltersTest {

  @Autowired ApplicationContext context;
  @Autowired AccessAdministration administration;
  @Autowired AuditLog audit;
  @Autowired JdbcClient jdbc;

  final long seed = new Random().nextLong();
  final Random random = new Random(seed);

  record StoredUser(UUID id, Role role, UUID clientId) {}

  record Assignment(UUID userId, UUID clientId) {}

  record Event(long id, AuditType type) {}

  @Test
  void usersForEveryCombinationOfRoleAndClient() {
    TestUsers users = TestUsers.in(context);
    List<ClientId> clients = List.of(users.client("A"), users.client("B"), users.client("C"));
    ClientId empty = users.client("Leeg");
    for (int i = 0; i < 15; i++) {
      Role role = Role.values()[random.nextInt(Role.values().length)];
      List<ClientId> some = new ArrayList<>(clients);
      java.util.Collections.shuffle(some, random);
      some = some.subList(0, (role == Role.COACH ? 0 : 1) + random.nextInt(some.size()));
      users.create(role, some.toArray(ClientId[]::new));
    }
    List<StoredUser> stored =
        jdbc.sql("SELECT id, role, client_id FROM app_user").query(StoredUser.class).list();
    Set<Assignment> assignments =
        new HashSet<>(
            jdbc.sql("SELECT user_id, client_id FROM coach_assignment")
                .query(Assignment.class)
                .list());

    List<ClientId> clientFilters = new ArrayList<>();
    clientFilters.add(null);
    clientFilters.addAll(clients);
    clientFilters.add(empty);
    clientFilters.add(new ClientId(UUID.randomUUID()));
    List<Role> roleFilters = new ArrayList<>();
    roleFilters.add(null);
    roleFilters.addAll(List.of(Role.values()));
    for (Role role : roleFilters) {
      for (ClientId client : clientFilters) {
        List<UUID> expected =
            stored.stream()
                .filter(u -> role == null || u.role() == role)
                .filter(
                    u ->
                        client == null
                            || client.value().equals(u.clientId())
                            || assignments.contains(new Assignment(u.id(), client.value())))
                .map(StoredUser::id)
                .toList();
        assertThat(administration.users(role, client))
            .as("seed %d, role %s, client %s", seed, role, client)
            .extracting(AccessAdministration.UserRow::id)
            .containsExactlyInAnyOrderElementsOf(expected);
      }
    }
  }

  @Test
  void auditLogForEveryTypeAndPage() {
    AuditType[] some = {
      AuditType.LOGIN_FAILED, AuditType.USER_CREATED, AuditType.TOKEN_REVOKED, AuditType.NOTE_READ
    };
    ClientId client = administration.createClient("Audit " + UUID.randomUUID());
    for (int i = 0; i < 30; i++) {
      audit.recordAs(
          "filter-test",
          some[random.nextInt(some.length)],
          random.nextBoolean() ? client : null,
          "event " + i);
    }
    List<Event> stored =
        jdbc.sql("SELECT id, type FROM audit_event ORDER BY id DESC").query(Event.class).list();

    List<AuditType> typeFilters = new ArrayList<>();
    typeFilters.add(null);
    typeFilters.addAll(List.of(AuditType.values()));
    for (AuditType type : typeFilters) {
      List<Long> matching =
          stored.stream().filter(e -> type == null || e.type() == type).map(Event::id).toList();
      for (int size : new int[] {3, 40}) {
        for (int page = 0; page < 3; page++) {
          List<Long> expected =
              matching.subList(
                  Math.min(page * size, matching.size()),
                  Math.min((page + 1) * size, matching.size()));
          assertThat(audit.page(type, page, size))
              .as("seed %d, type %s, page %d of %d", seed, type, page, size)
              .extracting(AuditLog.Entry::id)
              .containsExactlyElementsOf(expected);
        }
      }
      assertThat(audit.latest(5, type))
          .extracting(AuditLog.Entry::id)
          .containsExactlyElementsOf(matching.subList(0, Math.min(5, matching.size())));
    }
  }
}
