package nl.orgcoach.support;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Builds CSV files for import tests: a header, rows, comma or semicolon, optionally a BOM. */
public final class CsvBuilder {

  private final List<String[]> lines = new ArrayList<>();
  private char separator = ',';
  private boolean bom;
  private String newline = "\n";

  private CsvBuilder(String... header) {
    lines.add(header);
  }

  public static CsvBuilder of(String... header) {
    return new CsvBuilder(header);
  }

  public static CsvBuilder units() {
    return of("unit_id", "name", "parent_id", "kind");
  }

  public static CsvBuilder people() {
    return of(
        "person_id", "first_name", "last_name", "email", "job_title", "unit_id", "manager_id");
  }

  public static CsvBuilder settings() {
    return of("setting_id", "name", "kind", "unit_id", "members");
  }

  public static CsvBuilder interdependencies() {
    return of("from_unit_id", "to_unit_id", "description", "strength");
  }

  public CsvBuilder row(String... cells) {
    lines.add(cells);
    return this;
  }

  public CsvBuilder semicolon() {
    separator = ';';
    return this;
  }

  public CsvBuilder bom() {
    bom = true;
    return this;
  }

  public CsvBuilder crlf() {
    newline = "\r\n";
    return this;
  }

  public String text() {
    StringBuilder sb = new StringBuilder();
    for (String[] line : lines) {
      for (int i = 0; i < line.length; i++) {
        if (i > 0) {
          sb.append(separator);
        }
        sb.append(quote(line[i]));
      }
      sb.append(newline);
    }
    return sb.toString();
  }

  public byte[] bytes() {
    return bytes(StandardCharsets.UTF_8);
  }

  public byte[] bytes(Charset charset) {
    byte[] body = text().getBytes(charset);
    if (!bom) {
      return body;
    }
    byte[] withBom = new byte[body.length + 3];
    withBom[0] = (byte) 0xEF;
    withBom[1] = (byte) 0xBB;
    withBom[2] = (byte) 0xBF;
    System.arraycopy(body, 0, withBom, 3, body.length);
    return withBom;
  }

  public InputStream stream() {
    return new ByteArrayInputStream(bytes());
  }

  private String quote(String cell) {
    if (cell == null) {
      return "";
    }
    if (cell.indexOf(separator) >= 0
        || cell.indexOf('"') >= 0
        || cell.indexOf('\n') >= 0
        || cell.indexOf('\r') >= 0) {
      return '"' + cell.replace("\"", "\"\"") + '"';
    }
    return cell;
  }
}
