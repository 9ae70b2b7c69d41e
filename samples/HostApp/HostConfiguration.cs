namespace JwtAuthKit.HostApp;

/// <summary>Defaults that make the host run with no configuration at all (the quick start).</summary>
internal static class HostConfiguration
{
    public const string DefaultConnectionString = "Data Source=jwtauthkit.db";
    public const string DefaultUrl = "http://localhost:5000";

    /// <summary>
    /// Without <c>JwtAuthKit:Issuer</c>, the issuer is the first address the host listens on (<c>--urls</c>, or
    /// <c>ASPNETCORE_HTTP_PORTS</c> as container images set it), so
    /// discovery URLs point back at this host.
    /// </summary>
    public static void ApplyDefaults(ConfigurationManager configuration)
    {
        if (!string.IsNullOrWhiteSpace(configuration["JwtAuthKit:Issuer"]))
        {
            return;
        }

        var port = configuration["http_ports"]?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        var url = (configuration["urls"] ?? (port is null ? DefaultUrl : $"http://localhost:{port}")).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? DefaultUrl;
        var uri = new UriBuilder(url.Replace("://*", "://localhost", StringComparison.Ordinal).Replace("://+", "://localhost", StringComparison.Ordinal));
        if (uri.Host is "0.0.0.0" or "[::]" or "::")
        {
            uri.Host = "localhost";
        }

        configuration["JwtAuthKit:Issuer"] = uri.Uri.GetLeftPart(UriPartial.Authority);
    }
}
