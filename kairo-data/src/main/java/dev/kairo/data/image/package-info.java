/**
 * Real images: {@link dev.kairo.data.image.FashionMnist} and {@link dev.kairo.data.image.Mnist}
 * (IDX files; MNIST downloaded and verified), {@link dev.kairo.data.image.ImageFolder} (one
 * sub-folder of PNG/JPEG files per class), all as an {@link dev.kairo.data.image.ImageDataset}
 * of 8-bit pixels handed out as {@code [N, C, H, W]} floats in {@code [0, 1]}, and
 * {@link dev.kairo.data.image.ImageTransforms} (normalize, random crop, random flip) for a
 * {@link dev.kairo.data.DataLoader}.
 *
 * <pre>{@code
 * ImageDataset train = FashionMnist.load(MnistSplit.TRAIN);
 * DataLoader loader = DataLoader.builder(train).batchSize(128).shuffle(0)
 *     .transform(ImageTransforms.randomHorizontalFlip(0.5)).build();
 * for (Batch b : loader) {
 *   Tensor x = b.x();        // [128, 1, 28, 28]
 *   int[] y = b.labels();    // 0..9
 * }
 * }</pre>
 */
package dev.kairo.data.image;
