#!/usr/bin/env python3
"""Sums a JFR recording's CPU samples into the pipeline stages of passages (the README's profiles).

    PASSAGES_JAVA_OPTS="-XX:StartFlightRecording=filename=build.jfr,settings=profile \\
        -XX:FlightRecorderOptions=stackdepth=256" ./passages index --corpus FILE --index DIR --rebuild
    scripts/jfr-buckets.py build.jfr            # build stages
    scripts/jfr-buckets.py --serve serve.jfr    # request stages (record with jcmd PID JFR.start under wrk)

Reads the recording with the `jfr` tool of the JDK that runs passages (found like ./passages does, or
$JAVA_HOME). A sample goes to the first stage whose marker appears in its stack.
"""
import collections
import glob
import os
import re
import subprocess
import sys

BUILD = [
    ("name-learning pass", ["NameLearner"]),
    ("entity extraction", ["passages.entities"]),
    ("document building", ["ParagraphDocuments"]),
    ("Lucene inversion + stored fields", ["IndexingChain"]),
    ("Lucene flush + merge", ["DocumentsWriter", "IndexWriter", "Merge"]),
    ("JSON + cleaning", ["passages.ingest"]),
    ("article hash", ["Indexer.hash"]),
]
SERVE = [
    ("highlighting", ["PassageHighlighter"]),
    ("facet counting", ["FacetSnapshot", "FacetOrdinals"]),
    ("stored fields", ["StoredParagraphs"]),
    ("query parsing", ["QueryFactory"]),
    ("scoring + collecting", ["ParagraphSearcher.search", "IndexSearcher"]),
    ("JSON", ["jackson"]),
    ("Jetty + Javalin", ["eclipse.jetty", "javalin", "passages.web"]),
]


def jfr_tool():
    home = os.environ.get("JAVA_HOME")
    candidates = [os.path.join(home, "bin", "jfr")] if home else []
    candidates += sorted(glob.glob("/usr/lib/jvm/*/bin/jfr"), reverse=True)
    for c in candidates:
        if os.access(c, os.X_OK):
            return c
    sys.exit("jfr-buckets: no JDK 'jfr' tool found (set JAVA_HOME to a JDK 21+)")


def main(argv):
    serve = "--serve" in argv
    files = [a for a in argv if not a.startswith("--")]
    if len(files) != 1:
        sys.exit(__doc__)
    out = subprocess.run([jfr_tool(), "print", "--stack-depth", "256", "--events", "jdk.ExecutionSample", files[0]],
                         capture_output=True, text=True, check=True).stdout
    stages = SERVE if serve else BUILD
    counts = collections.Counter()
    total = 0
    for event in out.split("jdk.ExecutionSample")[1:]:
        frames = " ".join(re.findall(r"^\s+([\w.$<>]+)\(", event, re.M))
        if not frames:
            continue
        total += 1
        counts[next((name for name, marks in stages if any(m in frames for m in marks)), "other")] += 1
    print(f"{total} samples")
    for name, n in counts.most_common():
        print(f"{100.0 * n / total:5.1f}%  {name}")


if __name__ == "__main__":
    main(sys.argv[1:])
