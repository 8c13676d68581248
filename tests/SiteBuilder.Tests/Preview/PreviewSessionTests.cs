using SiteBuilder.Cli.Serve;
using SiteBuilder.Diagnostics;

namespace SiteBuilder.Tests.Preview;

/// <summary>The preview's build loop with a stand-in builder: pages first, the search index after, cancelled by a newer edit.</summary>
public sealed class PreviewSessionTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly string _input = Path.Combine(Path.GetTempPath(), "sitebuilder-preview-" + Guid.NewGuid().ToString("N"));

    public PreviewSessionTests() => Directory.CreateDirectory(_input);

    [Fact]
    public async Task AnEditWhileTheSearchIndexIsWrittenCancelsItAndTheNextBuildWritesIt()
    {
        // Given a preview whose first search index is still being written (the stand-in waits until cancelled)
        var builder = new StandInBuilder();
        await using var session = await PreviewSession.StartAsync(new PreviewOptions(_input, Port: 0) { Debounce = TimeSpan.FromMilliseconds(50) }, builder, new SilentLog(), CancellationToken.None);
        await builder.FirstFinishStarted.Task.WaitAsync(Patience);
        Assert.False(session.SearchIndexWritten.IsCompleted);

        // When an input file changes
        await File.WriteAllTextAsync(Path.Combine(_input, "site.yml"), "title: Edited\n");

        // Then the first index is cancelled, the pages are built again, and that build's index opens the gate
        await session.SearchIndexWritten.WaitAsync(Patience);
        Assert.True(builder.FirstFinishCancelled);
        Assert.Equal(2, builder.Builds);
        Assert.Equal(2, builder.Finishes);
    }

    public void Dispose() => Directory.Delete(_input, recursive: true);

    private sealed class StandInBuilder : IPreviewBuilder
    {
        public TaskCompletionSource FirstFinishStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool FirstFinishCancelled { get; private set; }

        public int Builds { get; private set; }

        public int Finishes { get; private set; }

        public Task<PreviewBuildResult> BuildAsync(string outputDirectory, CancellationToken cancellationToken)
        {
            Builds++;
            Directory.CreateDirectory(outputDirectory);
            return Task.FromResult(new PreviewBuildResult(true, "/", Array.Empty<Diagnostic>(), $"build {Builds}"));
        }

        public async Task<string?> FinishAsync(CancellationToken cancellationToken)
        {
            Finishes++;
            if (Finishes == 1)
            {
                FirstFinishStarted.SetResult();
                try
                {
                    await Task.Delay(Timeout.Infinite, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    FirstFinishCancelled = true;
                    throw;
                }
            }

            return $"index {Finishes}";
        }
    }

    private sealed class SilentLog : IPreviewLog
    {
        public void Info(string message)
        {
        }

        public void Build(PreviewBuildResult result, bool serving)
        {
        }
    }
}
