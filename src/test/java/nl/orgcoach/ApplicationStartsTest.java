package nl.orgcoach;

import static org.assertj.core.api.Assertions.assertThat;

import nl.orgcoach.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class ApplicationStartsTest {

  @Autowired JdbcClient jdbc;

  @Test
  void migratesTheSchema() {
    assertThat(jdbc.sql("SELECT count(*) FROM client").query(Integer.class).single()).isZero();
    assertThat(jdbc.sql("SELECT count(*) FROM spring_session").query(Integer.class).single())
        .isZero();
  }
}
