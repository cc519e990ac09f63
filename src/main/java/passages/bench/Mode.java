package passages.bench;

/**
 * What a timed query does besides finding the top 10: each mode adds to the one before (the
 * baseline has no timeline).
 */
enum Mode {
  TOP_10("top 10", false, false),
  HIGHLIGHT("+ highlight", true, false),
  FACETS("+ highlight + facets", true, true),
  /**
   * passages with a monthly timeline as well (the search page's first request); the baseline runs
   * its highlight + facet query, so the row's ratio compares with the baseline's full mode.
   */
  TIMELINE("+ highlight + facets + timeline", true, true);

  /** The row label in the report. */
  final String label;

  /** Whether the hits' passages are highlighted. */
  final boolean highlight;

  /**
   * Whether facet values are counted (the outlet facet in the baseline, every facet in passages).
   */
  final boolean facets;

  Mode(String label, boolean highlight, boolean facets) {
    this.label = label;
    this.highlight = highlight;
    this.facets = facets;
  }
}
