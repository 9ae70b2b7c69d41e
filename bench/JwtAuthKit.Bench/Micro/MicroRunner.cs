using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace JwtAuthKit.Bench.Micro;

/// <summary>
/// Runs the micro-benchmarks in this process (BenchmarkDotNet's in-process toolchain: no generated project to build, the
/// servers of the set-up stay up). Quick: a short job (1 warm-up, 3 iterations of 100 ms); full: 5 warm-ups, 15
/// iterations of BenchmarkDotNet's default length.
/// </summary>
public static class MicroRunner
{
    public static IEnumerable<MicroResult> Run(bool quick)
    {
        var job = (quick
                ? Job.ShortRun.WithWarmupCount(1).WithIterationCount(3).WithIterationTime(Perfolizer.Horology.TimeInterval.FromMilliseconds(100))
                : Job.Default.WithWarmupCount(5).WithIterationCount(15))
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithId(quick ? "quick" : "full");
        var config = ManualConfig.CreateEmpty()
            .AddJob(job)
            .AddLogger(ConsoleLogger.Default)
            .AddColumnProvider(DefaultColumnProviders.Instance)
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddExporter(MarkdownExporter.GitHub)
            .WithArtifactsPath(Path.Combine(Harness.Work, "BenchmarkDotNet.Artifacts"))
            .WithOptions(ConfigOptions.DisableLogFile);
        foreach (var type in new[] { typeof(TokenBenchmarks), typeof(Argon2Benchmarks), typeof(RotationBenchmarks) })
        {
            var summary = BenchmarkRunner.Run(type, config);
            foreach (var report in summary.Reports)
            {
                var stats = report.ResultStatistics;
                var provider = report.BenchmarkCase.Parameters.Items.FirstOrDefault(p => p.Name == "Provider")?.Value?.ToString();
                var allocated = report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase);
                yield return new MicroResult(report.BenchmarkCase.Descriptor.WorkloadMethodDisplayInfo.Trim('\''), provider,
                    stats?.Mean ?? double.NaN, stats?.Median ?? double.NaN, stats?.StandardError ?? double.NaN, allocated);
            }
        }
    }
}
