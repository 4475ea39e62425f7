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

  @Test
  void documentsTheModules() {
    new Documenter(MODULES)
        .writeModulesAsPlantUml()
        .writeIndividualModulesAsPlantUml()
        .writeModuleCanvases();
  }
}
