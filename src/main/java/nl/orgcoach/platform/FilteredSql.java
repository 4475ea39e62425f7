package nl.orgcoach.platform;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A query whose optional filters become SQL only when they are given. The catch-all form {@code
 * (CAST(:x AS UUID) IS NULL OR col = :x)} lets PostgreSQL settle, after five executions of a
 * prepared statement, on one generic plan for every combination of filters, a plan that cannot use
 * the index of the filter that is given (1.8–16 s where it was measured; docs/benchmarks.md). Here
 * each combination of filters is a statement text of its own, with a plan of its own.
 *
 * <p>Only condition text written in the code is appended; values are always bound parameters. Each
 * condition is put in parentheses, so a condition with OR cannot capture its neighbours.
 */
public final class FilteredSql {

  private final StringBuilder sql;
  private final Map<String, Object> parameters = new LinkedHashMap<>();
  private boolean whereOpen;
  private boolean finished;

  private FilteredSql(String statement, boolean whereOpen) {
    this.sql = new StringBuilder(statement.strip());
    this.whereOpen = whereOpen;
  }

  /** A statement without a WHERE clause: the first condition opens one. */
  public static FilteredSql select(String statement) {
    return new FilteredSql(statement, false);
  }

  /**
   * A statement that ends in a WHERE clause whose conditions always apply (a conjunction, such as
   * the client and the engagement): further conditions are joined to it with AND.
   */
  public static FilteredSql selectWhere(String statement) {
    return new FilteredSql(statement, true);
  }

  /** A condition that always applies; bind its parameters with {@link #param}. */
  public FilteredSql where(String condition) {
    if (finished) {
      throw new IllegalStateException("a condition after the end of the statement");
    }
    sql.append(whereOpen ? " AND (" : " WHERE (").append(condition.strip()).append(')');
    whereOpen = true;
    return this;
  }

  /** The condition, with {@code name} bound to {@code value}, only when the value is not null. */
  public FilteredSql whereGiven(String condition, String name, Object value) {
    return value == null ? this : where(condition).param(name, value);
  }

  /** Binds a parameter of the statement or of a condition. */
  public FilteredSql param(String name, Object value) {
    parameters.put(name, value);
    return this;
  }

  /** The rest of the statement after its conditions (ORDER BY, paging). */
  public FilteredSql then(String rest) {
    sql.append(' ').append(rest.strip());
    finished = true;
    return this;
  }

  public String sql() {
    return sql.toString();
  }

  public Map<String, Object> parameters() {
    return Collections.unmodifiableMap(parameters);
  }

  /** The statement with the parameters bound so far; more may be bound on the result. */
  public JdbcClient.StatementSpec on(JdbcClient jdbc) {
    return jdbc.sql(sql()).params(parameters);
  }
}
