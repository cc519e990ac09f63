/**
 * The index schema and the write side: field names, the analysis chain, the paragraph-to-document
 * mapper and the indexer that owns the {@link org.apache.lucene.index.IndexWriter}.
 */
package passages.index;
