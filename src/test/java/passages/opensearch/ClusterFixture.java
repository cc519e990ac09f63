package passages.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A real OpenSearch 3.9.0 cluster for tests: N nodes, each its own JVM process started from the
 * harness build ({@code opensearch/}, built here when its classpath file is missing or older than
 * its pom), on free loopback ports and a temporary folder. {@link #start(int)} returns once the
 * cluster is green with every node; {@link #kill(int)} sends one node SIGKILL and {@link
 * #restart(int)} starts it again on the same ports and data. {@link #close()} stops every node and
 * deletes the folder; a JVM shutdown hook kills the nodes if the test JVM exits first. The server's
 * Lucene 10.5.1 stays in those processes: the test JVM talks to them over HTTP only.
 */
public final class ClusterFixture implements AutoCloseable {
  /**
   * How long a start or a restart may take to turn green (a loaded 2-core machine needs minutes).
   */
  private static final Duration GREEN_TIMEOUT = Duration.ofMinutes(5);

  private final Path harness;
  private final Path dir;
  private final List<Node> nodes = new ArrayList<>();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final ObjectMapper json = new ObjectMapper();
  private final Thread killOnExit = new Thread(this::killAll, "opensearch-fixture-exit");
  private final Duration startTime;

  /** One node: its name, ports and home, and its process while it runs. */
  private static final class Node {
    final String name;
    final int httpPort;
    final int transportPort;
    final Path home;
    Process process;

    Node(String name, int httpPort, int transportPort, Path home) {
      this.name = name;
      this.httpPort = httpPort;
      this.transportPort = transportPort;
      this.home = home;
    }
  }

  private ClusterFixture(int size) throws IOException, InterruptedException {
    harness = Path.of(System.getProperty("user.dir")).resolve("opensearch");
    dir = Files.createTempDirectory("passages-opensearch-");
    Runtime.getRuntime().addShutdownHook(killOnExit);
    int[] ports = freePorts(2 * size);
    for (int i = 0; i < size; i++)
      nodes.add(
          new Node("n" + (i + 1), ports[2 * i], ports[2 * i + 1], dir.resolve("n" + (i + 1))));
    long t0 = System.nanoTime();
    try {
      String classpath = harnessClasspath();
      for (Node n : nodes) launch(n, classpath);
      awaitGreen(size);
    } catch (IOException | InterruptedException | RuntimeException e) {
      close();
      throw e;
    }
    startTime = Duration.ofNanos(System.nanoTime() - t0);
  }

  /**
   * Starts a cluster of {@code size} nodes (all cluster-manager eligible, data and ingest) and
   * waits until it is green.
   *
   * @throws IllegalStateException when a node exits or the cluster is not green within five minutes
   *     (node logs are named in the message)
   */
  public static ClusterFixture start(int size) throws IOException, InterruptedException {
    if (size < 1 || size > 9) throw new IllegalArgumentException("size must be 1-9, got " + size);
    return new ClusterFixture(size);
  }

  /** The HTTP address of every node, {@code http://127.0.0.1:PORT}, node 0 first. */
  public List<String> urls() {
    return nodes.stream().map(n -> "http://127.0.0.1:" + n.httpPort).toList();
  }

  /** The number of nodes. */
  public int size() {
    return nodes.size();
  }

  /** The time from launching the processes to green with every node. */
  public Duration startTime() {
    return startTime;
  }

  /** The process id of node {@code i}, or -1 when it is not running. */
  public long pid(int i) {
    Process p = nodes.get(i).process;
    return p != null && p.isAlive() ? p.pid() : -1;
  }

  /** The name of the node that is the elected cluster manager, e.g. {@code n2}. */
  public String clusterManager() throws IOException, InterruptedException {
    return get("/_cat/cluster_manager?h=node").strip();
  }

  /** The index of the node named {@code name} ({@code n1} → 0). */
  public int indexOf(String name) {
    for (int i = 0; i < nodes.size(); i++) if (nodes.get(i).name.equals(name)) return i;
    throw new IllegalArgumentException("no node " + name);
  }

  /** Sends node {@code i} SIGKILL (a crash: no clean close) and waits for the process to end. */
  public void kill(int i) throws InterruptedException {
    Process p = nodes.get(i).process;
    if (p == null) return;
    p.destroyForcibly();
    p.waitFor();
  }

  /**
   * Starts node {@code i} again (same name, ports and data) and waits until the cluster is green
   * with every node.
   */
  public void restart(int i) throws IOException, InterruptedException {
    Node n = nodes.get(i);
    if (n.process != null && n.process.isAlive())
      throw new IllegalStateException(n.name + " is still running");
    launch(n, harnessClasspath());
    awaitGreen(nodes.size());
  }

  /**
   * Waits until the cluster reports green with {@code size} nodes, asking any running node.
   *
   * @throws IllegalStateException when a node that should run has exited, or on timeout
   */
  public void awaitGreen(int size) throws InterruptedException {
    awaitStatus("green", size);
  }

  /**
   * Waits until the cluster reports at least yellow (every primary assigned) with {@code size}
   * nodes: after a {@link #kill(int)}, the moment the others have dropped the node and promoted its
   * replicas.
   */
  public void awaitYellow(int size) throws InterruptedException {
    awaitStatus("yellow", size);
  }

  private void awaitStatus(String status, int size) throws InterruptedException {
    long deadline = System.nanoTime() + GREEN_TIMEOUT.toNanos();
    while (true) {
      for (Node n : nodes) {
        if (n.process != null && n.process.isAlive() == false && n.process.exitValue() != 137) {
          throw new IllegalStateException(
              "node "
                  + n.name
                  + " exited with "
                  + n.process.exitValue()
                  + ", log: "
                  + n.home.resolve("node.log"));
        }
      }
      for (Node n : nodes) {
        if (n.process == null || n.process.isAlive() == false) continue;
        try {
          JsonNode h =
              json.readTree(
                  get(
                      n,
                      "/_cluster/health?wait_for_status="
                          + status
                          + "&wait_for_nodes="
                          + size
                          + "&timeout=2s"));
          String now = h.path("status").asText();
          boolean enough = now.equals("green") || now.equals(status);
          if (enough && h.path("number_of_nodes").asInt() == size) return;
        } catch (IOException e) {
          // not listening yet, or answering 408 on timeout: ask again
        }
        break;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "cluster not "
                + status
                + " with "
                + size
                + " nodes after "
                + GREEN_TIMEOUT
                + ", logs under "
                + dir);
      }
      Thread.sleep(500);
    }
  }

  /**
   * GET {@code path} on the first running node; the body, or an IOException on a non-2xx answer.
   */
  public String get(String path) throws IOException, InterruptedException {
    for (Node n : nodes) if (n.process != null && n.process.isAlive()) return get(n, path);
    throw new IllegalStateException("no node is running");
  }

  private String get(Node n, String path) throws IOException, InterruptedException {
    HttpRequest req =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + n.httpPort + path))
            .timeout(Duration.ofSeconds(30))
            .build();
    HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() / 100 != 2)
      throw new IOException(
          "GET " + path + " on " + n.name + ": " + r.statusCode() + " " + r.body());
    return r.body();
  }

  /** Stops every node (SIGTERM, SIGKILL after 20 s) and deletes the cluster's folder. */
  @Override
  public void close() {
    for (Node n : nodes) if (n.process != null) n.process.destroy();
    for (Node n : nodes) {
      if (n.process == null) continue;
      try {
        if (n.process.waitFor(20, TimeUnit.SECONDS) == false) n.process.destroyForcibly().waitFor();
      } catch (InterruptedException e) {
        n.process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
    try {
      Runtime.getRuntime().removeShutdownHook(killOnExit);
    } catch (IllegalStateException e) {
      // the JVM is already shutting down: the hook runs anyway
    }
    deleteTree(dir);
  }

  /**
   * The shutdown hook: kills every node and, once they are gone, deletes the folder (best effort).
   */
  private void killAll() {
    for (Node n : nodes) if (n.process != null) n.process.destroyForcibly();
    try {
      for (Node n : nodes) if (n.process != null) n.process.waitFor(10, TimeUnit.SECONDS);
      deleteTree(dir);
    } catch (InterruptedException | UncheckedIOException e) {
      // the JVM is exiting: what is left stays in the temporary folder
    }
  }

  private void launch(Node n, String classpath) throws IOException {
    Files.createDirectories(n.home);
    String java =
        ProcessHandle.current()
            .info()
            .command()
            .orElseThrow(() -> new IllegalStateException("cannot tell which java runs the tests"));
    String seeds =
        nodes.stream().map(m -> "127.0.0.1:" + m.transportPort).collect(Collectors.joining(","));
    String managers = nodes.stream().limit(3).map(m -> m.name).collect(Collectors.joining(","));
    List<String> cmd =
        new ArrayList<>(
            List.of(
                java,
                "-Xms256m",
                "-Xmx512m",
                "-XX:+UseSerialGC",
                "--enable-native-access=ALL-UNNAMED",
                "-Djava.io.tmpdir=" + n.home,
                "-cp",
                classpath,
                "passages.opensearch.harness.Launcher",
                "path.home=" + n.home,
                "cluster.name=passages-test",
                "node.name=" + n.name,
                "http.port=" + n.httpPort,
                "transport.port=" + n.transportPort));
    if (nodes.size() == 1) {
      cmd.add("discovery.type=single-node");
    } else {
      cmd.add("discovery.seed_hosts=" + seeds);
      cmd.add("cluster.initial_cluster_manager_nodes=" + managers);
    }
    n.process =
        new ProcessBuilder(cmd)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(n.home.resolve("node.log").toFile()))
            .start();
  }

  /**
   * The harness's runtime classpath (its classes + the server jars), building the harness when
   * needed.
   */
  private String harnessClasspath() throws IOException, InterruptedException {
    Path cpFile = harness.resolve("target/classpath.txt");
    Path pom = harness.resolve("pom.xml");
    if (Files.isRegularFile(pom) == false)
      throw new IllegalStateException("no harness build at " + harness);
    if (Files.isRegularFile(cpFile) == false
        || Files.getLastModifiedTime(pom).compareTo(Files.getLastModifiedTime(cpFile)) > 0) {
      Path log = dir.resolve("harness-build.log");
      Process mvn =
          new ProcessBuilder("mvn", "-B", "-q", "package")
              .directory(harness.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      if (mvn.waitFor() != 0)
        throw new IllegalStateException(
            "building the OpenSearch harness failed: " + Files.readString(log));
    }
    return harness.resolve("target/classes")
        + java.io.File.pathSeparator
        + Files.readString(cpFile).strip();
  }

  /** Free TCP ports on the loopback address (free when asked: the nodes bind them right after). */
  private static int[] freePorts(int count) throws IOException {
    List<ServerSocket> sockets = new ArrayList<>();
    try {
      for (int i = 0; i < count; i++)
        sockets.add(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
      return sockets.stream().mapToInt(ServerSocket::getLocalPort).toArray();
    } finally {
      for (ServerSocket s : sockets) s.close();
    }
  }

  private static void deleteTree(Path root) {
    if (Files.exists(root) == false) return;
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
    } catch (IOException e) {
      throw new UncheckedIOException("deleting " + root, e);
    }
  }
}
