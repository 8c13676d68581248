/*
 * Search data: loads what a query needs from search/ and runs it with lunr 2.3.9. Plain ES2019, no build step, no DOM:
 * search.js uses it in the browser (global SiteSearchIndex) and the tests run the same file in node (module.exports).
 *
 * search/manifest.json names the layout (written by the engine's BuildSearchIndex stage):
 *   {"version":1,"layout":"monolithic","fields":[...],"documents":N,"articles":A}
 *     search/index.json  the whole lunr index; refs are document numbers "0" ... "N-1"
 *     search/docs.json   display data, an array: item n is document n
 *   {"version":1,"layout":"sharded","fields":[...],"documents":N,"articles":A,"docChunkSize":C,"docChunks":K,"terms":T,
 *    "shards":[{"from":"","file":"shards/_.json","terms":12},{"from":"a","file":"shards/a.json","terms":900},...]}
 *     shards/*.json      each a valid lunr index holding the terms t with shards[i].from <= t < shards[i+1].from
 *                        (UTF-16 code-unit order, as JS compares strings), their postings, and only the (doc, field)
 *                        vectors those postings name, reduced to those terms
 *     terms.json         every term, sorted: loaded only for fuzzy (~) and inner or leading wildcard (*) terms
 *     docs/<k>.json      display data of documents k*C ... k*C+C-1, an array
 *   Documents 0 ... A-1 are articles, the rest entities. A display item is
 *   {"t": title, "u": url, "k": kind, "d": date, "s": source, "x": summary, "a": [aliases]}.
 *
 * A query is parsed with lunr's own parser, its terms run through the index's search pipeline (the stemmer) as
 * lunr.Index#query does, and only the shards that can hold them are fetched (each once). The loaded shards are merged
 * into one serialised index (inverted indexes concatenated in shard order, which keeps the terms sorted; the vector
 * entries of a (doc, field) gathered from every shard and sorted by term index) and loaded with lunr.Index.load. lunr
 * scores a document by a dot product over the query's terms only, divided by the query vector's length, so the refs,
 * order and scores equal those of the whole index.
 *
 * One difference: a query whose clauses are all prohibited ("-putin") returns every document in lunr; here, in both
 * layouts, it returns no results (a shard only has the vectors of its own postings).
 */
(function (root, factory) {
  var api = factory();
  if (typeof module === 'object' && module.exports) {
    module.exports = api;
  } else {
    root.SiteSearchIndex = api;
  }
}(typeof self !== 'undefined' ? self : this, function () {
  'use strict';

  /**
   * The most shards a query's prefix, fuzzy and wildcard terms may add to those of its exact terms (a shard is at most
   * ~100 KB raw, or one term): broader expansions are not made ("t" while typing is searched as the word "t").
   */
  var DEFAULT_MAX_SHARDS = 8;

  /**
   * The most bytes (raw, as the manifest gives each shard's size) the prefix on the last word may add when the words
   * alone already find something: "gallagher" should not fetch the shard of "gallagher’s" too before its first result.
   * When the words find nothing ("gallag" while typing), the prefix is searched within maxShards whatever its size.
   */
  var DEFAULT_PREFIX_BYTES = 100 * 1024;

  // Characters lunr's query parser treats as syntax.
  var SYNTAX_EDGES = /^[:^~*+\-"]+|[:^~*+\-"]+$/g;
  var SYNTAX_INSIDE = /[:^~*+"]+/;
  var LOOKS_LIKE_QUERY_SYNTAX = /(^|\s)[+-]\S|\S:\S|\S[~^]\d|\S\*/;

  /** Splits like lunr's tokenizer (whitespace and hyphens), lowercases, and strips query syntax from the edges. */
  function tokenize(text) {
    var tokens = [];
    String(text).toLowerCase().split(/[\s\-]+/).forEach(function (raw) {
      raw.replace(SYNTAX_EDGES, '').split(SYNTAX_INSIDE).forEach(function (part) {
        var token = part.replace(SYNTAX_EDGES, '');
        if (token) {
          tokens.push(token);
        }
      });
    });
    return tokens;
  }

  /** True when every unit after position i of s is a '*'. */
  function onlyStarsFrom(s, i) {
    for (var j = i; j < s.length; j++) {
      if (s.charAt(j) !== '*') {
        return false;
      }
    }
    return true;
  }

  /**
   * Opens the search data.
   *   lunr       the lunr 2.3.9 module
   *   fetchJson  function (path relative to search/) -> Promise of the parsed JSON
   *   options    {maxShards: the most shards expansions may add (default 8; Infinity for no limit),
   *               prefixBytes: the most bytes the site query's prefix may add when its words find something
   *               (default 100 KiB; Infinity for no limit)}
   * Returns a Promise of a Store.
   */
  function open(lunr, fetchJson, options) {
    return fetchJson('manifest.json').then(function (manifest) {
      if (!manifest || manifest.version !== 1) {
        throw new Error('Unknown search manifest version');
      }
      var store = new Store(lunr, fetchJson, manifest, options || {});
      return manifest.layout === 'sharded' ? store : store.loadWhole().then(function () { return store; });
    });
  }

  function Store(lunr, fetchJson, manifest, options) {
    this.lunr = lunr;
    this.fetchJson = fetchJson;
    this.manifest = manifest;
    this.sharded = manifest.layout === 'sharded';
    this.maxShards = options.maxShards === undefined ? DEFAULT_MAX_SHARDS : options.maxShards;
    this.prefixBytes = options.prefixBytes === undefined ? DEFAULT_PREFIX_BYTES : options.prefixBytes;
    this.pipeline = lunr.Pipeline.load(['stemmer']);
    this.whole = null;
    this.wholeDocs = null;
    this.shardFiles = {};
    this.docChunks = {};
    this.termSet = null;
    this.merged = { key: null, index: null };
    var shards = manifest.shards || [];
    this.bounds = shards.map(function (s) { return s.from; });
  }

  Store.prototype.loadWhole = function () {
    var self = this;
    return Promise.all([this.fetchJson('index.json'), this.fetchJson('docs.json')]).then(function (parts) {
      self.whole = self.lunr.Index.load(parts[0]);
      self.wholeDocs = parts[1] || [];
    });
  };

  /** True when the ref (a document number) is an entity rather than an article. */
  Store.prototype.isEntity = function (ref) {
    return Number(ref) >= this.manifest.articles;
  };

  /** A lunr.Query of the query string, as lunr.Index#search parses it; throws lunr.QueryParseError. */
  Store.prototype.parse = function (raw) {
    var query = new this.lunr.Query(this.manifest.fields);
    new this.lunr.QueryParser(raw, query).parse();
    return query;
  };

  /** A lunr.Query built by a function, as lunr.Index#query builds it. */
  Store.prototype.build = function (fn) {
    var query = new this.lunr.Query(this.manifest.fields);
    fn.call(query, query);
    return query;
  };

  /** The shard that holds the term if the index has it: the last one whose bound is <= the term. */
  Store.prototype.shardOf = function (term) {
    var lo = 0;
    var hi = this.bounds.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (this.bounds[mid] <= term) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  };

  /** The shards that can hold a term starting with the prefix, as a list of shard numbers. */
  Store.prototype.shardsOfPrefix = function (prefix) {
    var first = this.shardOf(prefix);
    var last = first;
    // A later bound that starts with the prefix is a shard of such terms; the first one that does not is past them all.
    while (last + 1 < this.bounds.length && this.bounds[last + 1].slice(0, prefix.length) === prefix) {
      last++;
    }
    var list = [];
    for (var i = first; i <= last; i++) {
      list.push(i);
    }
    return list;
  };

  /** Every term of the index as a lunr.TokenSet, from terms.json (loaded once). */
  Store.prototype.terms = function () {
    var self = this;
    if (!this.termSet) {
      this.termSet = this.fetchJson('terms.json').then(function (terms) {
        return self.lunr.TokenSet.fromArray(terms);
      });
      this.termSet.catch(function () {
        self.termSet = null;
      });
    }
    return this.termSet;
  };

  /**
   * The shard numbers a lunr.Query needs: for each clause, its terms as lunr.Index#query computes them, then the shard of
   * an exact term, the shards of a trailing wildcard's prefix, or, for fuzzy and other wildcard terms, the shards of the
   * terms of terms.json they expand to. Returns a Promise of {shards: [sorted numbers], ok, extraBytes}, ok being false
   * when the expansions need more than maxShards shards beyond those of the exact terms (the exact terms are always
   * fetched), and extraBytes the size of those extra shards.
   */
  Store.prototype.plan = function (query) {
    var self = this;
    if (this.bounds.length === 0) {
      return Promise.resolve({ shards: [], ok: true, extraBytes: 0 }); // an index without terms
    }
    var exact = {};
    var expansion = {};
    var patterns = [];
    query.clauses.forEach(function (clause) {
      var terms = clause.usePipeline ? self.pipeline.runString(clause.term, { fields: clause.fields }) : [clause.term];
      terms.forEach(function (term) {
        var fuzzy = 'editDistance' in clause;
        var star = term.indexOf('*');
        if (fuzzy ? clause.editDistance === 0 : star < 0) {
          exact[self.shardOf(term)] = true;
        } else if (!fuzzy && onlyStarsFrom(term, star)) {
          self.shardsOfPrefix(term.slice(0, star)).forEach(function (s) {
            expansion[s] = true;
          });
        } else {
          patterns.push(fuzzy ? { term: term, editDistance: clause.editDistance } : { term: term });
        }
      });
    });
    var expanded = patterns.length === 0 ? Promise.resolve() : this.terms().then(function (all) {
      patterns.forEach(function (clause) {
        all.intersect(self.lunr.TokenSet.fromClause(clause)).toArray().forEach(function (term) {
          expansion[self.shardOf(term)] = true;
        });
      });
    });
    return expanded.then(function () {
      var extra = Object.keys(expansion).filter(function (s) { return !exact[s]; });
      var extraBytes = extra.reduce(function (sum, s) { return sum + (self.manifest.shards[s].bytes || 0); }, 0);
      var shards = Object.keys(exact).concat(extra).map(Number).sort(function (a, b) { return a - b; });
      return { shards: shards, ok: extra.length <= self.maxShards, extraBytes: extraBytes };
    });
  };

  Store.prototype.shard = function (number) {
    var self = this;
    if (!this.shardFiles[number]) {
      this.shardFiles[number] = this.fetchJson(this.manifest.shards[number].file);
      this.shardFiles[number].catch(function () {
        delete self.shardFiles[number];
      });
    }
    return this.shardFiles[number];
  };

  /** A lunr.Index of the given shards (sorted shard numbers): loaded, merged and cached for the next query. */
  Store.prototype.indexOf = function (shards) {
    var self = this;
    var key = shards.join(',');
    if (this.merged.key === key) {
      return Promise.resolve(this.merged.index);
    }
    return Promise.all(shards.map(function (s) { return self.shard(s); })).then(function (parts) {
      var index = self.lunr.Index.load(merge(self.manifest.fields, parts, self.lunr.version));
      self.merged = { key: key, index: index };
      return index;
    });
  };

  /**
   * The index to run a query on: the whole one, or the merge of the shards it needs. A Promise of the lunr.Index, or
   * of null when its expansions would need more than maxShards shards.
   */
  Store.prototype.indexFor = function (query) {
    if (!this.sharded) {
      return Promise.resolve(this.whole);
    }
    var self = this;
    return this.plan(query).then(function (plan) {
      return plan.ok ? self.indexOf(plan.shards) : null;
    });
  };

  /**
   * lunr.Index#search(raw) on the whole index, fetching only what it needs: the same refs, order and scores, except that
   * an all-prohibited query gives []. Rejects with lunr.QueryParseError like lunr throws, and with an Error when the
   * query's expansions need more than maxShards shards.
   */
  Store.prototype.search = function (raw) {
    var query;
    try {
      query = this.parse(raw);
    } catch (e) {
      return Promise.reject(e);
    }
    if (query.isNegated()) {
      return Promise.resolve([]);
    }
    return this.indexFor(query).then(function (index) {
      if (!index) {
        throw new Error('The query needs too many shards: ' + raw);
      }
      return index.search(raw);
    });
  };

  /**
   * The site's query: the user's own lunr syntax (title:x, +x, -x, x~1, x^10, x*) when the input has some, lunr accepts
   * it and it finds something; otherwise each word exactly (boost 10) and the last one also as a prefix (boost 1), so
   * "zelen" finds Zelensky while typing. Never rejects for what the user typed. Returns a Promise of
   * {tokens: the words, results: lunr's results}.
   */
  Store.prototype.find = function (raw) {
    var self = this;
    var tokens = tokenize(raw);
    var syntax = null;
    if (LOOKS_LIKE_QUERY_SYNTAX.test(raw)) {
      try {
        syntax = this.parse(raw);
      } catch (e) {
        syntax = null; // A parse error or an unknown field: the words are searched instead.
      }
    }
    if (syntax && syntax.isNegated()) {
      return Promise.resolve({ tokens: tokens, results: [] });
    }
    var first = syntax ? this.indexFor(syntax).then(function (index) {
      if (!index) {
        return [];
      }
      try {
        return index.search(raw);
      } catch (e) {
        return [];
      }
    }) : Promise.resolve([]);
    return first.then(function (results) {
      if (results.length > 0 || tokens.length === 0) {
        return results;
      }
      return self.wordsQuery(tokens);
    }).then(function (results) {
      return { tokens: tokens, results: results };
    });
  };

  /**
   * Each word exactly, and the last one also as a prefix: at once when that adds at most prefixBytes to the shards of the
   * words, otherwise only if the words alone find nothing (and the prefix needs at most maxShards more shards).
   */
  Store.prototype.wordsQuery = function (tokens) {
    var self = this;
    var lunr = this.lunr;
    var last = tokens[tokens.length - 1];
    function build(withPrefix) {
      return function (q) {
        tokens.forEach(function (token, i) {
          q.term(token, { boost: 10 });
          if (withPrefix && i === tokens.length - 1) {
            q.term(token, { boost: 1, usePipeline: false, wildcard: lunr.Query.wildcard.TRAILING });
          }
        });
      };
    }
    function run(index, fn) {
      try {
        return index ? index.query(fn) : [];
      } catch (e) {
        return [];
      }
    }
    var exact = build(false);
    if (last.length < 2) {
      return this.indexFor(this.build(exact)).then(function (index) { return run(index, exact); });
    }
    var prefixed = build(true);
    if (!this.sharded) {
      return Promise.resolve(run(this.whole, prefixed));
    }
    return this.plan(this.build(prefixed)).then(function (plan) {
      if (plan.ok && plan.extraBytes <= self.prefixBytes) {
        return self.indexOf(plan.shards).then(function (index) { return run(index, prefixed); });
      }
      return self.indexFor(self.build(exact)).then(function (index) {
        var found = run(index, exact);
        if (found.length > 0 || !plan.ok) {
          return found;
        }
        return self.indexOf(plan.shards).then(function (all) { return run(all, prefixed); });
      });
    });
  };

  /** The display data of the given refs: a Promise of an object ref -> item, fetching only the chunks they are in. */
  Store.prototype.docs = function (refs) {
    var self = this;
    if (!this.sharded) {
      var all = {};
      refs.forEach(function (ref) {
        all[ref] = self.wholeDocs[Number(ref)] || null;
      });
      return Promise.resolve(all);
    }
    var size = this.manifest.docChunkSize;
    var chunks = {};
    refs.forEach(function (ref) {
      chunks[Math.floor(Number(ref) / size)] = true;
    });
    var numbers = Object.keys(chunks).map(Number);
    return Promise.all(numbers.map(function (k) {
      if (!self.docChunks[k]) {
        self.docChunks[k] = self.fetchJson('docs/' + k + '.json');
        self.docChunks[k].catch(function () {
          delete self.docChunks[k];
        });
      }
      return self.docChunks[k];
    })).then(function (loaded) {
      var byChunk = {};
      numbers.forEach(function (k, i) {
        byChunk[k] = loaded[i] || [];
      });
      var found = {};
      refs.forEach(function (ref) {
        var n = Number(ref);
        var k = Math.floor(n / size);
        found[ref] = byChunk[k][n - (k * size)] || null;
      });
      return found;
    });
  };

  /**
   * One serialised lunr index from shards in term order: their inverted indexes concatenated (sorted, as the shards
   * are), and for each (doc, field) the [termIndex, value] pairs of every shard, sorted by term index. No shards give
   * an index without terms (of the given lunr version).
   */
  function merge(fields, shards, version) {
    if (shards.length === 0) {
      return { version: version, fields: fields, fieldVectors: [], invertedIndex: [], pipeline: ['stemmer'] };
    }
    if (shards.length === 1) {
      return shards[0];
    }
    var parts = Object.create(null);
    var order = [];
    var inverted = [];
    shards.forEach(function (shard) {
      shard.fieldVectors.forEach(function (entry) {
        var list = parts[entry[0]];
        if (list) {
          list.push(entry[1]);
        } else {
          parts[entry[0]] = [entry[1]];
          order.push(entry[0]);
        }
      });
      for (var i = 0; i < shard.invertedIndex.length; i++) {
        inverted.push(shard.invertedIndex[i]);
      }
    });
    var vectors = order.map(function (fieldRef) {
      var list = parts[fieldRef];
      if (list.length === 1) {
        return [fieldRef, list[0]];
      }
      var pairs = [];
      list.forEach(function (elements) {
        for (var i = 0; i < elements.length; i += 2) {
          pairs.push([elements[i], elements[i + 1]]);
        }
      });
      pairs.sort(function (a, b) { return a[0] - b[0]; });
      var flat = new Array(pairs.length * 2);
      pairs.forEach(function (pair, i) {
        flat[2 * i] = pair[0];
        flat[(2 * i) + 1] = pair[1];
      });
      return [fieldRef, flat];
    });
    return {
      version: shards[0].version,
      fields: fields,
      fieldVectors: vectors,
      invertedIndex: inverted,
      pipeline: shards[0].pipeline
    };
  }

  return {
    open: open,
    merge: merge,
    tokenize: tokenize,
    DEFAULT_MAX_SHARDS: DEFAULT_MAX_SHARDS
  };
}));
