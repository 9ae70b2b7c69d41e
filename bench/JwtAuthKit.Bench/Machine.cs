using System.Globalization;
using System.Runtime.InteropServices;

namespace JwtAuthKit.Bench;

/// <summary>The machine a run was measured on, as the report states it.</summary>
public static class Machine
{
    public static string Describe()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown"
            : "unknown";
        var memory = File.Exists("/proc/meminfo")
            ? File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal", StringComparison.Ordinal)) is { } line
                ? (double.Parse(line.Split(':')[1].Replace("kB", "", StringComparison.Ordinal).Trim(), CultureInfo.InvariantCulture) / 1024 / 1024).ToString("0.0", CultureInfo.InvariantCulture) + " GiB"
                : "unknown"
            : "unknown";
        var os = File.Exists("/etc/os-release")
            ? File.ReadLines("/etc/os-release").FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal))?.Split('=', 2)[1].Trim('"') ?? RuntimeInformation.OSDescription
            : RuntimeInformation.OSDescription;
        return $"{cpu}, {Environment.ProcessorCount} cores, {memory} memory, {os} (kernel {Environment.OSVersion.Version}), {RuntimeInformation.FrameworkDescription}";
    }

    /// <summary>
    /// The share of all cores busy over <paramref name="window"/>, from <c>/proc/stat</c> (everything but idle and I/O
    /// wait), or <see langword="null"/> where there is no such file. Unlike the load average, which trails the last
    /// minutes (the harness's own Release build among them), it says whether something else is running now.
    /// </summary>
    public static double? BusyShare(TimeSpan window)
    {
        static (long Busy, long Total)? Read()
        {
            if (!File.Exists("/proc/stat"))
            {
                return null;
            }

            var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
                .Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
            var idle = fields[3] + (fields.Length > 4 ? fields[4] : 0);
            var total = fields.Take(Math.Min(fields.Length, 8)).Sum();
            return (total - idle, total);
        }

        var before = Read();
        Thread.Sleep(window);
        var after = Read();
        return before is { } b && after is { } a && a.Total > b.Total ? (double)(a.Busy - b.Busy) / (a.Total - b.Total) : null;
    }

    /// <summary>
    /// Waits until the cores are at most <paramref name="maxBusy"/> busy over one second, or <paramref name="timeout"/>
    /// has passed; the last second's share. Hosts finish their tiered JIT and PostgreSQL its background writes in the
    /// seconds after a start or a bulk load; a latency sample taken then measures them, not the request.
    /// </summary>
    public static async Task<double?> WaitForQuietAsync(double maxBusy, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var busy = await Task.Run(() => BusyShare(TimeSpan.FromSeconds(1)));
            if (busy is null || busy <= maxBusy || DateTime.UtcNow >= deadline)
            {
                return busy;
            }
        }
    }

    public static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
