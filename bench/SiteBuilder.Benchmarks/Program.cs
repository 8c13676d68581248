using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

// In-process: BenchmarkDotNet cannot find this project to build its usual child project when the build output lives in an
// --artifacts-path folder, and the shared tree must not get bin/obj folders. Few iterations: stages of 10,000 articles take seconds.
// Pass BenchmarkDotNet's own options after "--", e.g. --filter *Matching*; SITEBUILDER_BENCH_SIZES=100,1000 limits the corpus sizes.
// --smoke: one cold invocation of each benchmark, to check they all run (not a measurement).
var smoke = args.Contains("--smoke");
args = [.. args.Where(a => a != "--smoke")];
var job = (smoke ? Job.Dry : Job.Default)
    .WithToolchain(InProcessEmitToolchain.Instance)
    .WithLaunchCount(1);
if (!smoke)
{
    job = job.WithWarmupCount(1).WithIterationCount(5);
}

var config = DefaultConfig.Instance
    .AddJob(job.AsDefault())
    .WithOptions(ConfigOptions.DisableOptimizationsValidator)
    .WithArtifactsPath(Path.Combine(Path.GetTempPath(), "sitebuilder-bench", "BenchmarkDotNet.Artifacts"));
BenchmarkSwitcher.FromAssembly(typeof(SiteBuilder.Benchmarks.Corpora).Assembly).Run(args, config);
