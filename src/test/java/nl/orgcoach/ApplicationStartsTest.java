package nl.orgcoach;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nl.orgcoach.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class ApplicationStartsTest {

  @Autowired JdbcClient jdbc;

  /**
   * Every migration ran and succeeded, and the tables of each module are there. (The context is
   * shared with other tests, so what the tables hold depends on the order tests run in.)
   */
  @Test
  void migratesTheSchema() {
    assertThat(
            jdbc.sql("SELECT count(*) FROM flyway_schema_history WHERE success = FALSE")
                .query(Integer.class)
                .single())
        .isZero();
    for (String table :
        List.of(
            "client",
            "spring_session",
            "person_history",
            "question",
            "intervention",
            "reaction",
            "observation",
            "feedback_round",
            "mail_outbox")) {
      assertThat(
              jdbc.sql(
                      "SELECT count(*) FROM information_schema.tables"
                          + " WHERE lower(table_schema) = 'public' AND lower(table_name) = :t")
                  .param("t", table)
                  .query(Integer.class)
                  .single())
          .as(table)
          .isOne();
    }
  }
}
