package dev.kairo.autograd;

/**
 * A scope in which no graph is recorded: functions compute their values only, for fast,
 * memory-light inference. The mode is per thread, so inference on many threads never
 * disturbs training on another.
 *
 * <pre>{@code
 * try (NoGrad g = NoGrad.enter()) {
 *   Variable y = model.forward(x);   // y has no creator and needs no gradient
 * }
 * }</pre>
 */
public final class NoGrad implements AutoCloseable {
  private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);
  private boolean closed;

  private NoGrad() {}

  /** Enters a no-grad scope on this thread; close it (try-with-resources) to leave. */
  public static NoGrad enter() {
    DEPTH.get()[0]++;
    return new NoGrad();
  }

  /** Whether graphs are being recorded on this thread. */
  public static boolean isGradEnabled() {
    return DEPTH.get()[0] == 0;
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      DEPTH.get()[0]--;
    }
  }
}
