package dev.kairo.data.download;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A one-request server on 127.0.0.1 that promises a whole file, sends the first bytes, then
 * either drops the connection or falls silent: what a failing network does to a download.
 */
final class BrokenServer implements AutoCloseable {
  private final ServerSocket socket;
  private final Thread thread;

  BrokenServer(byte[] file, int sendBytes, boolean stall) throws IOException {
    socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    thread = new Thread(() -> serve(file, sendBytes, stall), "broken-server");
    thread.setDaemon(true);
    thread.start();
  }

  URI url(String name) {
    return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/" + name);
  }

  private void serve(byte[] file, int sendBytes, boolean stall) {
    try (Socket s = socket.accept()) {
      InputStream in = s.getInputStream();
      int matched = 0;
      while (matched < 4) {  // read the request up to its blank line
        int c = in.read();
        if (c < 0) {
          return;
        }
        matched = (c == '\r' && matched % 2 == 0) || (c == '\n' && matched % 2 == 1) ? matched + 1 : 0;
      }
      OutputStream out = s.getOutputStream();
      out.write(("HTTP/1.1 200 OK\r\nContent-Length: " + file.length + "\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.write(file, 0, sendBytes);
      out.flush();
      if (stall) {
        Thread.sleep(60_000);  // until close() interrupts it
      }
    } catch (IOException | InterruptedException e) {
      // closed by the test
    }
  }

  @Override
  public void close() throws IOException {
    thread.interrupt();
    socket.close();
  }
}
