package nl.orgcoach.access;

import jakarta.servlet.http.HttpServletRequest;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import nl.orgcoach.platform.FilteredSql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The audit log of security events. Each entry is written in its own transaction, so that a failed
 * (rolled back) operation still leaves its trace.
 */
@Service
public class AuditLog {

  private final JdbcClient jdbc;

  AuditLog(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void record(AuditType type, ClientId client, String detail) {
    recordAs(currentActor(), type, client, detail);
  }

  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void recordAs(String actor, AuditType type, ClientId client, String detail) {
    jdbc.sql(
            """
            INSERT INTO audit_event (at, actor, client_id, type, detail, remote_ip)
            VALUES (:at, :actor, :client, :type, :detail, :ip)
            """)
        .param("at", OffsetDateTime.now(ZoneOffset.UTC))
        .param("actor", truncate(actor, 254))
        .param("client", client == null ? null : client.value())
        .param("type", type.name())
        .param("detail", truncate(detail, 1000))
        .param("ip", remoteAddress())
        .update();
  }

  /** The newest entries first, optionally of one type. */
  @Transactional(readOnly = true)
  public List<Entry> latest(int limit, AuditType type) {
    return page(type, 0, limit);
  }

  /** One page of entries, newest first, optionally of one type; {@code page} counts from 0. */
  @Transactional(readOnly = true)
  public List<Entry> page(AuditType type, int page, int size) {
    return FilteredSql.select(
            """
            SELECT e.id, e.at, e.actor, e.client_id, c.name AS client_name, e.type, e.detail, e.remote_ip
            FROM audit_event e LEFT JOIN client c ON c.id = e.client_id
            """)
        .whereGiven("e.type = :type", "type", type == null ? null : type.name())
        .then("ORDER BY e.id DESC OFFSET :offset ROWS FETCH FIRST :limit ROWS ONLY")
        .on(jdbc)
        .param("offset", (long) Math.max(0, page) * size)
        .param("limit", size)
        .query(
            (rs, i) ->
                new Entry(
                    rs.getLong("id"),
                    rs.getObject("at", OffsetDateTime.class),
                    rs.getString("actor"),
                    rs.getObject("client_id", UUID.class),
                    rs.getString("client_name"),
                    AuditType.valueOf(rs.getString("type")),
                    rs.getString("detail"),
                    rs.getString("remote_ip")))
        .list();
  }

  public record Entry(
      long id,
      OffsetDateTime at,
      String actor,
      UUID clientId,
      String clientName,
      AuditType type,
      String detail,
      String remoteIp) {}

  static String currentActor() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    return auth == null ? "anonymous" : auth.getName();
  }

  private static String remoteAddress() {
    if (RequestContextHolder.getRequestAttributes()
        instanceof ServletRequestAttributes attributes) {
      HttpServletRequest request = attributes.getRequest();
      return request.getRemoteAddr();
    }
    return null;
  }

  private static String truncate(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }
}
