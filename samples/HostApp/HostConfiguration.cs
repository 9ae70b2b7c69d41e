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

    /// <summary>
    /// The dev mailbox shows live links, so it is on by default only in Development with no SMTP host;
    /// <c>JwtAuthKit:DevMailbox:Enabled</c> overrides that either way (and wins over an SMTP host).
    /// </summary>
    public static HostMail ChooseMail(IConfiguration configuration, IHostEnvironment environment)
    {
        var hasSmtp = !string.IsNullOrWhiteSpace(configuration["JwtAuthKit:Smtp:Host"]);
        var devMailbox = configuration.GetValue<bool?>("JwtAuthKit:DevMailbox:Enabled") ?? (environment.IsDevelopment() && !hasSmtp);
        return devMailbox ? HostMail.DevMailbox : hasSmtp ? HostMail.Smtp : HostMail.Held;
    }

    private static string Refusal(string listening) =>
        $"The host listens on every interface ({listening}) but JwtAuthKit:Issuer is not set. Set it to the public URL clients use, "
        + "for example --JwtAuthKit:Issuer https://auth.example.com or the environment variable JwtAuthKit__Issuer; tokens and "
        + "discovery name this issuer.";
}

/// <summary>Where the host's mail goes.</summary>
internal enum HostMail
{
    /// <summary>Kept in the database and shown at <c>/dev/mailbox</c> (loopback only).</summary>
    DevMailbox,

    /// <summary>Sent over SMTP.</summary>
    Smtp,

    /// <summary>No SMTP host and no dev mailbox: queued in the outbox, not sent, until an SMTP host is set.</summary>
    Held,
}

/// <summary>The host's own log lines.</summary>
internal static partial class HostLog
{
    [LoggerMessage(EventId = 9001, Level = LogLevel.Warning,
        Message = "No mail is being sent: JwtAuthKit:Smtp:Host is not set, so messages wait in the outbox. Set JwtAuthKit:Smtp:Host (and From, Port, Security) to send them, or JwtAuthKit:DevMailbox:Enabled=true to read them at /dev/mailbox on this machine.")]
    public static partial void MailNotSent(ILogger logger);

    [LoggerMessage(EventId = 9002, Level = LogLevel.Information, Message = "Metrics and traces are exported over OTLP to {Target}.")]
    public static partial void TelemetryExported(ILogger logger, string target);
}
