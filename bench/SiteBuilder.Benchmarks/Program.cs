using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

// In-process: BenchmarkDotNet cannot find this project to build its usual child project when the build output lives in an
// --artifacts-path folder, and the shared tree must not get bin/obj folders. Few iterations: stages of 10,000 articles take seconds.
// Pass BenchmarkDotNet's own options after "--", e.g. --filter *Matching* or --job short.
var job = Job.Default
    .WithToolchain(InProcessEmitToolchain.Instance)
    .WithWarmupCount(1)
    .WithIterationCount(5)
    .WithLaunchCount(1);
var config = DefaultConfig.Instance
    .AddJob(job.AsDefault())
    .WithOptions(ConfigOptions.DisableOptimizationsValidator)
    .WithArtifactsPath(Path.Combine(Path.GetTempPath(), "sitebuilder-bench", "BenchmarkDotNet.Artifacts"));
BenchmarkSwitcher.FromAssembly(typeof(SiteBuilder.Benchmarks.Corpora).Assembly).Run(args, config);
