package nl.orgcoach.platform;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Lets the PostgreSQL driver rewrite JDBC batches of inserts into multi-row inserts, which makes
 * imports of large files several times faster. Only for PostgreSQL URLs: H2 has no such option.
 */
@Component
class PostgresTuning implements BeanPostProcessor {

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof HikariDataSource hikari
        && hikari.getJdbcUrl() != null
        && hikari.getJdbcUrl().startsWith("jdbc:postgresql:")
        && !hikari.getDataSourceProperties().containsKey("reWriteBatchedInserts")) {
      hikari.addDataSourceProperty("reWriteBatchedInserts", "true");
    }
    return bean;
  }
}
