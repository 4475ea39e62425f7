package nl.orgcoach;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The module structure holds: no cycles, no reach into another module's internals. */
class ModularityTests {

  static final ApplicationModules MODULES = ApplicationModules.of(OrgCoachApplication.class);

  @Test
  void modulesAreWellFormed() {
    MODULES.verify();
  }

  /**
   * Javadoc reaches the documenter through Spring Boot's BasicJsonParser, which counts brackets
   * inside strings too: an unbalanced bracket in a javadoc (a half-open interval written with a
   * square bracket and a parenthesis) makes this fail with "No signature found in source map".
   */
  @Test
  void documentsTheModules() {
    new Documenter(MODULES)
        .writeModulesAsPlantUml()
        .writeIndividualModulesAsPlantUml()
        .writeModuleCanvases();
  }
}
