/**
 * The records every pipeline stage shares: articles, paragraphs and entity mentions. No library
 * types.
 */
package passages.model;
