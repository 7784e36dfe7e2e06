/**
 * Downloads that are safe to repeat: {@link dev.kairo.data.download.Downloader} fetches a file
 * only with a known SHA-256, resumes an interrupted transfer from its {@code .part} file, and
 * moves the file into place only once verified; {@link dev.kairo.data.download.DownloadProgress}
 * shows it (a progress bar on a terminal).
 *
 * <pre>{@code
 * Path f = Downloader.builder().progress(DownloadProgress.console()).build()
 *     .fetch(URI.create("https://example.org/data.gz"), Path.of("cache/data.gz"), sha256);
 * }</pre>
 */
package dev.kairo.data.download;
