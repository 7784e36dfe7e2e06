package dev.kairo.data.download;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A file server on the loopback interface (port chosen by the system) for download tests:
 * serves {@link #files} under {@code /data/}, honours Range requests or not, and can answer
 * with the wrong range. Nothing here reaches the network.
 */
public final class LocalServer implements AutoCloseable {
  /** The served files, by name. */
  public final Map<String, byte[]> files = new ConcurrentHashMap<>();
  /** The Range header of every request (null where there was none), in order. */
  public final List<String> ranges = Collections.synchronizedList(new ArrayList<>());
  /** Body bytes sent, in all. */
  public final AtomicLong bytesSent = new AtomicLong();
  /** Whether Range requests get a 206 with the rest of the file (else a 200 with all of it). */
  public volatile boolean honourRange = true;
  /** When true, a range request is answered from byte 0 with a 206 (a broken server). */
  public volatile boolean wrongRange;
  private final HttpServer http;

  public LocalServer() throws IOException {
    http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    http.createContext("/data/", this::handle);
    http.start();
  }

  /** The base URL, ending in a slash: {@code http://127.0.0.1:PORT/data/}. */
  public URI base() {
    return URI.create("http://127.0.0.1:" + http.getAddress().getPort() + "/data/");
  }

  private void handle(HttpExchange ex) throws IOException {
    String name = ex.getRequestURI().getPath().substring("/data/".length());
    String range = ex.getRequestHeaders().getFirst("Range");
    ranges.add(range);
    byte[] f = files.get(name);
    if (f == null) {
      ex.sendResponseHeaders(404, -1);
      ex.close();
      return;
    }
    int start = 0;
    int status = 200;
    if (range != null && honourRange) {
      start = wrongRange ? 0 : Integer.parseInt(range.replaceAll("bytes=(\\d+)-", "$1"));
      if (start >= f.length) {
        ex.getResponseHeaders().add("Content-Range", "bytes */" + f.length);
        ex.sendResponseHeaders(416, -1);
        ex.close();
        return;
      }
      ex.getResponseHeaders().add("Content-Range", "bytes " + start + "-" + (f.length - 1) + "/"
          + f.length);
      status = 206;
    }
    byte[] body = Arrays.copyOfRange(f, start, f.length);
    ex.sendResponseHeaders(status, body.length);
    bytesSent.addAndGet(body.length);  // counted first: the client may be done once it is sent
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    http.stop(0);
  }
}
