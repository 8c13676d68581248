using System.Runtime.CompilerServices;

// The browser tests start the preview server and its static handler in-process.
[assembly: InternalsVisibleTo("SiteBuilder.BrowserTests")]
