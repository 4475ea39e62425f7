package nl.orgcoach.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class FilteredSqlTest {

  @Test
  void onlyTheFiltersGivenBecomeConditionsWithTheirValuesBound() {
    FilteredSql sql =
        FilteredSql.select("SELECT * FROM person p\n")
            .whereGiven("p.unit_id = :unit", "unit", null)
            .whereGiven("p.job = :job OR p.email = :job", "job", "x' OR 1=1 --")
            .then("ORDER BY p.id");

    assertThat(sql.sql())
        .isEqualTo("SELECT * FROM person p WHERE (p.job = :job OR p.email = :job) ORDER BY p.id");
    assertThat(sql.parameters()).isEqualTo(Map.of("job", "x' OR 1=1 --"));
  }

  @Test
  void noFilterGivenLeavesNoWhereClause() {
    assertThat(
            FilteredSql.select("SELECT * FROM audit_event e")
                .whereGiven("e.type = :type", "type", null)
                .then("ORDER BY e.id DESC")
                .sql())
        .isEqualTo("SELECT * FROM audit_event e ORDER BY e.id DESC");
  }

  @Test
  void joinsAnExistingWhereClauseWithAnd() {
    FilteredSql sql =
        FilteredSql.selectWhere("SELECT * FROM question q WHERE q.client_id = :client")
            .param("client", 1)
            .where("q.engagement_id = :e")
            .param("e", 2)
            .whereGiven("q.status = :status", "status", "OPEN");

    assertThat(sql.sql())
        .isEqualTo(
            "SELECT * FROM question q WHERE q.client_id = :client AND (q.engagement_id = :e)"
                + " AND (q.status = :status)");
    assertThat(sql.parameters()).containsOnlyKeys("client", "e", "status");
  }

  @Test
  void refusesAConditionAfterTheEndOfTheStatement() {
    FilteredSql sql = FilteredSql.select("SELECT 1 FROM person p").then("ORDER BY 1");

    assertThatThrownBy(() -> sql.where("p.id = :id")).isInstanceOf(IllegalStateException.class);
  }
}
