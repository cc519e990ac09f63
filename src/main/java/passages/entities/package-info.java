/**
 * Entity extraction: typed, canonicalised mentions (org, person, product, place, money) found in
 * paragraph text.
 */
package passages.entities;
