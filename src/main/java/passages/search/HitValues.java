package passages.search;

import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.util.BytesRef;

/**
 * Reads one doc value of each of a few hits: leaf by leaf in document order, one iterator per leaf
 * (doc value iterators only go forward; one per hit would be made and positioned each time).
 */
final class HitValues {
  private HitValues() {}

  /** What {@link #numeric} gives a hit without a value. */
  static final long MISSING = Long.MIN_VALUE;

  /** The numeric doc value {@code field} of each of {@code hits[0..n)}, or {@link #MISSING}. */
  static long[] numeric(IndexReader reader, ScoreDoc[] hits, int n, String field)
      throws IOException {
    long[] out = new long[n];
    NumericDocValues values = null;
    LeafReaderContext leaf = null;
    for (int i : inDocOrder(hits, n)) {
      int doc = hits[i].doc;
      if (leaf == null || doc >= leaf.docBase + leaf.reader().maxDoc()) {
        leaf = reader.leaves().get(ReaderUtil.subIndex(doc, reader.leaves()));
        values = DocValues.getNumeric(leaf.reader(), field);
      }
      out[i] = values.advanceExact(doc - leaf.docBase) ? values.longValue() : MISSING;
    }
    return out;
  }

  /** The sorted doc value {@code field} of each of {@code hits[0..n)}, or null. */
  static BytesRef[] sorted(IndexReader reader, ScoreDoc[] hits, int n, String field)
      throws IOException {
    BytesRef[] out = new BytesRef[n];
    SortedDocValues values = null;
    LeafReaderContext leaf = null;
    for (int i : inDocOrder(hits, n)) {
      int doc = hits[i].doc;
      if (leaf == null || doc >= leaf.docBase + leaf.reader().maxDoc()) {
        leaf = reader.leaves().get(ReaderUtil.subIndex(doc, reader.leaves()));
        values = DocValues.getSorted(leaf.reader(), field);
      }
      if (values.advanceExact(doc - leaf.docBase))
        out[i] = BytesRef.deepCopyOf(values.lookupOrd(values.ordValue()));
    }
    return out;
  }

  /** The indexes {@code 0..n)} of {@code hits} by ascending document. */
  private static int[] inDocOrder(ScoreDoc[] hits, int n) {
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) order[i] = i;
    Arrays.sort(order, Comparator.comparingInt(i -> hits[i].doc));
    return Arrays.stream(order).mapToInt(Integer::intValue).toArray();
  }
}
