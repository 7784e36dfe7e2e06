/**
 * Data for training: {@link dev.kairo.data.Dataset} and {@link dev.kairo.data.TensorDataset}
 * (features and targets as tensors), {@link dev.kairo.data.DataLoader} (seeded shuffled
 * mini-batches with optional background prefetch), {@link dev.kairo.data.Splits}
 * (train/validation/test, optionally stratified) and {@link dev.kairo.data.NumpyRandomState}
 * (NumPy's legacy generator, for values that must match a Python recipe).
 *
 * <p>Data is numbers: nothing here knows about gradients or layers. Sub-packages hold the
 * generators ({@code generate}), the CSV reader ({@code csv}), fitted feature transforms
 * ({@code transform}), the IDX reader ({@code idx}), real images (MNIST, Fashion-MNIST, image
 * folders and image augmentation: {@code image}) and verified, resumable downloads
 * ({@code download}). A {@link dev.kairo.data.BatchTransform} given to the loader changes every
 * batch as it is gathered.
 *
 * <pre>{@code
 * TensorDataset moons = Generators.makeMoons(200, 0.20, 0);
 * Splits.Split s = Splits.stratifiedTrainTest(moons, 0.25, 0);
 * DataLoader loader = DataLoader.builder(s.train()).batchSize(16).shuffle(1).build();
 * for (Batch b : loader) {
 *   Tensor x = b.x();          // [16, 2]
 *   int[] y = b.labels();      // 0 or 1
 * }
 * }</pre>
 */
package dev.kairo.data;
