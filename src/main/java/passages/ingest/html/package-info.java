/**
 * Turns saved web pages (raw bytes, any charset, optionally gzipped) into clean article paragraphs
 * and metadata.
 */
package passages.ingest.html;
