package passages.opensearch.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.opensearch.Version;
import org.opensearch.analysis.common.CommonAnalysisModulePlugin;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;
import org.opensearch.index.mapper.MapperExtrasModulePlugin;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.plugins.Plugin;
import org.opensearch.plugins.PluginInfo;
import org.opensearch.transport.Netty4ModulePlugin;

/**
 * Starts one OpenSearch 3.9.0 node in this JVM, from the jars on the classpath (no distribution): the netty4
 * transport, the common analysis plugin and mapper-extras ({@code rank_feature}) are loaded as classpath plugins.
 *
 * <p>Arguments are node settings, {@code key=value} or {@code -Ekey=value} as in OpenSearch's own command line:
 * <pre>{@code
 * java -cp target/classes:$(cat target/classpath.txt) passages.opensearch.harness.Launcher \
 *   path.home=/tmp/n1 cluster.name=passages node.name=n1 http.port=9200 transport.port=9300 \
 *   discovery.seed_hosts=127.0.0.1:9300,127.0.0.1:9301 cluster.initial_cluster_manager_nodes=n1,n2
 * }</pre>
 * {@code path.home} is required (created if missing); {@code path.data} and {@code path.logs} default to
 * {@code data} and {@code logs} under it. Defaults that differ from OpenSearch's: {@code network.host=127.0.0.1}
 * (loopback only) and the disk watermarks off (a full test disk must not make the cluster read-only). A setting
 * given as an argument overrides a default. The node runs until the process is told to stop (SIGTERM closes it
 * cleanly; SIGKILL is the crash tests use).
 */
public final class Launcher {
  private Launcher() {}

  /** The node: {@link Node}'s constructor that takes classpath plugins is protected. */
  private static final class ClasspathNode extends Node {
    ClasspathNode(Environment environment, Collection<PluginInfo> plugins) {
      super(environment, plugins, true);
    }
  }

  private static final List<Class<? extends Plugin>> PLUGINS =
      List.of(Netty4ModulePlugin.class, CommonAnalysisModulePlugin.class, MapperExtrasModulePlugin.class);

  public static void main(String[] args) throws Exception {
    Settings settings = settings(args);
    Path home = Path.of(settings.get("path.home"));
    Files.createDirectories(home.resolve("config"));
    String nodeName = settings.get("node.name", "node");
    Environment environment = InternalSettingsPreparer.prepareEnvironment(settings, Map.of(), null, () -> nodeName);
    List<PluginInfo> plugins = PLUGINS.stream()
        .map(c -> new PluginInfo(c.getName(), "classpath plugin", "NA", Version.CURRENT, "21", c.getName(), null, List.of(), false))
        .toList();
    Node node = new ClasspathNode(environment, plugins);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        node.close();
        node.awaitClose(20, TimeUnit.SECONDS);
      } catch (IOException | InterruptedException e) {
        System.err.println("closing node " + nodeName + ": " + e);
      } finally {
        stopped.countDown();
      }
    }, "node-shutdown"));
    node.start();
    stopped.await();
  }

  /** Defaults, then the arguments ({@code key=value} or {@code -Ekey=value}). */
  static Settings settings(String[] args) {
    Settings.Builder b = Settings.builder()
        .put("network.host", "127.0.0.1")
        .put("cluster.routing.allocation.disk.threshold_enabled", false);
    for (String arg : args) {
      String a = arg.startsWith("-E") ? arg.substring(2) : arg;
      int eq = a.indexOf('=');
      if (eq <= 0) throw new IllegalArgumentException("expected a setting key=value, got: " + arg);
      b.put(a.substring(0, eq), a.substring(eq + 1));
    }
    if (b.get("path.home") == null) throw new IllegalArgumentException("path.home=DIR is required");
    Path home = Path.of(b.get("path.home"));
    if (b.get("path.data") == null) b.put("path.data", home.resolve("data").toString());
    if (b.get("path.logs") == null) b.put("path.logs", home.resolve("logs").toString());
    return b.build();
  }
}
