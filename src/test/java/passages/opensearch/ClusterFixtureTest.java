package passages.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.Refresh;
import org.opensearch.client.opensearch.core.bulk.BulkOperation;

/**
 * The fixture itself: three real nodes, and a kill -9 of the elected cluster manager that loses
 * nothing.
 */
@Tag("opensearch")
@ExtendWith(SharedCluster.class)
class ClusterFixtureTest {

  @Test
  void threeNodes_green_eachItsOwnProcess(ClusterFixture cluster) throws Exception {
    assertEquals(3, cluster.size());
    assertEquals(
        3,
        List.of(cluster.pid(0), cluster.pid(1), cluster.pid(2)).stream()
            .filter(p -> p > 0)
            .distinct()
            .count());
    assertEquals("green 3", health(cluster));
  }

  @Test
  void killClusterManager_replicasServeExactCounts_nodeRejoins(ClusterFixture cluster)
      throws Exception {
    try (Cluster c = Cluster.connect(cluster.urls())) {
      OpenSearchClient client = c.client();
      client
          .indices()
          .create(
              r -> r.index("fixture-check").settings(s -> s.numberOfShards(3).numberOfReplicas(1)));
      List<BulkOperation> ops = new java.util.ArrayList<>();
      for (int i = 0; i < 50; i++) {
        String id = "d" + i;
        ops.add(
            BulkOperation.of(
                b -> b.index(x -> x.index("fixture-check").id(id).document(Map.of("n", id)))));
      }
      assertEquals(false, client.bulk(b -> b.operations(ops).refresh(Refresh.True)).errors());
      cluster.awaitGreen(3);
      String manager = cluster.clusterManager();
      int victim = cluster.indexOf(manager);

      cluster.kill(victim);
      cluster.awaitYellow(2);

      var count = client.count(r -> r.index("fixture-check"));
      assertEquals(List.of(50L, 0), List.of(count.count(), count.shards().failed()));
      assertNotEquals(manager, cluster.clusterManager());
      cluster.restart(victim);
      assertEquals("green 3", health(cluster));
      assertEquals(50, client.count(r -> r.index("fixture-check")).count());
      client.indices().delete(r -> r.index("fixture-check"));
    }
  }

  private static String health(ClusterFixture cluster) throws Exception {
    try (Cluster c = Cluster.connect(cluster.urls())) {
      var h = c.client().cluster().health();
      return h.status().jsonValue() + " " + h.numberOfNodes();
    }
  }
}
