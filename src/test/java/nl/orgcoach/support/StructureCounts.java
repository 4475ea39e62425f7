package nl.orgcoach.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Row counts of a client's structure tables, to prove that a rejected import wrote nothing. */
public final class StructureCounts {

  private static final List<String> TABLES =
      List.of("unit", "person", "setting", "setting_member", "interdependency");

  private StructureCounts() {}

  public static Map<String, Integer> of(JdbcClient jdbc, UUID client) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (String table : TABLES) {
      counts.put(
          table,
          jdbc.sql("SELECT count(*) FROM " + table + " WHERE client_id = :c")
              .param("c", client)
              .query(Integer.class)
              .single());
    }
    return counts;
  }
}
