package dev.kairo.data.csv;

import dev.kairo.data.csv.CsvColumn.Encoding;
import dev.kairo.data.csv.CsvColumn.Kind;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a CSV file with a header row into a {@link CsvData}: numeric columns become features,
 * categorical (string) columns become one-hot or index features, and one column, chosen by
 * name, becomes the target (class indices, or a numeric regression value).
 *
 * <pre>{@code
 * CsvReader reader = CsvReader.builder()
 *     .target("species")                       // class names -> indices, sorted
 *     .categorical("island", Encoding.INDEX)   // else auto-detected, one-hot
 *     .ignore("id")
 *     .missingPolicy(CsvReader.MissingPolicy.FILL)
 *     .build();
 * CsvData train = reader.read(Path.of("penguins-train.csv"));
 * CsvData test = reader.read(Path.of("penguins-test.csv"), train.schema());
 * }</pre>
 *
 * <p>A column is categorical when any non-missing value is not a number (declare it with
 * {@link Builder#categorical} or {@link Builder#numeric} to decide yourself). Values are
 * trimmed; a missing value is an empty field or one of the missing tokens ({@code NA} and
 * {@code ?} by default). Every problem is a {@link CsvException} naming the file, the
 * 1-based line (the header is line 1), the column and the offending text, and nothing is
 * guessed: a row with the wrong number of fields, a bad number in a numeric column, a
 * category the schema has never seen, or a missing value (unless the policy says otherwise)
 * stops the read. The parser is a small RFC 4180 one (quoted fields with delimiters,
 * newlines and {@code ""}): Apache Commons CSV reads the same grammar, but would be a
 * dependency for about a hundred lines of well-tested code, and the line numbers the
 * messages need are easier to keep in our own.
 * A reader is immutable and may be shared.
 */
public final class CsvReader {
  /**
   * What to do with a missing value in a feature column.
   *
   * <pre>{@code
   * CsvReader.builder().target("y").missingPolicy(CsvReader.MissingPolicy.FILL).build();
   * }</pre>
   */
  public enum MissingPolicy {
    /** Stop with an error naming the line and the column (the default). */
    ERROR,
    /** Use the column's training mean (numeric) or most frequent category (categorical). */
    FILL,
    /** Leave the row out (counted in {@link CsvData#droppedRows()}). */
    DROP_ROW
  }

  /**
   * How the target column is read.
   *
   * <pre>{@code
   * CsvReader.builder().target("digit").targetKind(CsvReader.TargetKind.CLASSES).build();
   * }</pre>
   */
  public enum TargetKind {
    /** Classes when any value is not a number, else a regression value (the default). */
    AUTO,
    /** Classes, even when the class names are numbers. */
    CLASSES,
    /** A numeric regression value; anything else is a bad number. */
    REGRESSION
  }

  final String target;
  final TargetKind targetKind;
  final Map<String, Kind> kinds;
  final Map<String, Encoding> encodings;
  final Encoding defaultEncoding;
  final Set<String> ignored;
  final Set<String> missingTokens;
  final MissingPolicy missingPolicy;
  final char delimiter;
  final Charset charset;

  private CsvReader(Builder b) {
    if (b.target == null) {
      throw new IllegalArgumentException("CsvReader: no target column; call target(\"name\")");
    }
    if (b.kinds.containsKey(b.target)) {
      throw new IllegalArgumentException("CsvReader: target column '" + b.target + "' was declared"
          + " numeric or categorical; use targetKind(...) for the target");
    }
    if (b.ignored.contains(b.target)) {
      throw new IllegalArgumentException("CsvReader: target column '" + b.target
          + "' is also ignored");
    }
    this.target = b.target;
    this.targetKind = b.targetKind;
    this.kinds = Map.copyOf(b.kinds);
    this.encodings = Map.copyOf(b.encodings);
    this.defaultEncoding = b.defaultEncoding;
    this.ignored = Set.copyOf(b.ignored);
    this.missingTokens = Set.copyOf(b.missingTokens);
    this.missingPolicy = b.missingPolicy;
    this.delimiter = b.delimiter;
    this.charset = b.charset;
  }

  /** A builder; {@link Builder#target(String)} is required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Reads a file, learning the schema from it.
   *
   * @throws CsvException when the file's content is not as described (names line and column)
   * @throws IOException when the file cannot be read
   */
  public CsvData read(Path file) throws IOException {
    return read(file, null);
  }

  /**
   * Reads a file and encodes it with a schema learned from another file (by column name; the
   * order of columns may differ and columns outside the schema are ignored).
   *
   * @param schema the schema to apply, or null to learn one from this file
   */
  public CsvData read(Path file, CsvSchema schema) throws IOException {
    try (Reader in = Files.newBufferedReader(file, charset)) {
      return read(in, file.toString(), schema);
    }
  }

  /**
   * Reads CSV text from {@code in} (not closed here).
   *
   * @param source the name used in error messages, e.g. the file name or a URL
   * @param schema the schema to apply, or null to learn one from this text
   */
  public CsvData read(Reader in, String source, CsvSchema schema) throws IOException {
    CsvTokenizer tokens = new CsvTokenizer(in, source, delimiter);
    CsvTokenizer.Row header = tokens.next();
    if (header == null) {
      throw new CsvException(source, 0, null, "the file is empty: no header row");
    }
    String[] names = header.fields();
    if (names.length > 0 && !names[0].isEmpty() && names[0].charAt(0) == '\uFEFF') {
      names[0] = names[0].substring(1);  // a UTF-8 byte-order mark, as spreadsheet tools write
    }
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < names.length; i++) {
      names[i] = names[i].trim();
      if (names[i].isEmpty()) {
        throw new CsvException(source, header.line(), null, "header field " + (i + 1)
            + " is empty; every column needs a name");
      }
      Integer before = seen.put(names[i], i);
      if (before != null) {
        throw new CsvException(source, header.line(), names[i], "the name appears twice in the"
            + " header (fields " + (before + 1) + " and " + (i + 1) + ")");
      }
    }
    List<CsvTokenizer.Row> rows = new ArrayList<>();
    for (CsvTokenizer.Row r; (r = tokens.next()) != null; ) {
      if (r.fields().length != names.length) {
        throw new CsvException(source, r.line(), null, "expected " + names.length
            + " fields (as in the header) but found " + r.fields().length + ": " + preview(r)
            + " (a value holding the delimiter must be quoted)");
      }
      rows.add(r);
    }
    return new CsvEncoder(this, source, names, header.line(), rows, schema).encode();
  }

  private static String preview(CsvTokenizer.Row r) {
    String s = String.join("|", r.fields());
    return s.length() > 80 ? s.substring(0, 77) + "..." : s;
  }

  /**
   * Options of a {@link CsvReader}.
   *
   * <pre>{@code
   * CsvReader r = CsvReader.builder().target("price").targetKind(TargetKind.REGRESSION)
   *     .delimiter(';').missing("", "NA", "n/a").build();
   * }</pre>
   */
  public static final class Builder {
    private String target;
    private TargetKind targetKind = TargetKind.AUTO;
    private final Map<String, Kind> kinds = new HashMap<>();
    private final Map<String, Encoding> encodings = new HashMap<>();
    private Encoding defaultEncoding = Encoding.ONE_HOT;
    private final Set<String> ignored = new LinkedHashSet<>();
    private final Set<String> missingTokens = new LinkedHashSet<>(List.of("", "NA", "?"));
    private MissingPolicy missingPolicy = MissingPolicy.ERROR;
    private char delimiter = ',';
    private Charset charset = StandardCharsets.UTF_8;

    private Builder() {}

    /** The target column's header name (required). */
    public Builder target(String column) {
      this.target = column;
      return this;
    }

    /** How the target is read (default {@link TargetKind#AUTO}). */
    public Builder targetKind(TargetKind kind) {
      this.targetKind = kind;
      return this;
    }

    /** Treats a column as categorical, with the default encoding. */
    public Builder categorical(String column) {
      kinds.put(column, Kind.CATEGORICAL);
      return this;
    }

    /** Treats a column as categorical, with the given encoding. */
    public Builder categorical(String column, Encoding encoding) {
      kinds.put(column, Kind.CATEGORICAL);
      encodings.put(column, encoding);
      return this;
    }

    /** Treats a column as numeric: a value that is not a number is an error. */
    public Builder numeric(String column) {
      kinds.put(column, Kind.NUMERIC);
      return this;
    }

    /** Leaves columns out (ids, free text, leaked answers). */
    public Builder ignore(String... columns) {
      ignored.addAll(List.of(columns));
      return this;
    }

    /** The encoding of categorical columns not given one (default {@link Encoding#ONE_HOT}). */
    public Builder encoding(Encoding encoding) {
      this.defaultEncoding = encoding;
      return this;
    }

    /** The tokens (after trimming) that mean "missing"; default {@code "", "NA", "?"}. */
    public Builder missing(String... tokens) {
      missingTokens.clear();
      for (String t : tokens) {
        missingTokens.add(t.trim());  // values are trimmed before the comparison
      }
      return this;
    }

    /** What to do with missing feature values (default {@link MissingPolicy#ERROR}). */
    public Builder missingPolicy(MissingPolicy policy) {
      this.missingPolicy = policy;
      return this;
    }

    /** The field delimiter (default {@code ','}); not a quote or a line break. */
    public Builder delimiter(char delimiter) {
      if (delimiter == '"' || delimiter == '\n' || delimiter == '\r') {
        throw new IllegalArgumentException("CsvReader: the delimiter cannot be a quote or a line"
            + " break");
      }
      this.delimiter = delimiter;
      return this;
    }

    /** The file encoding (default UTF-8). */
    public Builder charset(Charset charset) {
      this.charset = charset;
      return this;
    }

    /** The reader. */
    public CsvReader build() {
      return new CsvReader(this);
    }
  }
}
