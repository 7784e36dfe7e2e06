package dev.kairo.data.csv;

import java.io.IOException;

/**
 * A CSV file that cannot be read as asked: the message names the file, the line (1-based,
 * the header is line 1), the column and the offending text, e.g.
 * {@code iris.csv:17: column 'petal_width' (field 4): bad number "1..3"}.
 *
 * <pre>{@code
 * try {
 *   CsvData data = CsvReader.builder().target("species").build().read(path);
 * } catch (CsvException e) {
 *   System.err.println(e.getMessage());   // iris.csv:17: column 'petal_width' (field 4): ...
 *   int line = e.line();
 * }
 * }</pre>
 *
 * <p>An {@link IOException} because, like a malformed character encoding, it is a problem with
 * the input rather than with the program.
 */
public final class CsvException extends IOException {
  private final String source;
  private final int line;
  private final String column;

  /**
   * @param source the file (or the name given for a reader)
   * @param line the 1-based line where the record starts, or 0 when not about one line
   * @param column the column name, or null when not about one column
   * @param problem what is wrong, with the offending text
   */
  public CsvException(String source, int line, String column, String problem) {
    this(source, line, column, 0, problem);
  }

  /**
   * @param source the file (or the name given for a reader)
   * @param line the 1-based line where the record starts, or 0 when not about one line
   * @param column the column name, or null when not about one column
   * @param field the column's 1-based position in the header, or 0 when not known
   * @param problem what is wrong, with the offending text
   */
  public CsvException(String source, int line, String column, int field, String problem) {
    super(source + (line > 0 ? ":" + line : "") + ": "
        + (column != null ? "column '" + column + "'" + (field > 0 ? " (field " + field + ")" : "")
            + ": " : "") + problem);
    this.source = source;
    this.line = line;
    this.column = column;
  }

  /** The file, or the name given for a reader. */
  public String source() {
    return source;
  }

  /** The 1-based line (header = 1) where the offending record starts; 0 when not about a line. */
  public int line() {
    return line;
  }

  /** The column name, or null when the problem is not about one column. */
  public String column() {
    return column;
  }
}
