package dev.kairo.nn;

import dev.kairo.autograd.Variable;

/**
 * A layer that can run itself and a ReLU right after it as one op: {@link Linear} and the
 * (non-transposed) convolutions. {@link Sequential} asks for it when such a layer is directly
 * followed by {@code Activation.relu()}; the numbers and gradients are the same bits as the
 * two layers one after the other, but the ReLU is applied to the layer's fresh output in place
 * (for a convolution, image by image while it is in cache) instead of reading and writing a
 * second array, and there is one node in the graph instead of two. A 2-D convolution followed
 * by ReLU and {@link MaxPool2d} fuses all three.
 */
interface ReluFusable {
  /** This layer's forward followed by ReLU, as one op; null when this layer cannot fuse. */
  Variable forwardThenRelu(Variable x);

  /**
   * This layer's forward, ReLU and {@code pool}, as one op that pools each image while it is
   * in cache; null when this layer cannot fuse them (only a 2-D convolution can).
   */
  default Variable forwardThenReluMaxPool(Variable x, MaxPool2d pool) {
    return null;
  }
}
