"""Writes the "text" body of every Reuters-21578 JSONL record to one file, blank-line separated."""
import json
import sys

src, dst = sys.argv[1], sys.argv[2]
with open(src, encoding="utf-8") as f, open(dst, "w", encoding="utf-8") as out:
    for line in f:
        line = line.strip()
        if not line:
            continue
        text = json.loads(line).get("text") or ""
        if text:
            out.write(text.rstrip() + "\n\n")
