#!/usr/bin/env node
// Builds the same search index as SiteBuilder's BuildSearchIndex stage with lunr.js 2.3.9 (tests/node_modules/lunr),
// for the C# vs lunr.js comparison of issue 7, and times it.
//
//   node bench/lunr-build.js DOCS.json [--out INDEX.json] [--compare SITE/search/index.json]
//
// DOCS.json is written by the build timer:
//   dotnet run --project bench/SiteBuilder.BuildTimer -c Release -- --input /tmp/corpus-1k --export-search-docs /tmp/docs-1k.json
// Fields and boosts are those of BuildSearchIndex.Index: title^10, entities^5, aliases, summary, body; ref = the page URL;
// no metadata whitelist (lunr's default). --compare checks that the C# index of a build of the same corpus is the same JSON.
// For 10,000 articles lunr needs about 2 GB of heap: run node with --max-old-space-size=8192.
'use strict';

const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const lunr = require(path.join(__dirname, '..', 'tests', 'node_modules', 'lunr'));

function usage() {
  process.stderr.write('usage: node bench/lunr-build.js DOCS.json [--out INDEX.json] [--compare SITE/search/index.json]\n');
  process.exit(2);
}

const args = process.argv.slice(2);
let docsPath = null;
let outPath = null;
let comparePath = null;
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--out') outPath = args[++i];
  else if (args[i] === '--compare') comparePath = args[++i];
  else if (!docsPath && !args[i].startsWith('--')) docsPath = args[i];
  else usage();
}
if (!docsPath) usage();

const mib = (bytes) => (bytes / 1048576).toFixed(1) + ' MiB';
const seconds = (ns) => (Number(ns) / 1e9).toFixed(3) + ' s';

let t0 = process.hrtime.bigint();
const docs = JSON.parse(fs.readFileSync(docsPath, 'utf8'));
const parseNs = process.hrtime.bigint() - t0;

t0 = process.hrtime.bigint();
const index = lunr(function () {
  this.ref('ref');
  this.field('title', { boost: 10 });
  this.field('entities', { boost: 5 });
  this.field('aliases');
  this.field('summary');
  this.field('body');
  for (const doc of docs) {
    this.add(doc);
  }
});
const buildNs = process.hrtime.bigint() - t0;

t0 = process.hrtime.bigint();
const json = JSON.stringify(index);
const serializeNs = process.hrtime.bigint() - t0;

const raw = Buffer.from(json, 'utf8');
// zlib level 6 is what .NET's CompressionLevel.Optimal maps to, as the build timer gzips.
const gzipped = zlib.gzipSync(raw, { level: 6 });
const maxRssKb = process.resourceUsage().maxRSS;

process.stdout.write(
  `lunr.js ${lunr.version}, node ${process.version}: ${docs.length} documents from ${docsPath}\n` +
  `| measure | value |\n|---|---:|\n` +
  `| read + JSON.parse of the documents | ${seconds(parseNs)} |\n` +
  `| lunr build (builder.add × n, build) | ${seconds(buildNs)} |\n` +
  `| JSON.stringify(index) | ${seconds(serializeNs)} |\n` +
  `| build + serialize | ${seconds(buildNs + serializeNs)} |\n` +
  `| peak RSS (maxRSS) | ${mib(maxRssKb * 1024)} |\n` +
  `| index raw / gzip | ${mib(raw.length)} / ${mib(gzipped.length)} |\n`);

if (outPath) {
  fs.writeFileSync(outPath, raw);
}

if (comparePath) {
  const theirs = fs.readFileSync(comparePath);
  if (theirs.equals(raw)) {
    process.stdout.write(`identical: ${comparePath} is byte for byte the index lunr.js builds\n`);
  } else {
    const same = JSON.stringify(JSON.parse(theirs.toString('utf8'))) === json;
    process.stdout.write(same
      ? `same JSON, different bytes: ${comparePath}\n`
      : `DIFFERENT: ${comparePath} is not the index lunr.js builds from these documents\n`);
    if (!same) process.exitCode = 1;
  }
}
