package dev.kairo.data.image;

import java.io.IOException;

/**
 * A folder of images that cannot be loaded as asked: the message names the file or folder and
 * says what is wrong, e.g. {@code pets/cat/0007.png: is 32 x 40 (height x width), but the
 * images are loaded at 28 x 28; resize it, or load with SizePolicy.RESIZE}.
 *
 * <pre>{@code
 * try {
 *   ImageDataset ds = ImageFolder.load(Path.of("pets"), 28, 28, 3);
 * } catch (ImageFolderException e) {
 *   System.err.println(e.getMessage());
 *   String where = e.source();   // pets/cat/0007.png
 * }
 * }</pre>
 *
 * <p>An {@link java.io.IOException}, like {@code csv.CsvException}: a problem with the input.
 */
public final class ImageFolderException extends IOException {
  private final String source;

  /**
   * @param source the file or folder at fault
   * @param problem what is wrong
   * @param cause the lower-level error, or null
   */
  public ImageFolderException(String source, String problem, Throwable cause) {
    super(source + ": " + problem, cause);
    this.source = source;
  }

  /** The file or folder at fault. */
  public String source() {
    return source;
  }
}
