using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace JwtAuthKit.Bench;

/// <summary>One wrk run's figures. A run is failed when any request got a non-2xx answer or a socket error.</summary>
public sealed record WrkResult(string Label, long Requests, double Seconds, long Failures, double P50Ms, double P99Ms, double PeakMiB, string? Error = null)
{
    public double RequestsPerSecond => Seconds > 0 ? Requests / Seconds : 0;

    public bool Failed => Error is not null || Failures > 0 || Requests == 0;

    public string Status => Error ?? (Failures > 0 ? $"FAILED: {Failures:N0} of {Requests:N0} requests failed" : Requests == 0 ? "FAILED: no requests" : "ok");
}

/// <summary>Debian's wrk on loopback, bounded in time, with the lua scripts of bench/wrk.</summary>
public static partial class Wrk
{
    public static int Threads => 2;

    public static string Folder => Path.Combine(Harness.Root, "bench", "wrk");

    /// <summary>Runs wrk against <paramref name="server"/> at <paramref name="path"/> and reads the peak memory of the server over the run.</summary>
    public static async Task<WrkResult> RunAsync(string label, ServerProcess server, string path, string script, int connections, TimeSpan duration,
        IEnumerable<string>? headers = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("wrk") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[]
        {
            "-t", Threads.ToString(CultureInfo.InvariantCulture),
            "-c", connections.ToString(CultureInfo.InvariantCulture),
            "-d", $"{Math.Max(1, (int)duration.TotalSeconds).ToString(CultureInfo.InvariantCulture)}s",
            "--timeout", "10s",
            "-s", Path.Combine(Folder, script),
        })
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var header in headers ?? [])
        {
            start.ArgumentList.Add("-H");
            start.ArgumentList.Add(header);
        }

        start.ArgumentList.Add(new Uri(server.Address, path).ToString());
        start.Environment["BENCH_WRK_DIR"] = Folder;
        start.Environment["BENCH_THREADS"] = Threads.ToString(CultureInfo.InvariantCulture);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        server.ResetPeak();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("wrk did not start (apt-get install wrk).");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var peak = server.PeakMiB();
        var text = await output + await error;
        var match = ResultLine().Match(text);
        if (process.ExitCode != 0 || !match.Success)
        {
            return new WrkResult(label, 0, 0, 0, double.NaN, double.NaN, peak, $"FAILED: wrk exited {process.ExitCode}: {text.Trim()}");
        }

        long Value(string name) => long.Parse(match.Groups[name].Value, CultureInfo.InvariantCulture);
        var failures = Value("status") + Value("connect") + Value("read") + Value("write") + Value("timeout");
        return new WrkResult(label, Value("requests"), Value("duration") / 1e6, failures, Value("p50") / 1000.0, Value("p99") / 1000.0, peak);
    }

    [GeneratedRegex(@"BENCH_RESULT requests=(?<requests>\d+) duration_us=(?<duration>\d+) status_errors=(?<status>\d+) connect=(?<connect>\d+) read=(?<read>\d+) write=(?<write>\d+) timeout=(?<timeout>\d+) p50_us=(?<p50>\d+) p90_us=\d+ p99_us=(?<p99>\d+)")]
    private static partial Regex ResultLine();
}
