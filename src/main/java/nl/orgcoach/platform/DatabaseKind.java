package nl.orgcoach.platform;

import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which database OrgCoach runs on, for the few places where PostgreSQL and H2 need something
 * different. Everything else is one SQL for both.
 */
@Component
public class DatabaseKind {

  private static final Pattern AMOUNT = Pattern.compile("[1-9][0-9]{0,4}(kB|MB)");

  private final JdbcTemplate jdbc;
  private volatile Boolean postgres;

  DatabaseKind(DataSource dataSource) {
    this.jdbc = new JdbcTemplate(dataSource);
  }

  public boolean postgres() {
    Boolean known = postgres;
    if (known == null) {
      known =
          jdbc.execute(
              (ConnectionCallback<Boolean>)
                  c -> "PostgreSQL".equals(c.getMetaData().getDatabaseProductName()));
      postgres = known;
    }
    return known;
  }

  /**
   * For the current transaction only, on PostgreSQL: lets one large sort or hash stay in memory
   * ({@code work_mem}, 4 MB by default, beyond which it spills into temporary files). Nothing on
   * H2, which has no such limit. Call it inside the transaction of the query it is for.
   *
   * @param amount such as "64MB"
   */
  public void workMemForThisTransaction(String amount) {
    if (!AMOUNT.matcher(amount).matches()) {
      throw new IllegalArgumentException("work_mem amount: " + amount);
    }
    if (postgres()) {
      jdbc.execute("SET LOCAL work_mem = '" + amount + "'");
    }
  }
}
