namespace SiteBuilder.Cli.Serve;

/// <summary>
/// The files the preview server adds to the site under <c>/__sitebuilder/</c>. The script is a separate file because the
/// pages' Content-Security-Policy allows script from 'self' only; the overlay is built with DOM APIs and textContent, so a
/// diagnostic's text can never become markup.
/// </summary>
internal static class PreviewAssets
{
    public const string ReloadScript = """
        /* SiteBuilder preview: reloads the page after a rebuild, and shows the diagnostics of a failed build over it. */
        (function () {
          'use strict';
          var script = document.currentScript;
          var loaded = script ? (new URL(script.src).searchParams.get('site') || '') : '';
          var source = null;
          var overlay = null;

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

          function styles() {
            if (document.getElementById('sitebuilder-overlay-styles')) {
              return;
            }
            var link = el('link');
            link.id = 'sitebuilder-overlay-styles';
            link.rel = 'stylesheet';
            link.href = '/__sitebuilder/overlay.css';
            document.head.appendChild(link);
          }

          function hide() {
            if (overlay) {
              overlay.remove();
              overlay = null;
            }
          }

          function show(status) {
            hide();
            styles();
            overlay = el('section', 'sitebuilder-overlay');
            overlay.id = 'sitebuilder-overlay';
            overlay.setAttribute('role', 'alert');
            overlay.setAttribute('aria-labelledby', 'sitebuilder-overlay-title');
            var panel = el('div', 'sitebuilder-overlay__panel');
            var title = el('h2', 'sitebuilder-overlay__title', status.summary || 'The build failed.');
            title.id = 'sitebuilder-overlay-title';
            panel.appendChild(title);
            panel.appendChild(el('p', 'sitebuilder-overlay__note',
              'The preview keeps showing the last good build. Fix the problems below and save: this page updates by itself.'));
            var list = el('ul', 'sitebuilder-overlay__list');
            (status.diagnostics || []).forEach(function (d) {
              var item = el('li', 'sitebuilder-overlay__item sitebuilder-overlay__item--' + d.severity);
              var head = el('p', 'sitebuilder-overlay__head');
              head.appendChild(el('strong', 'sitebuilder-overlay__severity', d.severity + ' ' + d.id));
              head.appendChild(document.createTextNode(': ' + d.message));
              item.appendChild(head);
              item.appendChild(el('code', 'sitebuilder-overlay__location', d.path + '(' + d.line + ',' + d.column + ')'));
              list.appendChild(item);
            });
            panel.appendChild(list);
            var close = el('button', 'sitebuilder-overlay__close', 'Dismiss');
            close.type = 'button';
            close.addEventListener('click', hide);
            panel.appendChild(close);
            overlay.appendChild(panel);
            document.body.appendChild(overlay);
          }

          function connect() {
            source = new EventSource('/__sitebuilder/events');
            source.addEventListener('status', function (event) {
              var status;
              try {
                status = JSON.parse(event.data);
              } catch (e) {
                return;
              }
              if (status.site && status.site !== loaded) {
                source.close();
                window.location.reload();
                return;
              }
              if (status.ok) {
                hide();
              } else {
                show(status);
              }
            });
          }

          // Browsers allow few connections per host: give this one back when the page goes away, take it again if it returns.
          window.addEventListener('pagehide', function () {
            if (source) {
              source.close();
            }
          });
          window.addEventListener('pageshow', function (event) {
            if (event.persisted) {
              connect();
            }
          });

          if (document.readyState === 'loading') {
            document.addEventListener('DOMContentLoaded', connect);
          } else {
            connect();
          }
        })();

        """;

    public const string OverlayStyles = """
        .sitebuilder-overlay {
          position: fixed;
          inset: 0;
          z-index: 2147483647;
          overflow: auto;
          padding: 2rem 1rem;
          background: rgba(20, 20, 20, 0.72);
          font: 15px/1.5 system-ui, sans-serif;
        }
        .sitebuilder-overlay__panel {
          box-sizing: border-box;
          max-width: 52rem;
          margin: 0 auto;
          padding: 1.25rem 1.5rem;
          border-top: 6px solid #b3261e;
          border-radius: 6px;
          background: #fff;
          color: #1b1b1b;
          box-shadow: 0 10px 40px rgba(0, 0, 0, 0.4);
        }
        .sitebuilder-overlay__title {
          margin: 0 0 0.25rem;
          font-size: 1.25rem;
          color: #b3261e;
        }
        .sitebuilder-overlay__note {
          margin: 0 0 1rem;
        }
        .sitebuilder-overlay__list {
          margin: 0 0 1rem;
          padding: 0;
          list-style: none;
        }
        .sitebuilder-overlay__item {
          margin: 0 0 0.75rem;
          padding: 0.5rem 0.75rem;
          border-left: 4px solid #b3261e;
          background: #fbeeed;
          overflow-wrap: anywhere;
        }
        .sitebuilder-overlay__item--warning {
          border-left-color: #8a5a00;
          background: #fdf5e6;
        }
        .sitebuilder-overlay__head {
          margin: 0 0 0.25rem;
        }
        .sitebuilder-overlay__location {
          font: 13px/1.4 ui-monospace, monospace;
        }
        .sitebuilder-overlay__close {
          font: inherit;
          padding: 0.35rem 0.9rem;
          border: 1px solid #1b1b1b;
          border-radius: 4px;
          background: #fff;
          color: #1b1b1b;
          cursor: pointer;
        }

        """;
}
