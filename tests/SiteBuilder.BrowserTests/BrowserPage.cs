using Microsoft.Playwright;

namespace SiteBuilder.BrowserTests;

/// <summary>
/// A tab that records what a reader would notice going wrong: console errors (which include failed resource loads),
/// uncaught exceptions, dialogs (an <c>alert</c> from injected markup), and the status of every page it navigated to.
/// </summary>
internal sealed class BrowserPage : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly List<string> _errors = [];
    private readonly List<(string Url, int Status)> _navigations = [];
    private readonly HashSet<string> _expectedMissing = new(StringComparer.Ordinal);

    public BrowserPage(IBrowserContext context, IPage page)
    {
        Context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && !IsExpected404(message))
            {
                Record($"console error on {page.Url}: {message.Text} ({message.Location})");
            }
        };
        page.PageError += (_, error) => Record($"uncaught exception on {page.Url}: {error}");
        page.Dialog += (_, dialog) =>
        {
            Record($"dialog ({dialog.Type}) on {page.Url}: {dialog.Message}");
            _ = dialog.DismissAsync();
        };
        page.Response += (_, response) =>
        {
            if (response.Request.IsNavigationRequest && response.Frame == page.MainFrame)
            {
                lock (_gate)
                {
                    _navigations.Add((response.Url, response.Status));
                }
            }
        };
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    public IReadOnlyList<string> Errors
    {
        get
        {
            lock (_gate)
            {
                return [.. _errors];
            }
        }
    }

    /// <summary>Every page the tab reached (document responses of the main frame), in order.</summary>
    public IReadOnlyList<(string Url, int Status)> Navigations
    {
        get
        {
            lock (_gate)
            {
                return [.. _navigations];
            }
        }
    }

    /// <summary>Opens <paramref name="url"/> and asserts the status the server answered.</summary>
    public async Task<IResponse> GotoAsync(Uri url, int status = 200)
    {
        if (status == 404)
        {
            lock (_gate)
            {
                _expectedMissing.Add(url.ToString());
            }
        }

        var response = await Page.GotoAsync(url.ToString()).ConfigureAwait(false);
        Assert.True(response is not null, $"No response for {url}");
        Assert.True(response.Status == status, $"{url} answered {response.Status}, expected {status}");
        return response;
    }

    /// <summary>Runs <paramref name="action"/> (a click, a key) and waits until the tab has loaded a page whose URL is <paramref name="url"/>.</summary>
    public async Task NavigateByAsync(Func<Task> action, Uri url)
    {
        var target = url.ToString();
        try
        {
            // Listen before acting, so a fast navigation cannot slip past.
            var arrived = Page.WaitForURLAsync(target);
            await action().ConfigureAwait(false);
            await arrived.ConfigureAwait(false);
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"Expected to arrive at {target}, but the tab is at {Page.Url}.", ex);
        }

        await Page.WaitForLoadStateAsync(LoadState.Load).ConfigureAwait(false);
    }

    public void ForgetErrors()
    {
        lock (_gate)
        {
            _errors.Clear();
        }
    }

    public void AssertNoErrors(string context)
    {
        var errors = Errors;
        Assert.True(errors.Count == 0, $"{context}: the page reported {errors.Count} problem(s):\n  " + string.Join("\n  ", errors));
    }

    public void AssertEveryPageAnswered200()
    {
        var bad = Navigations.Where(n => n.Status != 200).ToList();
        Assert.True(Navigations.Count > 0, "No page was reached.");
        Assert.True(bad.Count == 0, "Pages that did not answer 200:\n  " + string.Join("\n  ", bad.Select(b => $"{b.Status} {b.Url}")));
    }

    /// <summary>The trimmed text of the first element matching <paramref name="selector"/>.</summary>
    public async Task<string> TextAsync(string selector) => (await Page.Locator(selector).First.TextContentAsync().ConfigureAwait(false) ?? "").Trim();

    /// <summary>Chromium logs a 404 document as a failed resource: expected when the test opened a missing page on purpose.</summary>
    private bool IsExpected404(IConsoleMessage message)
    {
        if (!message.Text.Contains("status of 404", StringComparison.Ordinal))
        {
            return false;
        }

        lock (_gate)
        {
            return _expectedMissing.Any(url => message.Location.StartsWith(url, StringComparison.Ordinal));
        }
    }

    private void Record(string error)
    {
        lock (_gate)
        {
            _errors.Add(error);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Context.CloseAsync().ConfigureAwait(false);
    }
}
