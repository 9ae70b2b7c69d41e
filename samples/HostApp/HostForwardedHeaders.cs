using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace JwtAuthKit.HostApp;

/// <summary>
/// <c>JwtAuthKit:ForwardedHeaders:KnownProxies:N</c> (addresses) and <c>KnownNetworks:N</c> (CIDR ranges): the reverse
/// proxies whose <c>X-Forwarded-For</c>/<c>-Proto</c>/<c>-Host</c> ASP.NET Core's forwarded-headers middleware believes.
/// None by default — not even loopback — so a client talking to the host directly cannot choose the address its rate
/// limits count against.
/// </summary>
internal static class HostForwardedHeaders
{
    public const string Section = "JwtAuthKit:ForwardedHeaders";

    /// <summary>Reads the trusted proxies; <see langword="null"/> when none are configured (the middleware is then left out).</summary>
    /// <returns>The options, or why the configuration is invalid.</returns>
    public static (ForwardedHeadersOptions? Options, string? Refusal) Read(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var proxies = section.GetSection("KnownProxies").GetChildren().Select(c => c.Value).Where(v => !string.IsNullOrWhiteSpace(v)).ToList();
        var networks = section.GetSection("KnownNetworks").GetChildren().Select(c => c.Value).Where(v => !string.IsNullOrWhiteSpace(v)).ToList();
        if (proxies.Count == 0 && networks.Count == 0)
        {
            return (null, null);
        }

        var options = new ForwardedHeadersOptions
        {
            ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost,
            ForwardLimit = null,
        };

        // The defaults trust loopback; only what is configured is trusted.
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in proxies)
        {
            if (!IPAddress.TryParse(proxy, out var address))
            {
                return (null, $"{Section}:KnownProxies: '{proxy}' is not an IP address.");
            }

            options.KnownProxies.Add(address);
        }

        foreach (var network in networks)
        {
            if (!System.Net.IPNetwork.TryParse(network, out var parsed))
            {
                return (null, $"{Section}:KnownNetworks: '{network}' is not a network in CIDR form (10.0.0.0/8, fd00::/8).");
            }

            options.KnownIPNetworks.Add(parsed);
        }

        return (options, null);
    }
}
