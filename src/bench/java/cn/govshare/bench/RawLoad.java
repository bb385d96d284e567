package cn.govshare.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;
import org.HdrHistogram.Recorder;

/**
 * The grant check's load generator: it shares the two cores with the application and MariaDB, so it must cost
 * little per call. Each worker thread owns one keep-alive HTTP/1.1 connection, opened before the step's clock starts, and writes precomputed request
 * bytes; it reads the status line, the headers it needs (Content-Length, Connection) and the body, nothing else
 * (no HTTP client library, no JSON). Open loop without a scheduler thread: the workers take call numbers from one
 * counter, call {@code i} is due at {@code start + i / rate}, a worker sleeps until its call is due, and the
 * latency counts from that moment, so a call that waited for a free worker is charged its wait.
 */
final class RawLoad {

  private RawLoad() {
  }

  /** GET requests for one user, {@code path(i)} giving the path of call i (precomputed by the caller or not). */
  static IntFunction<byte[]> get(int port, String user, IntFunction<String> path) {
    String authorization = "Basic " + Base64.getEncoder()
        .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    String headers = " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAuthorization: " + authorization
        + "\r\nAccept: application/json\r\n\r\n";
    return i -> ("GET " + path.apply(i) + headers).getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * {@code perSecond} calls for {@code duration} from {@code workers} connections; a call succeeds on a 200. Calls
   * that found no free worker are late, not lost: they go out as soon as a worker is free, charged from when they
   * were due.
   */
  static Load.Result open(int port, int perSecond, Duration duration, int workers, IntFunction<byte[]> request)
      throws InterruptedException {
    Recorder recorder = new Recorder(3);
    AtomicInteger next = new AtomicInteger();
    AtomicInteger failures = new AtomicInteger();
    int total = (int) (duration.toSeconds() * perSecond);
    double intervalNanos = 1e9 / perSecond;
    // each worker opens its keep-alive connection before the step's clock starts, as a client that keeps its
    // connections does: a step's first calls no longer pay the TCP connect and the server's first accept
    CountDownLatch connected = new CountDownLatch(workers);
    CountDownLatch go = new CountDownLatch(1);
    long[] clock = new long[1];
    int[] latencies = TIMELINE == null ? null : new int[total];
    List<Thread> threads = new ArrayList<>();
    for (int w = 0; w < workers; w++) {
      Thread thread = new Thread(() -> {
        Connection connection = null;
        try {
          connection = new Connection(port);
        } catch (IOException e) {
          // opened at its first call instead, which counts the failure if it fails again
        }
        connected.countDown();
        try {
          go.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
        long started = clock[0];
        int i;
        while ((i = next.getAndIncrement()) < total) {
          long due = started + (long) (i * intervalNanos);
          long wait;
          while ((wait = due - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
          }
          boolean ok;
          try {
            if (connection == null) {
              connection = new Connection(port);
            }
            ok = connection.exchange(request.apply(i)) == 200;
            if (connection.closed) {
              connection.close();
              connection = null;
            }
          } catch (IOException e) {
            ok = false;
            if (connection != null) {
              connection.close();
              connection = null;
            }
          }
          long micros = Math.max(1, (System.nanoTime() - due) / 1000);
          recorder.recordValue(micros);
          if (latencies != null) {
            latencies[i] = (int) Math.min(Integer.MAX_VALUE, micros);
          }
          if (!ok) {
            failures.incrementAndGet();
          }
        }
        if (connection != null) {
          connection.close();
        }
      }, "raw-load-" + w);
      thread.setDaemon(true);
      thread.start();
      threads.add(thread);
    }
    connected.await();
    clock[0] = System.nanoTime();
    long started = clock[0];
    long startedWall = System.currentTimeMillis();
    go.countDown();
    for (Thread thread : threads) {
      thread.join();
    }
    if (latencies != null) {
      timeline(startedWall, intervalNanos, perSecond, latencies);
    }
    return new Load.Result(total, failures.get(), Duration.ofNanos(System.nanoTime() - started),
        recorder.getIntervalHistogram());
  }

  /** -Dbench.timeline=dir: each open-loop step's calls over 5 ms (due instant, latency), for finding stalls. */
  private static final String TIMELINE = System.getProperty("bench.timeline");

  private static void timeline(long startedWall, double intervalNanos, int perSecond, int[] latencies) {
    StringBuilder out = new StringBuilder("# rate " + perSecond + " started " + startedWall + "\n");
    for (int i = 0; i < latencies.length; i++) {
      if (latencies[i] > 5_000) {
        out.append(startedWall + (long) (i * intervalNanos / 1e6)).append(' ').append(latencies[i]).append('\n');
      }
    }
    try {
      Files.createDirectories(Path.of(TIMELINE));
      Files.writeString(Path.of(TIMELINE, "slow-" + perSecond + "-" + startedWall + ".txt"),
          out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One keep-alive connection: writes a request, reads one response (Content-Length bodies only). */
  private static final class Connection {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final byte[] buffer = new byte[16_384];
    private int start;
    private int end;
    boolean closed;

    Connection(int port) throws IOException {
      socket = new Socket();
      socket.setTcpNoDelay(true);
      socket.setSoTimeout(30_000);
      socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
      in = socket.getInputStream();
      out = socket.getOutputStream();
    }

    int exchange(byte[] request) throws IOException {
      out.write(request);
      out.flush();
      String status = line();
      if (status.length() < 12 || !status.startsWith("HTTP/1.1 ")) {
        throw new IOException("not an HTTP response: " + status);
      }
      int code = Integer.parseInt(status.substring(9, 12));
      long length = -1;
      boolean chunked = false;
      for (String header = line(); !header.isEmpty(); header = line()) {
        if (header.regionMatches(true, 0, "Content-Length:", 0, 15)) {
          length = Long.parseLong(header.substring(15).trim());
        } else if (header.regionMatches(true, 0, "Connection:", 0, 11)) {
          closed = header.substring(11).trim().equalsIgnoreCase("close");
        } else if (header.regionMatches(true, 0, "Transfer-Encoding:", 0, 18)) {
          chunked = header.toLowerCase().contains("chunked");
        }
      }
      if (chunked) {
        for (int size = Integer.parseInt(line().split(";")[0].trim(), 16); size > 0;
            size = Integer.parseInt(line().split(";")[0].trim(), 16)) {
          skip(size);
          line();
        }
        line();
      } else if (length >= 0) {
        skip(length);
      } else {
        closed = true;  // read to the end: the server closes
      }
      return code;
    }

    private String line() throws IOException {
      StringBuilder line = new StringBuilder(64);
      while (true) {
        if (start == end && !fill()) {
          throw new IOException("connection closed mid-response");
        }
        byte b = buffer[start++];
        if (b == '\n') {
          int n = line.length();
          return n > 0 && line.charAt(n - 1) == '\r' ? line.substring(0, n - 1) : line.toString();
        }
        line.append((char) (b & 0xff));
      }
    }

    private void skip(long bytes) throws IOException {
      while (bytes > 0) {
        if (start == end && !fill()) {
          throw new IOException("connection closed mid-body");
        }
        int n = (int) Math.min(bytes, end - start);
        start += n;
        bytes -= n;
      }
    }

    private boolean fill() throws IOException {
      int n = in.read(buffer, 0, buffer.length);
      if (n <= 0) {
        return false;
      }
      start = 0;
      end = n;
      return true;
    }

    void close() {
      try {
        socket.close();
      } catch (IOException e) {
        // already gone
      }
    }
  }
}
