/**
 * Cross-cutting web and error infrastructure shared by every module: locale handling, the page
 * layout, problem details, CSV safety. Open: its types may be used by every module.
 */
@org.springframework.modulith.ApplicationModule(
    type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package nl.orgcoach.platform;
