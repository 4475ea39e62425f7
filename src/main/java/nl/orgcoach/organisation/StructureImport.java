package nl.orgcoach.organisation;

import java.io.InputStream;
import nl.orgcoach.access.ClientScope;
import nl.orgcoach.organisation.importing.ImportEngine;
import org.springframework.stereotype.Service;

/**
 * Imports one CSV file of the client system, all-or-nothing: either every row is valid and the
 * whole file is written in one transaction, or nothing is written and a {@link
 * nl.orgcoach.platform.UserError} lists every bad row with its line number and reason. Rows are
 * matched on their external id, so a re-import updates units and people in place instead of
 * duplicating them.
 */
@Service
public class StructureImport {

  private final ImportEngine engine;

  StructureImport(ImportEngine engine) {
    this.engine = engine;
  }

  /** Runs the import synchronously. */
  public ImportResult importCsv(
      ClientScope scope, ImportKind kind, InputStream csv, String fileName) {
    return engine.run(scope, kind, csv, fileName);
  }
}
