namespace JwtAuthKit.Bench;

/// <summary>How the harness starts each server: our host (samples/HostApp), the embedding app and the peers.</summary>
public static class Servers
{
    public const string HostDll = "samples/HostApp/bin/Release/net10.0/HostApp.dll";
    public const string EmbeddingDll = "bench/peers/EmbeddingApp/bin/Release/net10.0/EmbeddingApp.dll";
    public const string IdentityDll = "bench/peers/IdentityPeer/bin/Release/net10.0/IdentityPeer.dll";
    public const string JwtBearerDll = "bench/peers/JwtBearerPeer/bin/Release/net10.0/JwtBearerPeer.dll";

    /// <summary>The JwtAuthKit keys every server of ours gets: the bench application, rate limits out of the way, the operator.</summary>
    public static IEnumerable<string> OurSettings()
    {
        var settings = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["JwtAuthKit:RateLimits:PermitLimit"] = "100000000", // one client address stands for many users here
            ["JwtAuthKit:Applications:0:Name"] = "bench",
            ["JwtAuthKit:Applications:0:PublishableKey"] = Harness.PublishableKey,
            ["JwtAuthKit:Applications:0:SecretKey"] = Harness.SecretKey,
            ["JwtAuthKit:Applications:0:Settings:PasswordMinLength"] = "10",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in Harness.Overrides)
        {
            settings[key] = value;
        }

        foreach (var (key, value) in settings)
        {
            yield return $"--{key}={value}";
        }
    }

    /// <summary>
    /// Our host. Nodes of one cluster share <paramref name="issuer"/> (the public URL in a real deployment); without one
    /// the host's issuer is its own address, so a token from node A would be refused by node B.
    /// </summary>
    public static Task<ServerProcess> HostAsync(string name, string provider, string connectionString, string? issuer = null) =>
        ServerProcess.StartAsync(name, HostDll, OurSettings().Concat(issuer is null ? [] : [$"--JwtAuthKit:Issuer={issuer}"]).Concat(
        [
            $"--JwtAuthKit:Database:Provider={provider}",
            $"--JwtAuthKit:Database:ConnectionString={connectionString}",
            $"--JwtAuthKit:Dashboard:Operator:Email={Harness.OperatorEmail}",
            $"--JwtAuthKit:Dashboard:Operator:Password={Harness.Password}",
        ]));

    public static Task<ServerProcess> EmbeddingAsync(string database)
    {
        var port = ServerProcess.FreePort();
        return ServerProcess.StartAsync("embedding app (SQLite)", EmbeddingDll,
            OurSettings().Concat([$"--db={database}", $"--JwtAuthKit:Issuer=http://127.0.0.1:{port}"]), port);
    }

    public static Task<ServerProcess> IdentityAsync(string database) =>
        ServerProcess.StartAsync("Identity MapIdentityApi (SQLite)", IdentityDll, [$"--db={database}"]);

    public static Task<ServerProcess> JwtBearerAsync(Uri authority, string audience) =>
        ServerProcess.StartAsync("stock JwtBearer", JwtBearerDll, [$"--authority={authority.ToString().TrimEnd('/')}", $"--audience={audience}"]);
}
