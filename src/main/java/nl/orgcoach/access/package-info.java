/**
 * Client organisations (tenants), users and roles, login, API tokens and the audit log. Owns tenant
 * isolation: tenant data is reached only through a {@link nl.orgcoach.access.ClientScope}, which
 * only this module can issue, after checking that the caller may enter that client.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Access")
package nl.orgcoach.access;
