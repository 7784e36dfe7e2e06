package dev.kairo.data;

import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Cuts a {@link Dataset} into mini-batches, epoch after epoch: optionally shuffled with a
 * seed, optionally dropping a last partial batch, optionally gathering the next batch on a
 * background thread while the current one trains.
 *
 * <pre>{@code
 * DataLoader loader = DataLoader.builder(train).batchSize(32).shuffle(42).build();
 * for (int epoch = 0; epoch < 10; epoch++) {
 *   for (Batch b : loader) {              // the i-th pass over the loader is epoch i
 *     Tensor x = b.x();                   // [32, ...] (the last batch may be smaller)
 *     int[] y = b.labels();
 *   }
 * }
 * }</pre>
 *
 * <p>Shuffling is reproducible: epoch {@code e} uses a permutation drawn from a generator
 * seeded by mixing the seed with {@code e}, so the same seed gives the same batches in every
 * run, every epoch differs from the last, and {@link #epoch(int)} can replay any epoch (for
 * example after resuming from a checkpoint). Prefetching changes only when a batch is
 * gathered, never what it holds.
 *
 * <p>A {@link BatchTransform} given to {@link Builder#transform} is applied to the features of
 * every batch as it is gathered (on the prefetch thread when there is one), with a generator
 * seeded from the loader's seed, the epoch and the batch number: augmented batches are as
 * reproducible as the order is.
 *
 * <p>The loader holds no thread; each {@link BatchIterator} with prefetch on owns one daemon
 * thread that it releases when exhausted or closed (and that dies on its own about a second
 * after an abandoned iterator stops asking). A loader may be iterated again and again; two
 * iterations may run at once.
 */
public final class DataLoader implements Iterable<Batch> {
  /** Prefetch turns itself on when one batch holds at least this many feature values. */
  public static final int AUTO_PREFETCH_VALUES = 1 << 16;
  private static final long TRANSFORM_STREAM = 0x6A09E667F3BCC909L;

  private final Dataset dataset;
  private final int batchSize;
  private final boolean shuffle;
  private final long seed;
  private final boolean dropLast;
  private final boolean prefetch;
  private final BatchTransform transform;
  private final AtomicInteger nextEpoch = new AtomicInteger();

  private DataLoader(Builder b) {
    this.dataset = b.dataset;
    this.batchSize = b.batchSize;
    this.shuffle = b.shuffle;
    this.seed = b.seed;
    this.dropLast = b.dropLast;
    this.transform = b.transform;
    if (b.prefetch != null) {
      this.prefetch = b.prefetch;
    } else {
      long perSample = 1;
      for (int d : dataset.featureShape()) {
        perSample *= d;
      }
      this.prefetch = numBatches() > 1 && perSample * batchSize >= AUTO_PREFETCH_VALUES;
    }
  }

  /** A builder over {@code dataset}; defaults: batch size 32, no shuffle, keep the last batch, prefetch auto. */
  public static Builder builder(Dataset dataset) {
    return new Builder(dataset);
  }

  /** A loader with the given batch size, in dataset order, keeping the last partial batch. */
  public static DataLoader of(Dataset dataset, int batchSize) {
    return builder(dataset).batchSize(batchSize).build();
  }

  /** The dataset this loader reads. */
  public Dataset dataset() {
    return dataset;
  }

  /** The batch size (the last batch may be smaller unless {@link #dropLast()}). */
  public int batchSize() {
    return batchSize;
  }

  /** Whether a last batch smaller than {@link #batchSize()} is dropped. */
  public boolean dropLast() {
    return dropLast;
  }

  /** Whether batches are gathered one ahead on a background thread. */
  public boolean prefetch() {
    return prefetch;
  }

  /** The transform applied to the features of every batch, or null. */
  public BatchTransform transform() {
    return transform;
  }

  /** The number of batches in one epoch. */
  public int numBatches() {
    int n = dataset.size();
    return dropLast ? n / batchSize : (n + batchSize - 1) / batchSize;
  }

  /**
   * The order in which epoch {@code epoch} visits the samples: {@code [0, 1, ..., N-1]}
   * without shuffle, else a permutation that depends only on the seed and the epoch.
   */
  public int[] order(int epoch) {
    int n = dataset.size();
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    if (shuffle) {
      SplittableRandom rng = new SplittableRandom(epochSeed(seed, epoch));
      for (int i = n - 1; i > 0; i--) {
        int j = rng.nextInt(i + 1);
        int t = p[i];
        p[i] = p[j];
        p[j] = t;
      }
    }
    return p;
  }

  // SplitMix64's finalizer over (seed, epoch): neighbouring epochs get unrelated streams.
  static long epochSeed(long seed, int epoch) {
    long z = seed + 0x9E3779B97F4A7C15L * (epoch + 1L);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /**
   * The batches of the next epoch: the first call is epoch 0, the second epoch 1, and so on.
   * Close the iterator (or run it to the end) to release its prefetch thread at once.
   */
  @Override
  public BatchIterator iterator() {
    return epoch(nextEpoch.getAndIncrement());
  }

  /** The batches of epoch {@code epoch}, whatever has been iterated before. */
  public BatchIterator epoch(int epoch) {
    if (epoch < 0) {
      throw new IllegalArgumentException("DataLoader.epoch: epoch must be >= 0, got " + epoch);
    }
    // A stream of its own for the transform: unrelated to the shuffle's, fixed per epoch.
    long transformSeed = epochSeed(seed ^ TRANSFORM_STREAM, epoch);
    return new BatchIterator(dataset, order(epoch), batchSize, numBatches(), prefetch, transform,
        transformSeed);
  }

  @Override
  public String toString() {
    return "DataLoader[size=" + dataset.size() + ", batchSize=" + batchSize + ", batches="
        + numBatches() + (shuffle ? ", shuffle seed=" + seed : "") + (dropLast ? ", dropLast" : "")
        + (prefetch ? ", prefetch" : "") + (transform != null ? ", transform" : "") + "]";
  }

  /**
   * Options for a {@link DataLoader}.
   *
   * <pre>{@code
   * DataLoader loader = DataLoader.builder(ds).batchSize(64).shuffle(7).dropLast(true).build();
   * }</pre>
   */
  public static final class Builder {
    private final Dataset dataset;
    private int batchSize = 32;
    private boolean shuffle;
    private long seed;
    private boolean dropLast;
    private Boolean prefetch;
    private BatchTransform transform;

    private Builder(Dataset dataset) {
      if (dataset == null) {
        throw new IllegalArgumentException("DataLoader: dataset is null");
      }
      this.dataset = dataset;
    }

    /** Samples per batch, at least 1. */
    public Builder batchSize(int batchSize) {
      if (batchSize < 1) {
        throw new IllegalArgumentException("DataLoader: batch size must be >= 1, got " + batchSize);
      }
      this.batchSize = batchSize;
      return this;
    }

    /** Shuffle every epoch with a permutation derived from {@code seed} and the epoch number. */
    public Builder shuffle(long seed) {
      this.shuffle = true;
      this.seed = seed;
      return this;
    }

    /** Keep dataset order (the default). */
    public Builder noShuffle() {
      this.shuffle = false;
      return this;
    }

    /** Drop a last batch smaller than the batch size (default false: it is kept). */
    public Builder dropLast(boolean dropLast) {
      this.dropLast = dropLast;
      return this;
    }

    /**
     * Gather the next batch on a background daemon thread (default: on when one batch holds at
     * least {@link DataLoader#AUTO_PREFETCH_VALUES} feature values, where it pays for the hand-off).
     */
    public Builder prefetch(boolean prefetch) {
      this.prefetch = prefetch;
      return this;
    }

    /**
     * Applies {@code transform} to the features of every batch as it is gathered, with a
     * generator seeded from the {@link #shuffle(long) shuffle seed} (0 without shuffle), the
     * epoch and the batch number; null for none (the default).
     */
    public Builder transform(BatchTransform transform) {
      this.transform = transform;
      return this;
    }

    /** The loader. */
    public DataLoader build() {
      return new DataLoader(this);
    }
  }
}
