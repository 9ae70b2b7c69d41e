using System.Text.RegularExpressions;
using JwtAuthKit.Smtp;
using JwtAuthKit.Testing;
using MimeKit;

namespace JwtAuthKit.AspNetCore.Tests.Infrastructure;

/// <summary>An embedded host whose mail goes over SMTP to an in-process server.</summary>
public sealed partial class MailHost : IAsyncDisposable
{
    private MailHost(TestHost host, InProcessSmtpServer smtp)
    {
        Host = host;
        Smtp = smtp;
    }

    public TestHost Host { get; }

    public InProcessSmtpServer Smtp { get; }

    public HttpClient Client => Host.Client;

    public static async Task<MailHost> StartAsync(Action<JwtAuthKitOptions>? configure = null, Dictionary<string, string?>? configuration = null, string? databasePath = null, FakeTimeProvider? time = null, int? smtpPort = null, TestDatabase? database = null)
    {
        var smtp = await InProcessSmtpServer.StartAsync(smtpPort);
        var host = await TestHost.StartAsync(configure, databasePath, time, configuration, kit: kit => kit.AddSmtpEmailSender(o =>
        {
            o.Host = "127.0.0.1";
            o.Port = smtp.Port;
            o.Security = SmtpSecurity.None;
            o.From = "auth@example.com";
        }), database: database);
        return new MailHost(host, smtp);
    }

    public Task<MimeMessage> WaitForMailAsync(string to, string subjectContains) =>
        Smtp.WaitForMessageAsync(m => m.To.Mailboxes.Any(b => b.Address == to) && (m.Subject ?? "").Contains(subjectContains, StringComparison.Ordinal));

    public static string LinkIn(MimeMessage message) => LinkPattern().Match(message.TextBody ?? "").Value;

    public static string TokenIn(MimeMessage message) => Uri.UnescapeDataString(TokenPattern().Match(message.TextBody ?? "").Groups[1].Value);

    public static string CodeIn(MimeMessage message) => CodePattern().Match(message.TextBody ?? "").Groups[1].Value;

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Smtp.DisposeAsync();
    }

    [GeneratedRegex(@"https?://\S+token=\S+")]
    private static partial Regex LinkPattern();

    [GeneratedRegex(@"token=([A-Za-z0-9_\-%]+)")]
    private static partial Regex TokenPattern();

    [GeneratedRegex(@"code is (\d{6})")]
    private static partial Regex CodePattern();
}
