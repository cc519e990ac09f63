/**
 * The read side: parsing queries, searching the paragraph index with facets and filters,
 * highlighting (escaped, {@code <mark>} only) and the result records the API serializes.
 */
package passages.search;
