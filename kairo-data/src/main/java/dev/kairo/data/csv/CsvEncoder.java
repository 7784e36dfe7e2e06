package dev.kairo.data.csv;

import dev.kairo.data.TensorDataset;
import dev.kairo.data.csv.CsvColumn.Encoding;
import dev.kairo.data.csv.CsvColumn.Kind;
import dev.kairo.data.csv.CsvReader.MissingPolicy;
import dev.kairo.data.csv.CsvReader.TargetKind;
import dev.kairo.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns tokenized rows into a {@link CsvData}. One pass in file order checks every cell (so
 * the error reported is the first one in the file) and parses the numbers; the schema is then
 * learned (or taken as given); a second pass writes the floats.
 */
final class CsvEncoder {
  // Plain decimals only: Java's parseDouble would also take "1f", "0x1p3" and "Infinity".
  private static final Pattern NUMBER =
      Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

  private final CsvReader opt;
  private final String source;
  private final String[] names;
  private final List<CsvTokenizer.Row> rows;
  private final CsvSchema given;
  private final int[] cols;       // header positions of the features, then the target last
  private final String[] colName;
  private final Kind[] forced;    // a kind known before reading the values, else null
  private double[] numbers;       // [row * columns + col]: NaN when missing or not a number
  private boolean[] keep;
  private int kept;

  CsvEncoder(CsvReader opt, String source, String[] names, int headerLine,
      List<CsvTokenizer.Row> rows, CsvSchema given) throws CsvException {
    this.opt = opt;
    this.source = source;
    this.names = names;
    this.rows = rows;
    this.given = given;
    List<String> header = List.of(names);
    for (String named : named()) {
      if (!header.contains(named)) {
        throw new CsvException(source, headerLine, named, "no such column in the header; the"
            + " columns are " + header);
      }
    }
    List<String> used = new ArrayList<>();
    if (given != null) {
      for (CsvColumn c : given.features()) {
        used.add(c.name());
      }
      if (!given.target().name().equals(opt.target)) {
        throw new IllegalArgumentException("CsvReader: the schema's target is '"
            + given.target().name() + "' but this reader's is '" + opt.target + "'");
      }
    } else {
      for (String n : names) {
        if (!n.equals(opt.target) && !opt.ignored.contains(n)) {
          used.add(n);
        }
      }
    }
    used.add(opt.target);
    int k = used.size();
    cols = new int[k];
    colName = used.toArray(new String[0]);
    forced = new Kind[k];
    for (int c = 0; c < k; c++) {
      cols[c] = header.indexOf(colName[c]);
      if (given != null && c < k - 1) {
        forced[c] = given.features().get(c).kind();
      } else if (c < k - 1) {
        forced[c] = opt.kinds.get(colName[c]);
      }
    }
    if (given != null) {
      forced[k - 1] = given.target().kind();
    } else if (opt.targetKind == TargetKind.REGRESSION) {
      forced[k - 1] = Kind.NUMERIC;
    } else if (opt.targetKind == TargetKind.CLASSES) {
      forced[k - 1] = Kind.CATEGORICAL;
    }
  }

  /** The columns that must be in the header: a misspelt option is an error, not a no-op. */
  private List<String> named() {
    List<String> out = new ArrayList<>();
    if (given != null) {
      // The schema decides; options about other columns were for the training file.
      for (CsvColumn c : given.features()) {
        out.add(c.name());
      }
    } else {
      out.addAll(opt.kinds.keySet());
      out.addAll(opt.ignored);
    }
    out.add(opt.target);
    return out;
  }

  private CsvException error(CsvTokenizer.Row r, int c, String problem) {
    return new CsvException(source, r.line(), colName[c], cols[c] + 1, problem);
  }

  private boolean missing(String v) {
    return opt.missingTokens.contains(v);
  }

  CsvData encode() throws CsvException {
    check();
    CsvSchema schema = given != null ? given : learn();
    return new CsvData(write(schema), schema, rows.size() - kept);
  }

  /** Pass 1, in file order: missing values, numbers, categories the schema does not know. */
  private void check() throws CsvException {
    int k = cols.length;
    numbers = new double[rows.size() * k];
    keep = new boolean[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      CsvTokenizer.Row r = rows.get(i);
      keep[i] = true;
      for (int c = 0; c < k; c++) {
        String raw = r.fields()[cols[c]];
        String v = raw.trim();
        numbers[i * cols.length + c] = Double.NaN;
        if (missing(v)) {
          boolean isTarget = c == k - 1;
          if (opt.missingPolicy == MissingPolicy.DROP_ROW) {
            keep[i] = false;
          } else if (opt.missingPolicy == MissingPolicy.ERROR || isTarget) {
            throw error(r, c, "missing " + (isTarget ? "target " : "") + "value \"" + raw + "\""
                + (isTarget && opt.missingPolicy == MissingPolicy.FILL
                    ? "; a target cannot be filled in, use MissingPolicy.DROP_ROW"
                    : "; use MissingPolicy.FILL or DROP_ROW to accept missing values"));
          }
          continue;
        }
        if (NUMBER.matcher(v).matches()) {
          numbers[i * cols.length + c] = Double.parseDouble(v);
          if (Math.abs(numbers[i * cols.length + c]) > Float.MAX_VALUE && forced[c] != Kind.CATEGORICAL) {
            throw error(r, c, "number \"" + v + "\" is outside the float32 range");
          }
        } else if (forced[c] == Kind.NUMERIC) {
          throw error(r, c, "bad number \"" + raw + "\"");
        }
        if (given != null && forced[c] == Kind.CATEGORICAL) {
          CsvColumn col = c == k - 1 ? given.target() : given.features().get(c);
          if (col.indexOf(v) < 0) {
            throw error(r, c, "unknown " + (c == k - 1 ? "class" : "category") + " \"" + v
                + "\"; the schema knows " + col.categories());
          }
        }
      }
    }
    for (boolean b : keep) {
      kept += b ? 1 : 0;
    }
  }

  /** The schema of this file: kinds, sorted categories, fill values. */
  private CsvSchema learn() throws CsvException {
    int k = cols.length;
    List<CsvColumn> features = new ArrayList<>();
    CsvColumn target = null;
    for (int c = 0; c < k; c++) {
      boolean numeric = forced[c] != null ? forced[c] == Kind.NUMERIC : allNumbers(c);
      boolean isTarget = c == k - 1;
      CsvColumn col;
      if (numeric) {
        col = new CsvColumn(colName[c], Kind.NUMERIC, null, List.of(), mean(c));
      } else {
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
          String v = rows.get(i).fields()[cols[c]].trim();
          if (keep[i] && !missing(v)) {
            counts.merge(v, 1, Integer::sum);
          }
        }
        List<String> cats = sorted(counts.keySet());
        int mode = -1;
        for (int j = 0; j < cats.size(); j++) {
          if (mode < 0 || counts.get(cats.get(j)) > counts.get(cats.get(mode))) {
            mode = j;
          }
        }
        Encoding enc = isTarget ? Encoding.INDEX
            : opt.encodings.getOrDefault(colName[c], opt.defaultEncoding);
        col = new CsvColumn(colName[c], Kind.CATEGORICAL, enc, cats, mode < 0 ? Double.NaN : mode);
      }
      if (isTarget) {
        target = col;
      } else {
        features.add(col);
      }
    }
    return new CsvSchema(features, target);
  }

  private boolean allNumbers(int c) {
    for (int i = 0; i < rows.size(); i++) {
      if (keep[i] && Double.isNaN(numbers[i * cols.length + c]) && !missing(rows.get(i).fields()[cols[c]].trim())) {
        return false;
      }
    }
    return true;
  }

  private double mean(int c) {
    double sum = 0;
    int n = 0;
    for (int i = 0; i < rows.size(); i++) {
      if (keep[i] && !Double.isNaN(numbers[i * cols.length + c])) {
        sum += numbers[i * cols.length + c];
        n++;
      }
    }
    return n == 0 ? Double.NaN : sum / n;
  }

  /** Numerically when every value is a number (so "10" follows "9"), else as strings. */
  private static List<String> sorted(Collection<String> values) {
    boolean numeric = values.stream().allMatch(v -> NUMBER.matcher(v).matches());
    Comparator<String> order = numeric
        ? Comparator.<String>comparingDouble(Double::parseDouble).thenComparing(s -> s)
        : Comparator.naturalOrder();
    List<String> out = new ArrayList<>(values);
    out.sort(order);
    return out;
  }

  /** Pass 2: the floats. */
  private TensorDataset write(CsvSchema schema) throws CsvException {
    int k = cols.length;
    int width = schema.width();
    float[] x = new float[kept * width];
    float[] y = new float[kept];
    int row = 0;
    for (int i = 0; i < rows.size(); i++) {
      if (!keep[i]) {
        continue;
      }
      CsvTokenizer.Row r = rows.get(i);
      int at = row * width;
      for (int c = 0; c < k; c++) {
        boolean isTarget = c == k - 1;
        CsvColumn col = isTarget ? schema.target() : schema.features().get(c);
        String v = r.fields()[cols[c]].trim();
        double value;
        if (missing(v)) {
          value = col.fill();
          if (Double.isNaN(value)) {
            throw error(r, c, "missing value, and the column has no values to fill it from");
          }
        } else if (col.kind() == Kind.NUMERIC) {
          value = numbers[i * cols.length + c];
        } else {
          value = col.indexOf(v);
        }
        if (isTarget) {
          y[row] = (float) value;
        } else if (col.kind() == Kind.CATEGORICAL && col.encoding() == Encoding.ONE_HOT) {
          x[at + (int) value] = 1f;
          at += col.width();
        } else {
          x[at++] = (float) value;
        }
      }
      row++;
    }
    Tensor features = Tensor.of(x, kept, width);
    if (schema.isClassification()) {
      return new TensorDataset(features, Tensor.of(y, kept), schema.classNames().size());
    }
    return new TensorDataset(features, Tensor.of(y, kept, 1));
  }

  @Override
  public String toString() {
    return "CsvEncoder[" + source + ", columns " + Arrays.toString(names) + "]";
  }
}
