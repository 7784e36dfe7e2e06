package dev.kairo.data.csv;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits CSV text into records (RFC 4180): fields separated by the delimiter, records by LF,
 * CRLF or CR; a field in double quotes may hold delimiters, newlines and doubled quotes
 * ({@code ""} for {@code "}). Lenient where files in the wild are: spaces around a quoted
 * field are ignored, a quote inside an unquoted field is kept as text, and empty lines are
 * skipped. Reads through its own buffer, one record at a time, so large files stream.
 */
final class CsvTokenizer {
  /** One record and the 1-based line on which it starts. */
  record Row(int line, String[] fields) {}

  private final Reader in;
  private final String source;
  private final char delimiter;
  private final char[] buf = new char[1 << 16];
  private int len;
  private int pos;
  private int line = 1;
  private boolean eof;

  CsvTokenizer(Reader in, String source, char delimiter) {
    this.in = in;
    this.source = source;
    this.delimiter = delimiter;
  }

  private int peek() throws IOException {
    if (pos == len) {
      if (eof) {
        return -1;
      }
      try {
        len = in.read(buf, 0, buf.length);
      } catch (CharacterCodingException e) {
        // The decoder reads ahead, so the bad bytes are on this line or a later one.
        throw new CsvException(source, line, null, "the text is not valid in the file's character"
            + " set at or after this line (" + e.getMessage() + "); see CsvReader.Builder.charset");
      }
      pos = 0;
      if (len <= 0) {
        len = 0;
        eof = true;
        return -1;
      }
    }
    return buf[pos];
  }

  private int read() throws IOException {
    int c = peek();
    if (c >= 0) {
      pos++;
    }
    return c;
  }

  /** Consumes a line break whose first character was just read (CR may be followed by LF). */
  private void endLine(int c) throws IOException {
    if (c == '\r' && peek() == '\n') {
      pos++;
    }
    line++;
  }

  /** The next record, or null at the end of the input. */
  Row next() throws IOException {
    int c;
    while ((c = peek()) == '\n' || c == '\r') {  // empty lines hold no record
      read();
      endLine(c);
    }
    if (c < 0) {
      return null;
    }
    int start = line;
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    while (true) {
      skipBlanks(field);
      if (peek() == '"') {
        int quoteLine = line;
        read();
        field.setLength(0);
        readQuoted(field, quoteLine);
        while (isBlank(c = peek())) {
          read();
        }
        if (c >= 0 && c != delimiter && c != '\n' && c != '\r') {
          throw new CsvException(source, line, null, "unexpected '" + (char) c + "' after the closing"
              + " quote of field " + (fields.size() + 1) + " (a quote inside a quoted field is"
              + " written \"\")");
        }
      } else {
        while ((c = peek()) >= 0 && c != delimiter && c != '\n' && c != '\r') {
          field.append((char) read());
        }
      }
      fields.add(field.toString());
      field.setLength(0);
      c = read();
      if (c == delimiter) {
        continue;
      }
      if (c == '\n' || c == '\r') {
        endLine(c);
      }
      return new Row(start, fields.toArray(new String[0]));
    }
  }

  private boolean isBlank(int c) {
    return (c == ' ' || c == '\t') && c != delimiter;
  }

  // Leading blanks belong to an unquoted field, but not to a quoted one that follows them.
  private void skipBlanks(StringBuilder field) throws IOException {
    while (isBlank(peek())) {
      field.append((char) read());
    }
  }

  private void readQuoted(StringBuilder field, int quoteLine) throws IOException {
    while (true) {
      int c = read();
      if (c < 0) {
        throw new CsvException(source, quoteLine, null, "a quoted field opened on this line is never"
            + " closed (missing \" before the end of the file)");
      }
      if (c == '"') {
        if (peek() == '"') {
          read();
          field.append('"');
          continue;
        }
        return;
      }
      if (c == '\n' || c == '\r') {
        endLine(c);
        field.append('\n');
        continue;
      }
      field.append((char) c);
    }
  }
}
