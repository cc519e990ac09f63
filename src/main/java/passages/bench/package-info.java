/**
 * The side-by-side benchmark ({@code passages bench}): a raw-Lucene baseline and passages built
 * from the same corpus and queried with the same queries in one run, in-process and over HTTP.
 */
package passages.bench;
