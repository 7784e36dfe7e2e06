package dev.kairo.cli;

import dev.kairo.data.image.ImageDataset;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The classes an evaluation counts in: the model's (its {@code classes} metadata) when it has
 * them, else the data's, and each image's true label in that order. A folder whose class
 * sub-folders are a subset of the model's classes, or in another order, is matched by name.
 *
 * <pre>{@code
 * Labels l = Labels.of(List.of("a", "b", "c"), folderWithBAndC, 3, modelFile);
 * l.truth();   // the folder's labels 0, 1 became 1, 2
 * }</pre>
 *
 * @param names the class names, one per score of the model
 * @param truth each image's true class, an index into {@code names}
 * @param note a line worth printing about how the classes were matched, if any
 */
record Labels(List<String> names, int[] truth, Optional<String> note) {

  /**
   * Matches the data's classes to the model's.
   *
   * @param modelClasses the model's class names, or null when it was saved without them
   * @param outputs the number of scores the model gives per image
   */
  static Labels of(List<String> modelClasses, ImageDataset data, int outputs, Path file) {
    List<String> dataClasses = data.classNames();
    int[] labels = data.labels();
    if (modelClasses == null) {
      if (outputs != dataClasses.size()) {
        throw new IllegalArgumentException(file + " gives " + outputs + " scores per image, but"
            + " the data has " + dataClasses.size() + " classes " + dataClasses);
      }
      return new Labels(dataClasses, labels, Optional.empty());
    }
    if (modelClasses.size() != outputs) {
      throw new IllegalStateException(file + " names " + modelClasses.size() + " classes in its"
          + " metadata but gives " + outputs + " scores per image");
    }
    if (modelClasses.equals(dataClasses)) {
      return new Labels(modelClasses, labels, Optional.empty());
    }
    if (modelClasses.containsAll(dataClasses)) {
      int[] truth = new int[labels.length];
      for (int i = 0; i < labels.length; i++) {
        truth[i] = modelClasses.indexOf(dataClasses.get(labels[i]));
      }
      return new Labels(modelClasses, truth, Optional.of("the data's " + dataClasses.size()
          + " classes are matched by name to the model's " + modelClasses.size()));
    }
    if (modelClasses.size() == dataClasses.size()) {
      return new Labels(modelClasses, labels, Optional.of("note: the data's classes "
          + dataClasses + " are not the model's " + modelClasses + "; matched by position"));
    }
    throw new IllegalArgumentException("the data's classes " + dataClasses + " are not among "
        + file + "'s classes " + modelClasses);
  }
}
