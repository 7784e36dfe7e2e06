package dev.kairo.data.csv;

import java.util.ArrayList;
import java.util.List;

/**
 * The encoding learned from a training file: its feature columns in order, and its target.
 * Reading another file with the same schema ({@link CsvReader#read(java.nio.file.Path,
 * CsvSchema)}) encodes it exactly like the training data: same features, same category
 * indices, same class indices, same fill values.
 *
 * <pre>{@code
 * CsvData train = reader.read(Path.of("train.csv"));
 * CsvData test = reader.read(Path.of("test.csv"), train.schema());
 * train.schema().featureNames();   // [age, color=blue, color=red, ...]
 * }</pre>
 *
 * @param features the feature columns, in the order their features appear
 * @param target the target column: categorical (classes) or numeric (regression)
 */
public record CsvSchema(List<CsvColumn> features, CsvColumn target) {
  /** Copies the list. */
  public CsvSchema {
    features = List.copyOf(features);
  }

  /** The feature names after one-hot expansion, in tensor column order. */
  public List<String> featureNames() {
    List<String> out = new ArrayList<>();
    for (CsvColumn c : features) {
      out.addAll(c.featureNames());
    }
    return out;
  }

  /** The number of features after expansion. */
  public int width() {
    int w = 0;
    for (CsvColumn c : features) {
      w += c.width();
    }
    return w;
  }

  /** Whether the target holds classes (its categories are the class names). */
  public boolean isClassification() {
    return target.kind() == CsvColumn.Kind.CATEGORICAL;
  }

  /** The class names in index order; empty for a regression target. */
  public List<String> classNames() {
    return target.categories();
  }

  /**
   * The feature column with this header name.
   *
   * @throws IllegalArgumentException when there is none
   */
  public CsvColumn feature(String name) {
    for (CsvColumn c : features) {
      if (c.name().equals(name)) {
        return c;
      }
    }
    List<String> names = new ArrayList<>();
    for (CsvColumn c : features) {
      names.add(c.name());
    }
    throw new IllegalArgumentException("no feature column '" + name + "'; the features are " + names);
  }
}
