/**
 * Reading {@code corpus/}: turning raw text files (and their sidecar metadata) into clean {@link
 * passages.model.Article}s, with every dropped line accounted for.
 */
package passages.ingest;
