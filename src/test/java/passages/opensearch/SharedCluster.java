package passages.opensearch;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives test methods and constructors a {@link ClusterFixture} parameter: one 3-node cluster for
 * the whole test run (starting one costs seconds of CPU per node), kept in JUnit's root store,
 * which closes it when the run ends. Tests that kill a node restart it and wait for green before
 * they return, so the next test finds all three.
 */
public final class SharedCluster implements ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(SharedCluster.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == ClusterFixture.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(
            "cluster",
            key -> {
              try {
                ClusterFixture cluster = ClusterFixture.start(3);
                System.out.printf(
                    "3-node OpenSearch cluster green in %.1f s at %s%n",
                    cluster.startTime().toMillis() / 1000.0, cluster.urls());
                return cluster;
              } catch (Exception e) {
                throw new IllegalStateException("starting the 3-node OpenSearch cluster", e);
              }
            },
            ClusterFixture.class);
  }
}
