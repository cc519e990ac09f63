package passages.search;

/**
 * How a search counts facet values: the answers are the same, only the work differs. A sparse count
 * remembers which values some match has and visits only those when picking the top values; a dense
 * count scans every value of each dimension.
 */
public enum FacetCounting {
  /**
   * Sparse while fewer than one value in {@value FacetSnapshot#ADAPTIVE_SPARSE_RATIO} was counted,
   * dense past that (and from the start when the query says it has more matches than that): the
   * default.
   */
  ADAPTIVE,
  /** Always sparse. */
  SPARSE,
  /** Always dense. */
  DENSE
}
