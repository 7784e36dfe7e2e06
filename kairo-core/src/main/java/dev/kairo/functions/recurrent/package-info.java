/**
 * Recurrent functions: fused LSTM, GRU and Elman RNN, each as a one-step cell
 * ({@link dev.kairo.functions.recurrent.LstmCell}, {@link dev.kairo.functions.recurrent.GruCell},
 * {@link dev.kairo.functions.recurrent.RnnCell}) and as a whole-sequence layer
 * ({@link dev.kairo.functions.recurrent.LstmSequence}, ...), with PyTorch's gate order, formulas
 * and weight layout, so weights move between the two unchanged.
 *
 * <p>Design: a sequence is one graph node per layer, not one per step. Its forward makes the
 * input projection of all steps one GEMM, then per step one GEMM for the recurrent product and
 * one fused, vectorised pass for the gates; its backward mirrors that and accumulates the
 * weight gradients as one GEMM each over all steps. Where a function has several results (an
 * LSTM's h and c) it returns them packed in one tensor, because {@code Function} has one
 * output; the facade {@code F} slices them apart.
 *
 * <pre>{@code
 * Variable[] r = F.lstm(x, h0, c0, wIh, wHh, bIh, bHh, true);   // {h sequence, h_T, c_T}
 * }</pre>
 */
package dev.kairo.functions.recurrent;
