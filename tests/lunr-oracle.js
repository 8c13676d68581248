#!/usr/bin/env node
// Differential-test oracle: runs real lunr.js (tests/node_modules/lunr) on inputs read as JSON from stdin.
//
//   node lunr-oracle.js build    [{ref, fields:[{name, boost}], metadataWhitelist:[...], k1?, b?,
//                                   docs:[{doc:{...}, boost}]}, ...]
//                                -> [JSON.stringify(idx), ...]   (one string per corpus)
//   node lunr-oracle.js stem     ["word", ...]  -> ["stem", ...]
//   node lunr-oracle.js query    {index | corpus, queries:[...]} or an array of those
//                                -> per job, per query: [{ref, score}, ...] or {error}
//                                   (index: a serialized index, as object or JSON string; corpus: built here)
//   node lunr-oracle.js tostring [number, ...]  -> [String(n), ...]
//   node lunr-oracle.js lower    ["text", ...]  -> [text.toLowerCase(), ...]
//   node lunr-oracle.js log      [number, ...]  -> [Math.log(n), ...]
'use strict';

const path = require('path');
const lunr = require(path.join(__dirname, 'node_modules', 'lunr'));

// lunr warns on console when versions differ; keep stdout for the result only.
lunr.utils.warn = function (message) { process.stderr.write(String(message) + '\n'); };

function readStdin() {
  const chunks = [];
  const fd = 0;
  const buffer = Buffer.alloc(1 << 20);
  for (;;) {
    let n;
    try {
      n = require('fs').readSync(fd, buffer, 0, buffer.length, null);
    } catch (e) {
      if (e.code === 'EAGAIN') continue;
      if (e.code === 'EOF') break;
      throw e;
    }
    if (n === 0) break;
    chunks.push(Buffer.from(buffer.subarray(0, n)));
  }
  return Buffer.concat(chunks).toString('utf8');
}

function build(corpus) {
  return lunr(function () {
    this.ref(corpus.ref);
    for (const field of corpus.fields) {
      this.field(field.name, { boost: field.boost });
    }
    this.metadataWhitelist = corpus.metadataWhitelist || [];
    if (corpus.k1 !== undefined && corpus.k1 !== null) this.k1(corpus.k1);
    if (corpus.b !== undefined && corpus.b !== null) this.b(corpus.b);
    for (const entry of corpus.docs) {
      this.add(entry.doc, { boost: entry.boost });
    }
  });
}

function search(index, queries) {
  return queries.map(function (q) {
    try {
      return index.search(q).map(function (r) { return { ref: r.ref, score: r.score }; });
    } catch (e) {
      return { error: String(e && e.message || e) };
    }
  });
}

function queryJob(job) {
  let index;
  if (job.corpus) {
    index = build(job.corpus);
  } else {
    const serialized = typeof job.index === 'string' ? JSON.parse(job.index) : job.index;
    index = lunr.Index.load(serialized);
  }
  return search(index, job.queries);
}

const mode = process.argv[2];
const input = JSON.parse(readStdin());
let output;
switch (mode) {
  case 'build':
    output = input.map(function (corpus) { return JSON.stringify(build(corpus)); });
    break;
  case 'stem':
    output = input.map(function (w) { return lunr.stemmer(new lunr.Token(w)).toString(); });
    break;
  case 'query':
    output = Array.isArray(input) ? input.map(queryJob) : queryJob(input);
    break;
  case 'tostring':
    output = input.map(function (n) { return String(n); });
    break;
  case 'lower':
    output = input.map(function (s) { return s.toLowerCase(); });
    break;
  case 'log':
    output = input.map(function (n) { return Math.log(n); });
    break;
  default:
    process.stderr.write('usage: node lunr-oracle.js build|stem|query|tostring|lower|log < input.json\n');
    process.exit(2);
}
process.stdout.write(JSON.stringify(output));
