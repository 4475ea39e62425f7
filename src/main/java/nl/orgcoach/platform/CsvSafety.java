package nl.orgcoach.platform;

/**
 * Spreadsheet formula injection (CWE-1236): a cell that starts with one of these characters is run
 * as a formula when a CSV is opened in Excel or LibreOffice. Imports refuse such cells; exports
 * neutralise them.
 */
public final class CsvSafety {

  private CsvSafety() {}

  public static boolean looksLikeFormula(String cell) {
    if (cell == null || cell.isEmpty()) {
      return false;
    }
    char first = cell.charAt(0);
    return first == '='
        || first == '+'
        || first == '-'
        || first == '@'
        || first == '\t'
        || first == '\r';
  }

  /** Prefixes a risky cell with an apostrophe, which spreadsheets show as text. */
  public static String neutralise(String cell) {
    return looksLikeFormula(cell) ? "'" + cell : cell;
  }
}
