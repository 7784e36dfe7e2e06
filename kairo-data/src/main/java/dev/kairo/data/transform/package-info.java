/**
 * Fitted feature transforms ({@link dev.kairo.data.transform.Standardizer},
 * {@link dev.kairo.data.transform.MinMaxScaler}) and one-hot encoding of labels. A transform
 * is fitted once on training features and then applied, unchanged, to validation, test and
 * inference inputs, so no statistic of held-out data leaks into training.
 *
 * <pre>{@code
 * Standardizer s = Standardizer.fit(split.train().features());
 * TensorDataset train = s.transform(split.train());
 * TensorDataset test = s.transform(split.test());
 * }</pre>
 */
package dev.kairo.data.transform;
