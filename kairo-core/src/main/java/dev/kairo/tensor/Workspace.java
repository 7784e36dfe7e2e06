package dev.kairo.tensor;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Output arrays kept from one forward pass to the next, for a model that runs the same pass
 * again and again without recording a graph (inference). A kernel asks {@link #floats} for
 * its output; while a workspace is active on the calling thread the answer is an array of that
 * length kept from an earlier pass and not yet handed out in this one (old contents still in
 * it), otherwise a new one, which is kept for the passes after. Arrays are matched by length,
 * so a model that sees single samples and batches in turn keeps both sets.
 *
 * <p>Why: a JVM hands every new array fresh heap. In a short run that heap has never been
 * touched, and each 4 KiB page costs the kernel a fault and a clearing: W6's batch of 128
 * through W2's network allocates 205 KiB per call, 51 page faults, and in its 200 timed calls
 * that was about a quarter of the time (the same run with a pre-touched heap: 453,000 samples/s
 * against 343,000, medians of 6). PyTorch's allocator hands the freed blocks straight back.
 * Reused arrays are also still in cache.
 *
 * <p>Who may use it: only {@code dev.kairo.nn.Sequential}, and only when no graph is being
 * recorded and every layer is one that keeps no array past its call, so that every array
 * handed out in a pass is dead when the pass ends except those behind the result, which
 * {@link #exit} takes out of the workspace. Kernels that use {@link #floats} must overwrite
 * every element of what they get.
 *
 * <pre>{@code
 * Workspace ws = new Workspace();
 * if (ws.enter()) {
 *   Tensor y = null;
 *   try {
 *     y = runLayers(x);   // kernels inside call Workspace.floats(n)
 *   } finally {
 *     ws.exit(y);         // y's storage leaves the workspace; the rest is reused next time
 *   }
 * }
 * }</pre>
 *
 * <p>One thread at a time: {@link #enter} answers false while another thread (or an outer
 * pass on this one) has a workspace active, and that pass simply allocates as usual.
 */
public final class Workspace {
  /**
   * Arrays longer than this many floats (4 MiB) are never kept: a model run once on a whole
   * test set must not hold that set's activations for the rest of its life.
   */
  static final int MAX_KEPT_FLOATS = 1 << 20;
  /** At most this many floats (16 MiB) are kept in all; later requests allocate as usual. */
  static final long MAX_TOTAL_FLOATS = 1L << 22;
  /** A kept array that no pass has used for this many passes is let go. */
  static final int IDLE_PASSES = 16;

  private static final ThreadLocal<Workspace> ACTIVE = new ThreadLocal<>();
  /**
   * Passes in progress on all threads: while there are none (training, or any program that
   * never runs inference through a Sequential) {@link #floats} is a plain {@code new}.
   */
  private static final AtomicInteger PASSES = new AtomicInteger();

  private final AtomicBoolean busy = new AtomicBoolean();
  /** The kept arrays, {@code count} of them. */
  private float[][] kept = new float[8][];
  /** The pass that last took each kept array: {@code pass} itself means in use now. */
  private long[] lastUsed = new long[8];
  private int count;
  private long keptFloats;
  private long pass;

  /**
   * A float array of length {@code n} whose contents are unspecified: the caller overwrites
   * all of it. New unless a workspace is active on this thread.
   */
  public static float[] floats(int n) {
    return PASSES.get() == 0 ? new float[n] : lookup(n);
  }

  private static float[] lookup(int n) {
    Workspace w = ACTIVE.get();
    return w == null ? new float[n] : w.take(n);
  }

  /** A free kept array of exactly n floats, else a new one, kept when it fits the limits. */
  private float[] take(int n) {
    for (int i = 0; i < count; i++) {
      if (lastUsed[i] != pass && kept[i].length == n) {
        lastUsed[i] = pass;
        return kept[i];
      }
    }
    float[] fresh = new float[n];
    if (n <= MAX_KEPT_FLOATS && keptFloats + n <= MAX_TOTAL_FLOATS) {
      if (count == kept.length) {
        kept = Arrays.copyOf(kept, 2 * count);
        lastUsed = Arrays.copyOf(lastUsed, 2 * count);
      }
      kept[count] = fresh;
      lastUsed[count] = pass;
      count++;
      keptFloats += n;
    }
    return fresh;
  }

  /**
   * Makes this workspace the calling thread's, for one pass. False (and nothing changes)
   * when another thread is using it or a workspace is already active on this thread.
   */
  public boolean enter() {
    if (ACTIVE.get() != null || !busy.compareAndSet(false, true)) {
      return false;
    }
    pass++;
    ACTIVE.set(this);
    PASSES.incrementAndGet();
    return true;
  }

  /**
   * Ends the pass begun by a successful {@link #enter}. The storage of {@code result} (null
   * when the pass failed) leaves the workspace for good: the caller hands it to its user.
   * Every other array is free for the next pass; arrays idle for {@link #IDLE_PASSES} passes
   * (a batch size not seen again) are let go.
   */
  public void exit(Tensor result) {
    try {
      int live = 0;
      for (int i = 0; i < count; i++) {
        boolean escapes = result != null && kept[i] == result.data;
        if (escapes || pass - lastUsed[i] >= IDLE_PASSES) {
          keptFloats -= kept[i].length;
          continue;
        }
        kept[live] = kept[i];
        lastUsed[live] = lastUsed[i];
        live++;
      }
      Arrays.fill(kept, live, count, null);
      count = live;
    } finally {
      PASSES.decrementAndGet();
      ACTIVE.remove();
      busy.set(false);
    }
  }

  /** How many floats this workspace holds for the next pass (for tests and diagnostics). */
  public long keptFloats() {
    return keptFloats;
  }
}
