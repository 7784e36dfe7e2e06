/**
 * Seeded toy datasets: scikit-learn's {@code make_moons}, {@code make_circles} and
 * {@code make_blobs} reproduced value for value, CS231n's spirals, XOR, 1-D regression
 * functions (seed 000's {@code y = 2x^2 - 1}) and noisy sine windows for recurrent networks.
 *
 * <pre>{@code
 * TensorDataset moons = Generators.makeMoons(200, 0.20, 0);   // seed 003's data
 * TensorDataset quad = Generators.quadratic64();             // seed 000's data
 * }</pre>
 */
package dev.kairo.data.generate;
