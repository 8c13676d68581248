#!/usr/bin/env python3
"""Time from saving an article to `sitebuilder serve` serving its new page.

Copies a corpus (keeping modification times, as a long-running session would see them), starts the preview server on
it, then edits one article N times (title and body alternately) and polls the article's page until it shows the edit (every 5 ms).
Prints each latency and the median. The time includes the watcher's quiet period, the build and publishing; not the
browser's reload. Usage:

    bench/serve-latency.py --cli path/to/SiteBuilder.Cli[.dll] --input /tmp/corpus-10000 [--edits 10] [--port 5099]
"""
import argparse, os, re, shutil, statistics, subprocess, sys, tempfile, time, urllib.request

parser = argparse.ArgumentParser()
parser.add_argument("--cli", required=True, help="the built CLI: SiteBuilder.Cli (apphost) or SiteBuilder.Cli.dll")
parser.add_argument("--input", required=True)
parser.add_argument("--edits", type=int, default=10)
parser.add_argument("--port", type=int, default=5099)
parser.add_argument("--pause", type=float, default=4.0, help="seconds between edits (the search index is rebuilt meanwhile)")
args = parser.parse_args()

work = tempfile.mkdtemp(prefix="sitebuilder-latency-")
corpus = os.path.join(work, "input")
shutil.copytree(args.input, corpus)  # copy2: times kept
articles = sorted(os.path.join(d, f) for d, _, fs in os.walk(os.path.join(corpus, "articles")) for f in fs if f.endswith(".md"))
edited = articles[len(articles) // 2]
slug = os.path.splitext(os.path.basename(edited))[0]
command = (["dotnet", args.cli] if args.cli.endswith(".dll") else [args.cli]) + ["serve", "--input", corpus, "--port", str(args.port)]
server = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
try:
    base = None
    for line in server.stdout:
        match = re.search(r"http://127\.0\.0\.1:\d+/\S*", line)
        if match:
            base = match.group(0).rstrip("/") + "/"
            break
    if base is None:
        sys.exit("the server did not start")
    # Drain the server's output in the background so it never blocks on a full pipe.
    import threading
    threading.Thread(target=lambda: [None for _ in server.stdout], daemon=True).start()
    page = base + "articles/" + slug + "/"
    latencies = []
    for edit in range(1, args.edits + 1):
        time.sleep(args.pause)
        with open(edited, encoding="utf-8") as f:
            text = f.read()
        marker = f"Edit{edit}x"
        if edit % 2 == 1:
            text = text.replace('\ntitle: "', f'\ntitle: "{marker} ', 1)
        else:
            end = text.index("\n---\n", text.index("\ntitle:")) + 5
            paragraph = text.index("\n\n", end) + 2
            text = text[:paragraph] + marker + " " + text[paragraph:]
        with open(edited, "w", encoding="utf-8") as f:
            f.write(text)
        start = time.monotonic()
        while True:
            body = urllib.request.urlopen(page).read().decode("utf-8")
            if marker in body:
                break
            if time.monotonic() - start > 30:
                sys.exit(f"edit {edit} was not served within 30 s")
            # Polling without pause would take a core from the build it waits for (the machine may have two).
            time.sleep(0.005)
        latencies.append((time.monotonic() - start) * 1000)
        print(f"edit {edit} ({'title' if edit % 2 else 'body'}): {latencies[-1]:.0f} ms", flush=True)
    print(f"median {statistics.median(latencies):.0f} ms, min {min(latencies):.0f} ms, max {max(latencies):.0f} ms over {len(latencies)} edits")
finally:
    server.terminate()
    server.wait()
    shutil.rmtree(work, ignore_errors=True)
