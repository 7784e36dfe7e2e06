/**
 * The IDX file format of MNIST and Fashion-MNIST: {@link dev.kairo.data.idx.IdxReader} reads a
 * plain or gzip-compressed file into an {@link dev.kairo.data.idx.IdxArray}, checking the header
 * before it allocates anything and refusing malformed files with an
 * {@link dev.kairo.data.idx.IdxFormatException} that names the file.
 *
 * <pre>{@code
 * IdxArray labels = IdxReader.read(Path.of("/usr/share/datasets/fashion-mnist/t10k-labels-idx1-ubyte.gz"));
 * labels.shape();      // [10000]
 * labels.getInt(0);    // 9 (ankle boot)
 * }</pre>
 */
package dev.kairo.data.idx;
