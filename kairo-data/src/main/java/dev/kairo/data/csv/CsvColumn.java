package dev.kairo.data.csv;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How one CSV column becomes numbers: a numeric column is one feature; a categorical column
 * is either one feature per category (one-hot, named {@code column=category}) or one feature
 * holding the category's index. The categories are sorted (numerically when they are all
 * numbers, else as strings), so the encoding does not depend on row order.
 *
 * <pre>{@code
 * CsvColumn color = data.schema().feature("color");
 * color.kind();          // CATEGORICAL
 * color.categories();    // [blue, green, red]
 * color.featureNames();  // [color=blue, color=green, color=red]
 * }</pre>
 *
 * <p>The fill value is what a missing cell becomes under {@link CsvReader.MissingPolicy#FILL}:
 * the training mean of a numeric column, the index of the most frequent category (the first
 * in sorted order on ties) of a categorical one, NaN when the column had no values.
 */
public final class CsvColumn {
  /**
   * What the column holds.
   *
   * <pre>{@code
   * if (column.kind() == CsvColumn.Kind.CATEGORICAL) { ... column.categories() ... }
   * }</pre>
   */
  public enum Kind {
    /** Numbers: one float feature. */
    NUMERIC,
    /** Strings (or numbers used as names): encoded by category. */
    CATEGORICAL
  }

  /**
   * How a categorical column becomes features.
   *
   * <pre>{@code
   * CsvReader.builder().target("y").categorical("zip", CsvColumn.Encoding.INDEX).build();
   * }</pre>
   */
  public enum Encoding {
    /** One 0/1 feature per category. */
    ONE_HOT,
    /** One feature: the category's index in {@link #categories()}. */
    INDEX
  }

  private final String name;
  private final Kind kind;
  private final Encoding encoding;
  private final List<String> categories;
  private final double fill;
  private final Map<String, Integer> index = new HashMap<>();

  CsvColumn(String name, Kind kind, Encoding encoding, List<String> categories, double fill) {
    this.name = name;
    this.kind = kind;
    this.encoding = kind == Kind.NUMERIC ? null : encoding;
    this.categories = List.copyOf(categories);
    this.fill = fill;
    for (int i = 0; i < this.categories.size(); i++) {
      index.put(this.categories.get(i), i);
    }
  }

  /** The header name. */
  public String name() {
    return name;
  }

  /** Numeric or categorical. */
  public Kind kind() {
    return kind;
  }

  /** The encoding of a categorical column (null for a numeric one). */
  public Encoding encoding() {
    return encoding;
  }

  /** The sorted categories (class names for a class target); empty for a numeric column. */
  public List<String> categories() {
    return categories;
  }

  /** The value a missing cell is filled with (see the class comment); NaN when unknown. */
  public double fill() {
    return fill;
  }

  /** How many features the column becomes. */
  public int width() {
    return kind == Kind.CATEGORICAL && encoding == Encoding.ONE_HOT ? categories.size() : 1;
  }

  /** The names of the features the column becomes: {@code name}, or {@code name=category} per category. */
  public List<String> featureNames() {
    if (!(kind == Kind.CATEGORICAL && encoding == Encoding.ONE_HOT)) {
      return List.of(name);
    }
    List<String> out = new ArrayList<>();
    for (String c : categories) {
      out.add(name + "=" + c);
    }
    return out;
  }

  /** The index of a category, or -1 when it is not one of this column's. */
  int indexOf(String category) {
    Integer i = index.get(category);
    return i == null ? -1 : i;
  }

  @Override
  public String toString() {
    return name + " (" + kind + (kind == Kind.CATEGORICAL ? ", " + encoding + ", " + categories : "")
        + ")";
  }
}
