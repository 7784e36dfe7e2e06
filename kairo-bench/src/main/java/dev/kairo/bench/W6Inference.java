package dev.kairo.bench;

import dev.kairo.autograd.NoGrad;
import dev.kairo.autograd.Variable;
import dev.kairo.functions.F;
import dev.kairo.models.ImageClassifiers;
import dev.kairo.nn.Predictor;
import dev.kairo.nn.Sequential;
import dev.kairo.tensor.Tensor;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * Workload W6 of WORKLOADS.md: W2's network, untrained, in evaluation mode with no graph,
 * returning softmax probabilities. Single sample [1, 784]: 1000 warm-up calls, then 10,000
 * calls each timed, median in microseconds; batch [128, 784]: 20 warm-up and 200 timed calls,
 * samples per second. Prints one JSON line.
 *
 * <p>The calls go through a {@link Predictor}, Kairo's inference API, which packs this plain
 * MLP's weights for inference when it is made. {@code --module 1} times
 * {@code F.softmax(net.forward(x))} under {@link NoGrad} instead, the layer-by-layer ops.
 * {@code --trace 1} also prints, on standard error, how the timed calls evolve: the median of
 * each block of 1,000 single-sample calls and the mean of each block of 20 batch calls (the
 * JIT's warm-up shows there; see docs/benchmarks.md).
 *
 * <pre>
 * java -cp kairo-bench/target/kairo-bench.jar dev.kairo.bench.W6Inference [--module 1] [--trace 1]
 * </pre>
 */
public final class W6Inference {
  private W6Inference() {}

  public static void main(String[] args) {
    boolean trace = BenchArgs.intOption(args, "--trace", 0) != 0;
    boolean module = BenchArgs.intOption(args, "--module", 0) != 0;
    Sequential net = ImageClassifiers.mlp(0);
    net.eval();
    Predictor predictor = Predictor.of(net);
    Tensor one = Tensor.uniform(0, 1, new java.util.SplittableRandom(1), 1, 784);
    Tensor batch = Tensor.uniform(0, 1, new java.util.SplittableRandom(2), 128, 784);
    UnaryOperator<Tensor> probabilities = module
        ? x -> F.softmax(net.forward(Variable.of(x))).data() : predictor::probabilities;
    double checksum = 0;
    long[] times = new long[10_000];
    try (NoGrad g = NoGrad.enter()) {
      for (int i = 0; i < 1000; i++) {
        checksum += probabilities.apply(one).get(0, 0);
      }
      if (trace) {
        printPhaseStart("single-sample");
      }
      for (int i = 0; i < times.length; i++) {
        long t0 = System.nanoTime();
        Tensor p = probabilities.apply(one);
        times[i] = System.nanoTime() - t0;
        checksum += p.get(0, 0);
      }
      for (int i = 0; i < 20; i++) {
        checksum += probabilities.apply(batch).get(0, 0);
      }
      long[] batchTimes = new long[200];
      if (trace) {
        printPhaseStart("batch");
      }
      long t0 = System.nanoTime();
      for (int i = 0; i < 200; i++) {
        long c0 = trace ? System.nanoTime() : 0;
        checksum += probabilities.apply(batch).get(0, 0);
        batchTimes[i] = trace ? System.nanoTime() - c0 : 0;
      }
      double batchSeconds = (System.nanoTime() - t0) / 1e9;
      if (trace) {
        printTrace(times, batchTimes);
      }
      Arrays.sort(times);
      double medianUs = times[times.length / 2] / 1e3;
      System.out.println(String.format(Locale.ROOT,
          "{\"workload\": \"W6\", \"impl\": \"kairo\", \"latency_us\": %.2f, \"batch_samples_per_s\": %.1f,"
              + " \"metric\": %.6f, \"metric_name\": \"checksum\", \"peak_rss_mib\": %.1f}",
          medianUs, 200 * 128 / batchSeconds, checksum, BenchOutput.peakRssMib()));
    }
  }

  /** When a timed phase starts, in JVM uptime, to line compile logs up with the windows. */
  private static void printPhaseStart(String phase) {
    System.err.println("W6 trace: " + phase + " timing starts at JVM uptime ms "
        + java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime());
  }

  /** Medians of each 1,000 single-sample calls and means of each 20 batch calls, in µs. */
  private static void printTrace(long[] single, long[] batch) {
    StringBuilder medians = new StringBuilder();
    for (int from = 0; from < single.length; from += 1000) {
      long[] block = Arrays.copyOfRange(single, from, Math.min(single.length, from + 1000));
      Arrays.sort(block);
      medians.append(String.format(Locale.ROOT, " %.1f", block[block.length / 2] / 1e3));
    }
    StringBuilder means = new StringBuilder();
    for (int from = 0; from < batch.length; from += 20) {
      long sum = 0;
      int to = Math.min(batch.length, from + 20);
      for (int i = from; i < to; i++) {
        sum += batch[i];
      }
      means.append(String.format(Locale.ROOT, " %.0f", sum / 1e3 / (to - from)));
    }
    System.err.println("W6 trace: single-sample median per 1,000 timed calls, µs:" + medians);
    System.err.println("W6 trace: batch mean per 20 timed calls, µs:" + means);
  }
}
