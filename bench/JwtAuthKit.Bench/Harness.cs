using System.Globalization;

namespace JwtAuthKit.Bench;

/// <summary>What every part of the run shares: the keys and password of the bench application, the mode, the paths.</summary>
public static class Harness
{
    public const string Password = "Bench-Password-1!";
    public const string PublishableKey = "pk_bench00000000000000000000000000";
    public const string SecretKey = "sk_bench00000000000000000000000000";
    public const string OperatorEmail = "operator@bench.example";

    public static bool Quick { get; set; }

    /// <summary>JwtAuthKit configuration applied to every server of ours and the micro-benchmarks' host (--set key=value).</summary>
    public static Dictionary<string, string?> Overrides { get; } = new(StringComparer.Ordinal);

    /// <summary>The repository's root (the harness runs from its build output under bench/).</summary>
    public static string Root { get; } = FindRoot();

    public static string Work { get; } = Directory.CreateTempSubdirectory("jak-bench-").FullName;

    public static string Ms(double value) => value.ToString(value < 10 ? "0.00" : value < 100 ? "0.0" : "0", CultureInfo.InvariantCulture);

    /// <summary>A share of the cores busy, as "12 %", or "n/a" where it could not be read.</summary>
    public static string Busy(double? share) => share is { } s ? s.ToString("P0", CultureInfo.InvariantCulture) : "n/a";

    public static string N(double value, string format = "N0") => value.ToString(format, CultureInfo.InvariantCulture);

    private static string FindRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "JwtAuthKit.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("The repository root (JwtAuthKit.sln) was not found above the harness.");
    }
}
