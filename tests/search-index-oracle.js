#!/usr/bin/env node
// Runs queries through theme/wwwroot/js/search-index.js (the browser's loader) on built search folders, reading the
// files from disk instead of fetching them, and counts what each query loaded. Input (JSON on stdin):
//
//   {"jobs": [{"site": "<folder with manifest.json>", "whole": "<a lunr index.json, optional>", "mode": "search"|"find",
//              "maxShards": n (optional; null = no limit, on shards and on the prefix's bytes alike),
//              "prefixBytes": n (optional; the loader's default when maxShards is given), "docs": n (optional: then also load the display data of the
//              top n results and of every entity result, as search.js does before showing the first result),
//              "queries": ["...", ...]}, ...]}
//
// Output, per job, per query: {"whole": lunr's own results on the whole index (mode search, when "whole" is given),
//   "layout": the loader's results, "files": [the files loaded, relative to the site folder, in load order],
//   "bytes": their total size, "gzip": their total gzip size (level 6, what a web server typically sends), "first": the
//   display item of the first result (when "docs" is given)}. Results are [{ref, score}, ...] or {"error": message}.
'use strict';

const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const lunr = require(path.join(__dirname, 'node_modules', 'lunr'));
const SearchIndex = require(path.join(__dirname, '..', 'theme', 'wwwroot', 'js', 'search-index.js'));

lunr.utils.warn = function (message) { process.stderr.write(String(message) + '\n'); };

function results(list) {
  return list.map(function (r) { return { ref: r.ref, score: r.score }; });
}

function failure(e) {
  return { error: String(e && e.message || e) };
}

/** A fetchJson over a folder that records every file it reads. */
function diskFetcher(folder, log) {
  return function (file) {
    return new Promise(function (resolve, reject) {
      fs.readFile(path.join(folder, file), function (error, bytes) {
        if (error) {
          reject(new Error('Could not load ' + file + ': ' + error.code));
          return;
        }
        log.push({ file: file, bytes: bytes.length, gzip: zlib.gzipSync(bytes, { level: 6 }).length });
        resolve(JSON.parse(bytes.toString('utf8')));
      });
    });
  };
}

async function runQuery(job, query) {
  const log = [];
  const unlimited = job.maxShards === null || job.maxShards === undefined;
  const options = {
    maxShards: unlimited ? Infinity : job.maxShards,
    prefixBytes: job.prefixBytes !== undefined && job.prefixBytes !== null ? job.prefixBytes : (unlimited ? Infinity : undefined),
  };
  const out = {};
  try {
    const store = await SearchIndex.open(lunr, diskFetcher(job.site, log), options);
    if (job.mode === 'find') {
      const found = await store.find(query);
      out.layout = results(found.results);
      if (job.docs) {
        const wanted = found.results.slice(0, job.docs).map(function (r) { return r.ref; });
        found.results.forEach(function (r) {
          if (store.isEntity(r.ref)) {
            wanted.push(r.ref);
          }
        });
        const docs = await store.docs(wanted);
        out.first = found.results.length > 0 ? docs[found.results[0].ref] : null;
      }
    } else {
      out.layout = results(await store.search(query));
    }
  } catch (e) {
    out.layout = failure(e);
  }
  out.files = log.map(function (entry) { return entry.file; });
  out.bytes = log.reduce(function (sum, entry) { return sum + entry.bytes; }, 0);
  out.gzip = log.reduce(function (sum, entry) { return sum + entry.gzip; }, 0);
  return out;
}

async function runJob(job) {
  const whole = job.whole ? lunr.Index.load(JSON.parse(fs.readFileSync(job.whole, 'utf8'))) : null;
  const outputs = [];
  for (const query of job.queries) {
    const out = await runQuery(job, query);
    if (whole) {
      try {
        out.whole = results(whole.search(query));
      } catch (e) {
        out.whole = failure(e);
      }
    }
    outputs.push(out);
  }
  return outputs;
}

async function main() {
  const input = JSON.parse(fs.readFileSync(0, 'utf8'));
  const output = [];
  for (const job of input.jobs) {
    output.push(await runJob(job));
  }
  process.stdout.write(JSON.stringify(output));
}

main().catch(function (e) {
  process.stderr.write(String(e && e.stack || e) + '\n');
  process.exit(1);
});
