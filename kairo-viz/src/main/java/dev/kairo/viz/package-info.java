/**
 * Pictures of data and training, written as PNG or SVG: the figures of the seeds' experiments.
 *
 * <ul>
 *   <li>{@link dev.kairo.viz.Figure}: a grid of panels with a title; {@code save(Path)} picks PNG
 *       or SVG by extension and writes atomically.
 *   <li>{@link dev.kairo.viz.LinePlot}, {@link dev.kairo.viz.ScatterPlot}: the two basic charts.
 *   <li>{@link dev.kairo.viz.DecisionRegions}: a classifier's regions in the plane under its data.
 *   <li>{@link dev.kairo.viz.TrainingCurves}, {@link dev.kairo.viz.GradientNormCurves}: the
 *       diagnostics of over-fitting and of vanishing gradients.
 *   <li>{@link dev.kairo.viz.FunctionPlot}: a function and its derivative (activation functions).
 *   <li>{@link dev.kairo.viz.ImageGrid}: samples, reconstructions, filters, with captions.
 *   <li>{@link dev.kairo.viz.ConfusionMatrixPlot}: a classifier's confusion matrix as a heat map.
 * </ul>
 *
 * <p>Every plot is a {@link dev.kairo.viz.Panel}, so any of them can be a cell of a figure or be
 * saved alone; {@link dev.kairo.viz.Style} holds the shared look (class colours, fonts). Charts
 * are drawn by XChart; SVG is produced by VectorGraphics2D. Drawing needs no display: run with
 * {@code -Djava.awt.headless=true} on servers. Plots are mutable builders that keep their data
 * (not pixels); use one from one thread at a time.
 *
 * <pre>{@code
 * new Figure(1, 2).title("H = 3")
 *     .add(DecisionRegions.of(classify, points, labels).title("train acc 0.985"))
 *     .add(TrainingCurves.of(trainLoss, valLoss))
 *     .save(Path.of("out/h3.png"));
 * }</pre>
 *
 * <p>This package depends only on {@code dev.kairo.tensor} from kairo-core: classifiers come in
 * as plain functions, so it never sees a model, a graph or a gradient.
 */
package dev.kairo.viz;
