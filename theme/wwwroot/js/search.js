/*
 * Site search: the header box on every page (a combobox with the top results) and the search page (search/?q=...).
 * Plain ES2019, no build step, no inline script (the pages' Content-Security-Policy allows script from 'self' only).
 *
 * Contract with the engine: the files under search/ (manifest.json, then either index.json and docs.json, or shards,
 * terms and display-data chunks) are described in search-index.js, which loads what a query needs and runs it with
 * lunr. Refs are document numbers; the display data of a result is
 *   {"t": title, "u": url relative to the site root, "k": "article"|"person"|"organization"|"place"|"event",
 *    "d": "2025-02-28", "s": source (articles only), "x": summary or description, "a": [aliases] (optional)}.
 * The base path comes from <html data-base="/sub/">; lunr.min.js and search-index.js are loaded from assets/js/ only
 * when needed.
 *
 * Every string from the data goes into the page through textContent, never as HTML.
 */
(function () {
  'use strict';

  var root = document.documentElement;
  var base = root.getAttribute('data-base') || '/';
  if (base.charAt(base.length - 1) !== '/') {
    base += '/';
  }

  var KIND_LABELS = {
    article: 'Article',
    person: 'Person',
    organization: 'Organization',
    place: 'Place',
    event: 'Event'
  };
  var MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October',
    'November', 'December'];
  var POPUP_RESULTS = 6;
  var PAGE_RESULTS = 50;
  var PAGE_FIRST = 10; // shown as soon as their display data is in; the rest of the page follows
  var SNIPPET_LENGTH = 240;

  /* Loading ------------------------------------------------------------ */

  var loading = null;

  function loadScript(src, global) {
    return new Promise(function (resolve, reject) {
      if (window[global]) {
        resolve();
        return;
      }
      var script = document.createElement('script');
      script.src = src;
      script.async = true;
      script.onload = function () {
        resolve();
      };
      script.onerror = function () {
        reject(new Error('Could not load ' + src));
      };
      document.head.appendChild(script);
    });
  }

  function fetchJson(path) {
    var url = base + 'search/' + path;
    return fetch(url, { credentials: 'same-origin' }).then(function (response) {
      if (!response.ok) {
        throw new Error('Could not load ' + url + ' (' + response.status + ')');
      }
      return response.json();
    });
  }

  /** Loads lunr, the loader and the search manifest once; a failure is forgotten so that a later attempt can retry. */
  function load() {
    if (!loading) {
      loading = Promise.all([
        loadScript(base + 'assets/js/lunr.min.js', 'lunr'),
        loadScript(base + 'assets/js/search-index.js', 'SiteSearchIndex')
      ]).then(function () {
        return window.SiteSearchIndex.open(window.lunr, fetchJson);
      });
      loading.catch(function () {
        loading = null;
      });
    }
    return loading;
  }

  /* Querying ----------------------------------------------------------- */

  function stem(word) {
    try {
      return window.lunr.stemmer(new window.lunr.Token(word)).toString();
    } catch (e) {
      return word;
    }
  }

  function words(text) {
    return String(text || '').toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  }

  /** True when every query word starts a word of the entity's name or of one of its aliases. */
  function namesEntity(doc, tokens, matchedTerms) {
    if (!doc || doc.k === 'article' || tokens.length === 0) {
      return false;
    }
    var names = [words(doc.t)];
    (doc.a || []).forEach(function (alias) {
      names.push(words(alias));
    });
    var byName = names.some(function (nameWords) {
      return tokens.every(function (token) {
        return nameWords.some(function (w) {
          return w.indexOf(token) === 0;
        });
      });
    });
    if (byName) {
      return true;
    }
    // Aliases are in the index but not always in docs.json: trust lunr when it matched every word in a name field.
    return tokens.every(function (token) {
      var stemmed = stem(token);
      return matchedTerms.some(function (m) {
        return (m.fields.title || m.fields.aliases) && (m.term === stemmed || m.term.indexOf(token) === 0);
      });
    });
  }

  function matchedTermsOf(result) {
    var metadata = (result.matchData && result.matchData.metadata) || {};
    return Object.keys(metadata).map(function (term) {
      return { term: term, fields: metadata[term] || {} };
    });
  }

  /**
   * Results with their display data: entities the query names first, then the rest in lunr's order. Only the display
   * data of the first `limit` results and of the entities among the results is loaded; the other hits have doc null.
   */
  function search(store, raw, limit) {
    return store.find(raw).then(function (found) {
      var wanted = found.results.slice(0, limit).map(function (result) { return result.ref; });
      found.results.forEach(function (result) {
        if (store.isEntity(result.ref)) {
          wanted.push(result.ref);
        }
      });
      return store.docs(wanted).then(function (docs) {
        var named = [];
        var rest = [];
        found.results.forEach(function (result) {
          var doc = docs[result.ref] || null;
          var terms = matchedTermsOf(result);
          var hit = { ref: result.ref, doc: doc, terms: terms.map(function (m) { return m.term; }) };
          (store.isEntity(result.ref) && namesEntity(doc, found.tokens, terms) ? named : rest).push(hit);
        });
        return { tokens: found.tokens, hits: named.concat(rest) };
      });
    });
  }

  /* Rendering ---------------------------------------------------------- */

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text !== undefined && text !== null) {
      node.textContent = String(text);
    }
    return node;
  }

  function hrefOf(doc) {
    var url = String(doc.u || '');
    // Only site-relative URLs: never a scheme such as javascript:.
    if (/^[a-z][a-z0-9+.\-]*:/i.test(url) || url.indexOf('//') === 0) {
      return base;
    }
    return base + url.replace(/^\/+/, '');
  }

  function formatDate(iso) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(iso || ''));
    if (!m) {
      return String(iso || '');
    }
    return Number(m[3]) + ' ' + MONTHS[Number(m[2]) - 1] + ' ' + m[1];
  }

  function badge(kind) {
    var known = Object.prototype.hasOwnProperty.call(KIND_LABELS, kind);
    return el('span', 'badge badge--' + (known ? kind : 'article'), known ? KIND_LABELS[kind] : 'Page');
  }

  /** Meta line: kind badge, and date and source for articles. */
  function meta(doc, className) {
    var line = el('span', className);
    line.appendChild(badge(doc.k));
    if (doc.d) {
      var time = el('time', null, formatDate(doc.d));
      time.setAttribute('datetime', doc.d);
      line.appendChild(time);
    }
    if (doc.s) {
      if (doc.d) {
        var sep = el('span', 'meta__sep', '\u00B7');
        sep.setAttribute('aria-hidden', 'true');
        line.appendChild(sep);
      }
      line.appendChild(el('span', null, doc.s));
    }
    return line;
  }

  function isMatch(word, tokens, stems, terms) {
    var lower = word.toLowerCase();
    for (var i = 0; i < tokens.length; i++) {
      if (lower.indexOf(tokens[i]) === 0 || (stems[i].length > 2 && lower.indexOf(stems[i]) === 0)) {
        return true;
      }
    }
    return terms.length > 0 && terms.indexOf(stem(lower)) >= 0;
  }

  /** Appends text to a node with the words that match the query wrapped in <mark>, cut around the first match. */
  function highlight(parent, text, tokens, terms, maxLength) {
    text = String(text || '');
    var stems = tokens.map(stem);
    var pattern = /[\p{L}\p{N}]+/gu;
    var marks = [];
    var m;
    while ((m = pattern.exec(text)) !== null) {
      if (isMatch(m[0], tokens, stems, terms)) {
        marks.push([m.index, m.index + m[0].length]);
      }
    }
    var start = 0;
    var end = text.length;
    if (maxLength && text.length > maxLength) {
      var first = marks.length > 0 ? marks[0][0] : 0;
      start = Math.max(0, Math.min(first - Math.floor(maxLength / 3), text.length - maxLength));
      if (start > 0) {
        var space = text.indexOf(' ', start);
        start = space >= 0 && space < first ? space + 1 : start;
      }
      end = Math.min(text.length, start + maxLength);
      var lastSpace = text.lastIndexOf(' ', end);
      if (end < text.length && lastSpace > start + maxLength / 2) {
        end = lastSpace;
      }
    }
    var position = start;
    if (start > 0) {
      parent.appendChild(document.createTextNode('\u2026'));
    }
    marks.forEach(function (range) {
      if (range[0] < start || range[1] > end) {
        return;
      }
      if (range[0] > position) {
        parent.appendChild(document.createTextNode(text.slice(position, range[0])));
      }
      parent.appendChild(el('mark', null, text.slice(range[0], range[1])));
      position = range[1];
    });
    if (position < end) {
      parent.appendChild(document.createTextNode(text.slice(position, end)));
    }
    if (end < text.length) {
      parent.appendChild(document.createTextNode('\u2026'));
    }
  }

  function quoted(query) {
    return '\u201C' + query.trim() + '\u201D';
  }

  function countText(count, query) {
    return count.toLocaleString('en') + (count === 1 ? ' result for ' : ' results for ') + quoted(query);
  }

  /* The search page ----------------------------------------------------- */

  function initSearchPage(container) {
    var form = container.querySelector('form');
    var input = container.querySelector('input[type="search"]');
    var status = container.querySelector('#search-status');
    var list = container.querySelector('#search-results');
    if (!form || !input || !status || !list) {
      return;
    }
    var timer = 0;
    var generation = 0;

    function setState(state) {
      container.setAttribute('data-state', state);
    }

    function clear(node) {
      while (node.firstChild) {
        node.removeChild(node.firstChild);
      }
    }

    function emptyState(query) {
      var box = el('li', 'search-empty');
      box.appendChild(el('p', null, 'Nothing in the archive matches ' + quoted(query) + '.'));
      var tips = el('ul');
      tips.appendChild(el('li', null, 'Check the spelling, or try fewer or more general words.'));
      tips.appendChild(el('li', null, 'Search for a person, place or organization by name: \u201Ctusk\u201D, \u201Ckyiv\u201D.'));
      var browse = el('li', null, 'Or browse the ');
      var archive = el('a', null, 'archive by month');
      archive.href = base + 'archive/';
      var entities = el('a', null, 'index of entities');
      entities.href = base + 'entities/';
      browse.appendChild(archive);
      browse.appendChild(document.createTextNode(' or the '));
      browse.appendChild(entities);
      browse.appendChild(document.createTextNode('.'));
      tips.appendChild(browse);
      box.appendChild(tips);
      return box;
    }

    function renderHit(hit, tokens) {
      var doc = hit.doc;
      var item = el('li', 'search-result search-result--' + (doc.k === 'article' ? 'article' : 'entity'));
      var title = el('h2', 'search-result__title');
      var link = el('a', null, doc.t);
      link.href = hrefOf(doc);
      title.appendChild(link);
      item.appendChild(title);
      item.appendChild(meta(doc, 'search-result__meta'));
      if (doc.x) {
        var snippet = el('p', 'search-result__snippet');
        highlight(snippet, doc.x, tokens, hit.terms, SNIPPET_LENGTH);
        item.appendChild(snippet);
      }
      return item;
    }

    function appendHits(hits, tokens) {
      var fragment = document.createDocumentFragment();
      hits.forEach(function (hit) {
        if (hit.doc) {
          fragment.appendChild(renderHit(hit, tokens));
        }
      });
      list.appendChild(fragment);
    }

    function show(query) {
      var current = ++generation;
      clear(list);
      if (!query.trim()) {
        status.textContent = '';
        setState('idle');
        return;
      }
      setState('loading');
      status.textContent = 'Searching\u2026';
      var store = null;
      load().then(function (loaded) {
        store = loaded;
        // With shards, display data comes in chunks: show the first results as soon as theirs are in.
        return search(store, query, store.sharded ? PAGE_FIRST : PAGE_RESULTS);
      }).then(function (found) {
        if (current !== generation) {
          return;
        }
        clear(list);
        if (found.hits.length === 0) {
          status.textContent = 'No results for ' + quoted(query);
          list.appendChild(emptyState(query));
          setState('empty');
          return;
        }
        status.textContent = countText(found.hits.length, query) +
          (found.hits.length > PAGE_RESULTS ? ', showing the first ' + PAGE_RESULTS : '');
        var page = found.hits.slice(0, PAGE_RESULTS);
        var ready = 0;
        while (ready < page.length && page[ready].doc) {
          ready++;
        }
        appendHits(page.slice(0, ready), found.tokens);
        setState('results');
        if (ready === page.length) {
          return;
        }
        var later = page.slice(ready);
        store.docs(later.map(function (hit) { return hit.ref; })).then(function (docs) {
          if (current !== generation) {
            return;
          }
          later.forEach(function (hit) {
            hit.doc = docs[hit.ref] || null;
          });
          appendHits(later, found.tokens);
        }, function () {
          // The first results are on screen; the rest of the page stays away until the next search.
        });
      }, function () {
        if (current !== generation) {
          return;
        }
        clear(list);
        status.textContent = 'Search is unavailable: the search index could not be loaded. Please try again later.';
        setState('error');
      });
    }

    function urlFor(query) {
      var url = new URL(window.location.href);
      if (query) {
        url.searchParams.set('q', query);
      } else {
        url.searchParams.delete('q');
      }
      return url.pathname + url.search + url.hash;
    }

    function queryFromUrl() {
      return new URLSearchParams(window.location.search).get('q') || '';
    }

    input.addEventListener('input', function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(function () {
        var query = input.value;
        window.history.replaceState({ q: query }, '', urlFor(query));
        show(query);
      }, 200);
    });

    form.addEventListener('submit', function (event) {
      event.preventDefault();
      window.clearTimeout(timer);
      var query = input.value;
      if (query !== queryFromUrl()) {
        window.history.pushState({ q: query }, '', urlFor(query));
      }
      show(query);
    });

    window.addEventListener('popstate', function () {
      var query = queryFromUrl();
      input.value = query;
      show(query);
    });

    var initial = queryFromUrl();
    input.value = initial;
    if (initial) {
      show(initial);
    } else {
      load().catch(function () {});
    }
  }

  /* The header box: an ARIA 1.2 combobox with a listbox of results ------- */

  function initHeaderBox(input) {
    var form = input.form;
    if (!form) {
      return;
    }
    var listId = 'site-search-listbox';
    var popup = el('div', 'search-popup');
    popup.hidden = true;
    var message = el('p', 'search-popup__message');
    var list = el('ul', 'search-popup__list');
    list.id = listId;
    list.setAttribute('role', 'listbox');
    list.setAttribute('aria-label', 'Search suggestions');
    popup.appendChild(message);
    popup.appendChild(list);
    var live = el('div', 'visually-hidden');
    live.setAttribute('role', 'status');
    live.setAttribute('aria-live', 'polite');
    form.appendChild(popup);
    form.appendChild(live);

    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-expanded', 'false');
    input.setAttribute('aria-controls', listId);

    var options = [];
    var active = -1;
    var timer = 0;
    var generation = 0;
    var loadedData = null;

    function clearList() {
      while (list.firstChild) {
        list.removeChild(list.firstChild);
      }
      options = [];
      active = -1;
      input.removeAttribute('aria-activedescendant');
    }

    function open() {
      popup.hidden = false;
      input.setAttribute('aria-expanded', 'true');
    }

    function close() {
      popup.hidden = true;
      input.setAttribute('aria-expanded', 'false');
      setActive(-1);
    }

    function setMessage(text) {
      message.textContent = text || '';
      message.hidden = !text;
    }

    function setActive(index) {
      options.forEach(function (option, i) {
        option.setAttribute('aria-selected', i === index ? 'true' : 'false');
      });
      active = index;
      if (index >= 0 && options[index]) {
        input.setAttribute('aria-activedescendant', options[index].id);
        options[index].scrollIntoView({ block: 'nearest' });
      } else {
        input.removeAttribute('aria-activedescendant');
      }
    }

    function addOption(className, href, build) {
      var option = el('li', 'search-popup__option ' + className);
      option.id = listId + '-' + options.length;
      option.setAttribute('role', 'option');
      option.setAttribute('aria-selected', 'false');
      var link = el('a');
      link.href = href;
      link.tabIndex = -1;
      build(link);
      option.appendChild(link);
      // Keep focus in the box while clicking, so the popup does not close before the click lands.
      option.addEventListener('mousedown', function (event) {
        event.preventDefault();
      });
      list.appendChild(option);
      options.push(option);
    }

    function searchPageUrl(query) {
      return base + 'search/?q=' + encodeURIComponent(query);
    }

    function update() {
      var query = input.value;
      var current = ++generation;
      if (!query.trim()) {
        clearList();
        setMessage('');
        close();
        live.textContent = '';
        return;
      }
      if (!loadedData) {
        clearList();
        setMessage('Loading search\u2026');
        open();
      }
      load().then(function (store) {
        loadedData = store;
        return search(store, query, POPUP_RESULTS);
      }).then(function (found) {
        if (current !== generation) {
          return;
        }
        clearList();
        if (found.hits.length === 0) {
          setMessage('No results for ' + quoted(query) + '.');
        } else {
          setMessage('');
        }
        found.hits.slice(0, POPUP_RESULTS).forEach(function (hit) {
          if (!hit.doc) {
            return;
          }
          addOption('search-popup__result', hrefOf(hit.doc), function (link) {
            var title = el('span', 'search-popup__title');
            highlight(title, hit.doc.t, found.tokens, hit.terms, 0);
            link.appendChild(title);
            link.appendChild(meta(hit.doc, 'search-popup__meta'));
          });
        });
        if (found.hits.length > 0) {
          addOption('search-popup__all', searchPageUrl(query), function (link) {
            link.textContent = (found.hits.length > POPUP_RESULTS ? 'All ' + countText(found.hits.length, query) : 'Show ' + countText(found.hits.length, query)) + ' \u2192';
          });
        }
        live.textContent = found.hits.length === 0
          ? 'No results.'
          : Math.min(found.hits.length, POPUP_RESULTS) + ' suggestions. Use the up and down arrows to choose, Enter to open.';
        open();
      }, function () {
        if (current !== generation) {
          return;
        }
        clearList();
        setMessage('Search is unavailable right now.');
        open();
      });
    }

    input.addEventListener('focus', function () {
      load().then(function (store) {
        loadedData = store;
      }, function () {});
      if (input.value.trim() && options.length > 0) {
        open();
      }
    });

    input.addEventListener('input', function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(update, loadedData ? 80 : 150);
    });

    input.addEventListener('keydown', function (event) {
      var expanded = !popup.hidden && options.length > 0;
      switch (event.key) {
        case 'ArrowDown':
          if (!expanded) {
            if (input.value.trim()) {
              update();
            }
            return;
          }
          event.preventDefault();
          setActive(active + 1 >= options.length ? 0 : active + 1);
          break;
        case 'ArrowUp':
          if (!expanded) {
            return;
          }
          event.preventDefault();
          setActive(active <= 0 ? options.length - 1 : active - 1);
          break;
        case 'Enter':
          if (expanded && active >= 0) {
            event.preventDefault();
            var link = options[active].querySelector('a');
            if (link) {
              window.location.href = link.href;
            }
          }
          // Otherwise the form submits to the search page.
          break;
        case 'Escape':
          if (!popup.hidden) {
            event.preventDefault();
            close();
          } else if (input.value) {
            event.preventDefault();
            input.value = '';
          }
          break;
        case 'Tab':
          close();
          break;
        default:
          break;
      }
    });

    input.addEventListener('blur', function () {
      window.setTimeout(function () {
        if (document.activeElement !== input) {
          close();
        }
      }, 150);
    });

    document.addEventListener('click', function (event) {
      if (!form.contains(event.target)) {
        close();
      }
    });

    form.addEventListener('submit', function (event) {
      if (!input.value.trim()) {
        event.preventDefault();
        input.focus();
      }
    });
  }

  /* "/" focuses the search box ------------------------------------------ */

  function isTyping(target) {
    if (!target || target === document.body) {
      return false;
    }
    var tag = target.tagName;
    return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || target.isContentEditable;
  }

  function initShortcut(input) {
    document.addEventListener('keydown', function (event) {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) {
        return;
      }
      if (isTyping(event.target)) {
        return;
      }
      event.preventDefault();
      input.focus();
      input.select();
    });
  }

  function init() {
    var header = document.getElementById('site-search');
    if (header) {
      initHeaderBox(header);
      initShortcut(header);
    }
    var page = document.getElementById('search-page');
    if (page) {
      initSearchPage(page);
    }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();
