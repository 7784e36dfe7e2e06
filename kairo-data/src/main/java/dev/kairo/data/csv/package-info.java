/**
 * CSV files with a header row into datasets: numeric and categorical columns (one-hot or
 * index), a class or regression target chosen by name, missing values by policy, and errors
 * that name the file, line, column and text. The learned {@link dev.kairo.data.csv.CsvSchema}
 * encodes later files (test data, inference inputs) exactly like the training file.
 *
 * <pre>{@code
 * CsvReader reader = CsvReader.builder().target("species").build();
 * CsvData train = reader.read(Path.of("iris.csv"));
 * TensorDataset ds = train.dataset();
 * List<String> classes = train.classNames();
 * }</pre>
 */
package dev.kairo.data.csv;
