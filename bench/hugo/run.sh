#!/usr/bin/env bash
# Builds the articles of a generated corpus with Hugo (Debian's package, `apt-get install -y hugo`) for the ratio of issue 7.
#
#   bench/hugo/run.sh CORPUS_DIR [RUNS]      e.g. bench/hugo/run.sh /tmp/corpus-1k 3
#   PAUSE=45 bench/hugo/run.sh …              sync and wait 45 s before each run, as the build timer's --pause does
#
# A minimal Hugo site: one page per article (articles/<slug>/), the home page and the articles section paginated by 20,
# and one list page per tag. No entities, mention linking, co-mentions, related articles or search: Hugo has none of them.
# The generated Markdown is copied as it is into content/articles/ (its YAML front matter is valid Hugo front matter).
# Prints every run and the median wall time, CPU time and peak RSS of `hugo --quiet` (from /usr/bin/time), each a clean build.
set -euo pipefail

corpus=${1:?usage: bench/hugo/run.sh CORPUS_DIR [RUNS]}
runs=${2:-3}
here=$(cd "$(dirname "$0")" && pwd)
command -v hugo >/dev/null || { echo "hugo is not installed: apt-get install -y hugo" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "/usr/bin/time is not installed: apt-get install -y time" >&2; exit 1; }

site=$(mktemp -d /tmp/hugo-bench.XXXXXX)
trap 'rm -rf "$site"' EXIT
mkdir -p "$site/content"
cp -r "$corpus/articles" "$site/content/articles"
cp -r "$here/layouts" "$site/layouts"
cat > "$site/config.toml" <<TOML
baseURL = "https://example.org/archive/"
title = "Generated News Archive"
languageCode = "en"
paginate = 20
disableKinds = ["RSS", "sitemap", "robotsTXT", "404"]
[permalinks]
  articles = "/articles/:filename/"
[taxonomies]
  tag = "tags"
TOML

articles=$(find "$site/content/articles" -name '*.md' | wc -l)
echo "hugo: $(hugo version | cut -d' ' -f2), $articles articles from $corpus, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
walls=(); rss=(); cpus=()
for run in $(seq 1 "$runs"); do
  # Each run into a new folder, all deleted at the end (the trap): ext4 skips recently freed inodes when it allocates,
  # so deleting one run's output just before the next slows the next one's file creation (as in the build timer).
  rm -rf "$site/resources"
  sync
  if [ "$run" -gt 1 ]; then sleep "${PAUSE:-0}"; fi
  out=$( { /usr/bin/time -f '%e %M %U %S' hugo --quiet --source "$site" --destination "$site/public-$run" >/dev/null; } 2>&1 | tail -1)
  read -r wall kb user sys <<<"$out"
  cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
  walls+=("$wall"); rss+=("$kb"); cpus+=("$cpu")
  echo "run $run: $wall s, CPU $cpu s, peak RSS $((kb / 1024)) MiB, $(find "$site/public-$run" -type f | wc -l) files, $(du -sm "$site/public-$run" | cut -f1) MiB"
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
echo "median of $runs: $(median "${walls[@]}") s wall, $(median "${cpus[@]}") s CPU (user + system), peak RSS $(( $(median "${rss[@]}" | cut -d. -f1) / 1024 )) MiB"
