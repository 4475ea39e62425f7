package nl.orgcoach.organisation.importing;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.orgcoach.organisation.ImportKind;
import nl.orgcoach.organisation.importing.Columns.Column;
import nl.orgcoach.platform.UserError;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * One uploaded CSV file, decoded and split into rows: strict UTF-8 (an optional BOM is dropped),
 * comma or semicolon as detected from the header, header checked against the kind's columns. Every
 * row keeps its physical line number (the header is line 1) so that problems point into the file as
 * a spreadsheet shows it. Anything unreadable becomes a {@link UserError}, never an exception with
 * a stack trace; a file that is not CSV at all is refused at the first line, without reading on.
 */
final class CsvFile {

  /** Larger than the web upload limit, so that only the raw API body can hit it. */
  static final int MAX_BYTES = 100 * 1024 * 1024;

  static final int MAX_HEADER_CHARS = 4_000;
  static final int MAX_ROWS = 1_000_000;

  private final ImportKind kind;
  private final Map<String, Integer> index;
  private final List<Row> rows;

  /** A data row: its physical line number and its cells in the order of the kind's columns. */
  record Row(int line, String[] cells) {}

  private CsvFile(ImportKind kind, Map<String, Integer> index, List<Row> rows) {
    this.kind = kind;
    this.index = index;
    this.rows = rows;
  }

  ImportKind kind() {
    return kind;
  }

  List<Row> rows() {
    return rows;
  }

  /** Whether the header has this (canonical) column; absent optional columns leave data alone. */
  boolean has(String column) {
    return index.containsKey(column);
  }

  /** The stripped cell, or "" when the column is absent or the row is short. */
  String cell(Row row, String column) {
    Integer i = index.get(column);
    if (i == null || i >= row.cells().length) {
      return "";
    }
    String v = row.cells()[i];
    return v == null ? "" : v;
  }

  static CsvFile read(ImportKind kind, InputStream in) {
    byte[] bytes;
    try {
      bytes = in.readNBytes(MAX_BYTES + 1);
    } catch (IOException e) {
      throw Problems.fileProblem(null, null, "import.file.unreadable");
    }
    if (bytes.length > MAX_BYTES) {
      throw Problems.fileProblem(null, null, "import.file.tooLarge", MAX_BYTES / (1024 * 1024));
    }
    return parse(kind, decode(bytes));
  }

  /** Strict UTF-8: a wrong encoding is refused with the line of the first bad byte. */
  static String decode(byte[] bytes) {
    int start = 0;
    if (bytes.length >= 3
        && (bytes[0] & 0xFF) == 0xEF
        && (bytes[1] & 0xFF) == 0xBB
        && (bytes[2] & 0xFF) == 0xBF) {
      start = 3;
    }
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer input = ByteBuffer.wrap(bytes, start, bytes.length - start);
    try {
      CharBuffer chars = decoder.decode(input);
      return chars.toString();
    } catch (CharacterCodingException e) {
      // decode() leaves the buffer at the bad input; count the lines before it.
      int bad = input.position();
      int line = 1;
      for (int i = start; i < bad && i < bytes.length; i++) {
        if (bytes[i] == '\n') {
          line++;
        }
      }
      throw Problems.fileProblem(line, null, "import.file.encoding", line);
    }
  }

  static CsvFile parse(ImportKind kind, String text) {
    String headerLine = firstLine(text);
    if (headerLine == null) {
      throw Problems.fileProblem(1, null, "import.file.headerTooLong", MAX_HEADER_CHARS);
    }
    if (headerLine.isBlank()) {
      throw Problems.fileProblem(1, null, "import.file.empty");
    }
    char delimiter = count(headerLine, ';') > count(headerLine, ',') ? ';' : ',';
    CSVFormat format =
        CSVFormat.DEFAULT
            .builder()
            .setDelimiter(delimiter)
            .setQuote('"')
            .setIgnoreEmptyLines(false)
            .setIgnoreSurroundingSpaces(true)
            .get();
    int[] lineStarts = lineStarts(text);
    List<Column> columns = Columns.of(kind);
    Map<String, Integer> index = new HashMap<>();
    List<Row> rows = new ArrayList<>();
    Problems problems = new Problems();
    try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
      var records = parser.iterator();
      // The header: checked completely before a single row is read.
      CSVRecord header = records.next();
      int[] positions = readHeader(kind, header, columns, index);
      while (records.hasNext()) {
        CSVRecord r = records.next();
        int line = lineOf(lineStarts, r.getCharacterPosition());
        if (blank(r)) {
          continue;
        }
        if (rows.size() >= MAX_ROWS) {
          throw Problems.fileProblem(line, null, "import.file.tooManyRows", MAX_ROWS);
        }
        if (r.size() > header.size() && !blankFrom(r, header.size())) {
          problems.add(line, null, "import.row.tooManyFields", r.size(), header.size());
          continue;
        }
        String[] cells = new String[columns.size()];
        for (int h = 0; h < positions.length; h++) {
          if (positions[h] >= 0 && h < r.size()) {
            cells[positions[h]] = r.get(h).strip();
          }
        }
        rows.add(new Row(line, cells));
      }
    } catch (UncheckedIOException | IOException | IllegalStateException e) {
      // commons-csv reports broken quoting as an IOException (wrapped when iterating).
      throw Problems.fileProblem(null, null, "import.file.malformed");
    }
    problems.throwIfAny();
    // Index by canonical column name: cells are stored in column order.
    Map<String, Integer> byName = new HashMap<>();
    for (int i = 0; i < columns.size(); i++) {
      if (index.containsKey(columns.get(i).name())) {
        byName.put(columns.get(i).name(), i);
      }
    }
    return new CsvFile(kind, byName, rows);
  }

  /** Maps header positions to column positions; throws a report of every header problem. */
  private static int[] readHeader(
      ImportKind kind, CSVRecord header, List<Column> columns, Map<String, Integer> index) {
    Problems problems = new Problems();
    int[] positions = new int[header.size()];
    Arrays.fill(positions, -1);
    Set<String> unknown = new LinkedHashSet<>();
    for (int h = 0; h < header.size(); h++) {
      String raw = header.get(h);
      if (raw.isBlank()) {
        // Spreadsheets add empty trailing columns; they carry no data we could lose.
        continue;
      }
      String name = Columns.canonical(kind, raw);
      int col = -1;
      for (int i = 0; i < columns.size(); i++) {
        if (columns.get(i).name().equals(name)) {
          col = i;
        }
      }
      if (col < 0) {
        unknown.add(raw.strip());
      } else if (index.containsKey(name)) {
        problems.add(1, name, "import.header.duplicate", raw.strip());
      } else {
        index.put(name, h);
        positions[h] = col;
      }
    }
    for (String u : unknown) {
      problems.add(1, abbreviate(u), "import.header.unknown", abbreviate(u), expected(columns));
    }
    for (Column c : columns) {
      if (c.required() && !index.containsKey(c.name())) {
        problems.add(1, c.name(), "import.header.missing", c.name());
      }
    }
    problems.throwIfAny();
    return positions;
  }

  private static String expected(List<Column> columns) {
    return String.join(", ", columns.stream().map(Column::name).toList());
  }

  static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "…";
  }

  /** The first line, or null if it is implausibly long for a header (a binary or garbage file). */
  private static String firstLine(String text) {
    int end = 0;
    while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
      if (end > MAX_HEADER_CHARS) {
        return null;
      }
      end++;
    }
    return text.substring(0, end);
  }

  private static int count(String s, char c) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == c) {
        n++;
      }
    }
    return n;
  }

  /** The character offsets at which lines start (\n, \r\n and a lone \r end a line). */
  private static int[] lineStarts(String text) {
    int[] starts = new int[1024];
    int n = 0;
    starts[n++] = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
        if (n == starts.length) {
          starts = Arrays.copyOf(starts, n * 2);
        }
        starts[n++] = i + 1;
      }
    }
    return Arrays.copyOf(starts, n);
  }

  private static int lineOf(int[] lineStarts, long position) {
    int i = Arrays.binarySearch(lineStarts, (int) position);
    return (i >= 0 ? i : -i - 2) + 1;
  }

  private static boolean blank(CSVRecord r) {
    return blankFrom(r, 0);
  }

  private static boolean blankFrom(CSVRecord r, int from) {
    for (int i = from; i < r.size(); i++) {
      if (!r.get(i).isBlank()) {
        return false;
      }
    }
    return true;
  }
}
