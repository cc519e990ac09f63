/**
 * The OpenSearch backend's foundations (issue 16): a connection to a cluster over HTTP and the
 * paragraph index's analysis as OpenSearch settings. Talks to the cluster through opensearch-java
 * only; the server (with its own Lucene) runs in separate processes, started by {@code
 * scripts/opensearch-cluster.sh} or the test fixture.
 */
package passages.opensearch;
