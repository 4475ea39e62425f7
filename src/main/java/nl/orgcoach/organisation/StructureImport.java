package nl.orgcoach.organisation;

import java.io.InputStream;
import nl.orgcoach.access.ClientScope;
import org.springframework.stereotype.Service;

/**
 * Imports one CSV file of the client system, all-or-nothing: either every row is valid and the whole
 * file is written in one transaction, or nothing is written and a {@link nl.orgcoach.platform.UserError}
 * lists every bad row with its line number and reason. Rows are matched on their external id, so a
 * re-import updates units and people in place instead of duplicating them.
 */
@Service
public class StructureImport {

  /** Runs the import synchronously. */
  public ImportResult importCsv(ClientScope scope, ImportKind kind, InputStream csv, String fileName) {
    throw new UnsupportedOperationException("being built in the importing package");
  }
}
