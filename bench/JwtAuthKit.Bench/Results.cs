namespace JwtAuthKit.Bench;

/// <summary>One micro-benchmark: the mean and median per operation (ns) and the bytes allocated per operation.</summary>
public sealed record MicroResult(string Name, string? Provider, double MeanNs, double MedianNs, double ErrorNs, long? AllocatedBytes);

/// <summary>
/// The scale figures at one size on one database; <see cref="ReferenceSignInP50"/> is the reference host's (at the first size)
/// sign-in p50, taken in turns with this size's (none with one size only); <see cref="HashP50"/> our hasher's alone, in the
/// same turns.
/// </summary>
public sealed record ScaleResult(string Database, long Users, TimeSpan SeedTime, double SignInP50, double SignInP95, double SearchP50, double SearchP95, double ListP50, double ListP95, int Samples, double? BusyBefore,
    double? ReferenceSignInP50, double HashP50);

/// <summary>200 concurrent sign-ins.</summary>
public sealed record FloodResult(string Database, int Requests, int Answered200, int Other, double TotalSeconds, double P50, double P99, double Max, double PeakMiB);

/// <summary>Revocation on node A seen by node B.</summary>
public sealed record RevocationResult(int Samples, int Seen, double P50, double P99, double Max);

/// <summary>Everything one run measured, for the table and docs/benchmarks.md.</summary>
public sealed class Results
{
    public DateTimeOffset Started { get; } = DateTimeOffset.UtcNow;

    public string Machine { get; } = Bench.Machine.Describe();

    public string LoadAtStart { get; } = Bench.Machine.LoadAverage();

    public string? LoadAtEnd { get; set; }

    /// <summary>The share of the cores busy during 3 s just before the first measurement (nothing of ours running yet).</summary>
    public double? BusyAtStart { get; } = Bench.Machine.BusyShare(TimeSpan.FromSeconds(3));

    public TimeSpan Elapsed { get; set; }

    public string HashSettings { get; set; } = "m=19456 KiB, t=2, p=1 (the default; not read back)";

    public List<MicroResult> Micro { get; } = [];

    /// <summary>Our hasher and libsodium alone measured in turns (the Argon2 target is judged on these).</summary>
    public JwtAuthKit.Bench.Micro.Argon2Comparison? Argon2 { get; set; }

    public List<WrkResult> Load { get; } = [];

    public List<ScaleResult> Scale { get; } = [];

    public List<FloodResult> Floods { get; } = [];

    public RevocationResult? Revocation { get; set; }

    public string? Enumeration { get; set; }

    public List<string> Problems { get; } = [];

    public string Parameters { get; set; } = "";
}
