package dev.kairo.data.csv;

import dev.kairo.data.TensorDataset;
import java.util.List;

/**
 * What {@link CsvReader} returns: the numbers as a {@link TensorDataset} (features
 * {@code [rows, width]}, targets {@code [rows]} class indices or {@code [rows, 1]} values)
 * and the {@link CsvSchema} that says what each column of the tensor means.
 *
 * <pre>{@code
 * CsvData data = CsvReader.builder().target("species").build().read(Path.of("iris.csv"));
 * TensorDataset ds = data.dataset();
 * data.featureNames();   // [sepal_length, sepal_width, petal_length, petal_width]
 * data.classNames();     // [setosa, versicolor, virginica]: class i is classNames().get(i)
 * }</pre>
 *
 * @param dataset the encoded rows
 * @param schema the encoding, reusable for other files
 * @param droppedRows how many rows {@link CsvReader.MissingPolicy#DROP_ROW} left out
 */
public record CsvData(TensorDataset dataset, CsvSchema schema, int droppedRows) {
  /** The feature names after one-hot expansion, in tensor column order. */
  public List<String> featureNames() {
    return schema.featureNames();
  }

  /** The class names in index order; empty for a regression target. */
  public List<String> classNames() {
    return schema.classNames();
  }

  /** The target column's header name. */
  public String targetName() {
    return schema.target().name();
  }
}
