namespace JwtAuthKit.HostApp;

/// <summary>Defaults that make the host run with no configuration at all (the quick start), and the checks that keep them safe.</summary>
internal static class HostConfiguration
{
    public const string DefaultConnectionString = "Data Source=jwtauthkit.db";
    public const string DefaultUrl = "http://localhost:5000";

    /// <summary>
    /// Without <c>JwtAuthKit:Issuer</c>, the issuer is the address the host listens on (<c>--urls</c>), so discovery URLs
    /// point back at this host. A host listening on every interface (<c>0.0.0.0</c>, <c>*</c>, <c>ASPNETCORE_HTTP_PORTS</c>)
    /// is reached under a name it cannot know: then the issuer must be set, or tokens would name the wrong one.
    /// </summary>
    /// <returns>Why the host cannot start, or <see langword="null"/>.</returns>
    public static string? ApplyDefaults(ConfigurationManager configuration)
    {
        if (!string.IsNullOrWhiteSpace(configuration["JwtAuthKit:Issuer"]))
        {
            return null;
        }

        var ports = configuration["http_ports"];
        var urls = configuration["urls"];
        if (urls is null && !string.IsNullOrWhiteSpace(ports))
        {
            return Refusal($"ASPNETCORE_HTTP_PORTS={ports}");
        }

        var url = (urls ?? DefaultUrl).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? DefaultUrl;
        var uri = new UriBuilder(url.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal));
        if (uri.Host is "0.0.0.0" or "[::]" or "::")
        {
            return Refusal(url);
        }

        configuration["JwtAuthKit:Issuer"] = uri.Uri.GetLeftPart(UriPartial.Authority);
        return null;
    }

    private static string Refusal(string listening) =>
        $"The host listens on every interface ({listening}) but JwtAuthKit:Issuer is not set. Set it to the public URL clients use, "
        + "for example --JwtAuthKit:Issuer https://auth.example.com or the environment variable JwtAuthKit__Issuer; tokens and "
        + "discovery name this issuer.";
}
