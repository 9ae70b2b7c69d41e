using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;

namespace HostApp.Tests;

/// <summary>
/// The quick start with no mail server: mail waits in the dev mailbox, and its links work. The mailbox is on by default
/// only in Development, answers only direct loopback connections, and in Production mail with no SMTP host waits unsent.
/// </summary>
public sealed partial class DevMailboxTests
{
    private static readonly string[] MailboxOn = ["--JwtAuthKit:DevMailbox:Enabled", "true"];
    private static readonly Dictionary<string, string> Development = new() { ["ASPNETCORE_ENVIRONMENT"] = "Development" };

    [Fact]
    public async Task A_new_user_registers_opens_the_dev_mailbox_and_clicks_the_verification_link()
    {
        await using var host = await HostProcess.StartAsync(null, Development);
        using var client = host.NewClient();
        (await client.PostAsJsonAsync("/api/auth/register", new { email = "newcomer@example.com", password = "correct horse battery staple" })).StatusCode.Should().Be(HttpStatusCode.Created);

        // The mailbox lists the message…
        string inbox = "";
        for (var i = 0; i < 50 && !inbox.Contains("newcomer@example.com", StringComparison.Ordinal); i++)
        {
            await Task.Delay(100);
            inbox = await client.GetStringAsync("/dev/mailbox");
        }

        inbox.Should().Contain("newcomer@example.com").And.Contain("Confirm your email for default");
        var messagePath = MessageLink().Match(inbox).Groups[1].Value;

        // …the message page shows it, with its HTML body in a sandboxed frame…
        var page = await client.GetStringAsync(messagePath);
        page.Should().Contain("<iframe sandbox");
        var html = await client.GetAsync(messagePath + "/html");
        html.Headers.GetValues("Content-Security-Policy").Single().Should().StartWith("sandbox");
        var link = WebUtility.HtmlDecode(VerifyLink().Match(await html.Content.ReadAsStringAsync()).Groups[1].Value);
        link.Should().StartWith(host.Address.ToString().TrimEnd('/') + "/auth/verify-email?token=");

        // …and the link leads to the host's page, whose button confirms the address.
        var confirmPage = await client.GetStringAsync(link);
        confirmPage.Should().Contain("Confirm email");
        var token = HiddenToken().Match(confirmPage).Groups[1].Value;
        var confirmed = await client.PostAsync("/auth/verify-email", new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = WebUtility.HtmlDecode(token) }));
        (await confirmed.Content.ReadAsStringAsync()).Should().Contain("Email confirmed");

        var login = await client.PostAsJsonAsync("/api/auth/login", new { email = "newcomer@example.com", password = "correct horse battery staple" });
        (await login.Content.ReadAsStringAsync()).Should().Contain("\"email_verified\":true");
    }

    [Fact]
    public async Task The_reset_page_sets_a_new_password()
    {
        await using var host = await HostProcess.StartAsync(null, MailboxOn);
        using var client = host.NewClient();
        await client.PostAsJsonAsync("/api/auth/register", new { email = "forgetful@example.com", password = "correct horse battery staple" });
        (await client.PostAsJsonAsync("/api/auth/password/forgot", new { email = "forgetful@example.com" })).StatusCode.Should().Be(HttpStatusCode.Accepted);

        string inbox = "";
        for (var i = 0; i < 50 && !inbox.Contains("Reset your", StringComparison.Ordinal); i++)
        {
            await Task.Delay(100);
            inbox = await client.GetStringAsync("/dev/mailbox");
        }

        var resetPath = Regex.Match(inbox, "<a href=\"(/dev/mailbox/[^\"]+)\">Reset your").Groups[1].Value;
        var text = await client.GetStringAsync(resetPath);
        var link = WebUtility.HtmlDecode(Regex.Match(text, @"(http://[^\s<]+/auth/reset-password\?token=[^\s<&]+)").Groups[1].Value);
        var token = WebUtility.HtmlDecode(HiddenToken().Match(await client.GetStringAsync(link)).Groups[1].Value);

        var weak = await client.PostAsync("/auth/reset-password", new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = token, ["new_password"] = "password" }));
        var saved = await client.PostAsync("/auth/reset-password", new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = token, ["new_password"] = "my brand new passphrase" }));

        weak.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await saved.Content.ReadAsStringAsync()).Should().Contain("Password changed");
        (await client.PostAsJsonAsync("/api/auth/login", new { email = "forgetful@example.com", password = "my brand new passphrase" })).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task With_an_SMTP_host_configured_there_is_no_dev_mailbox()
    {
        await using var host = await HostProcess.StartAsync(null, "--JwtAuthKit:Smtp:Host", "127.0.0.1", "--JwtAuthKit:Smtp:Port", "2", "--JwtAuthKit:Smtp:From", "auth@example.com", "--JwtAuthKit:Smtp:Security", "None");

        (await host.NewClient().GetAsync("/dev/mailbox")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task In_Production_with_no_SMTP_host_there_is_no_mailbox_mail_waits_unsent_and_the_host_says_so()
    {
        await using var host = await HostProcess.StartAsync();
        using var client = host.NewClient();
        (await client.PostAsJsonAsync("/api/auth/register", new { email = "waiting@example.com", password = "correct horse battery staple" })).StatusCode.Should().Be(HttpStatusCode.Created);

        (await client.GetAsync("/dev/mailbox")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        host.Output.Should().Contain("No mail is being sent").And.Contain("JwtAuthKit:Smtp:Host");
        host.Output.Should().MatchRegex(@"warn[^\n]*No mail is being sent", "the host says so at start, as a warning");
        (await client.GetStringAsync("/readyz")).Should().Contain("\"status\":\"Degraded\"").And.Contain("\"mail\":{\"status\":\"Degraded\"");

        // The message is queued, not marked sent: it goes out once an SMTP host is configured. Several outbox polls (every
        // 2 s) pass first, so "pending" means held rather than not yet picked up.
        await Task.Delay(TimeSpan.FromSeconds(5));
        var status = await QueuedStatusAsync(Path.Combine(host.Directory, "jwtauthkit.db"), "waiting@example.com");
        status.Should().Be("0", "0 is EmailStatus.Pending");
    }

    [Fact]
    public async Task In_Development_the_mailbox_answers_loopback_but_not_a_forwarded_request()
    {
        await using var host = await HostProcess.StartAsync(null, Development);
        using var client = host.NewClient();

        var direct = await client.GetAsync("/dev/mailbox");
        using var forwarded = new HttpRequestMessage(HttpMethod.Get, "/dev/mailbox");
        forwarded.Headers.Add("X-Forwarded-For", "127.0.0.1");
        var viaProxy = await client.SendAsync(forwarded);

        direct.StatusCode.Should().Be(HttpStatusCode.OK);
        viaProxy.StatusCode.Should().Be(HttpStatusCode.NotFound);
        host.Output.Should().NotContain("No mail is being sent");
        (await client.GetStringAsync("/readyz")).Should().StartWith("{\"status\":\"Healthy\"");
    }

    [Fact]
    public async Task Enabled_explicitly_in_Production_the_mailbox_still_answers_only_direct_loopback_requests()
    {
        await using var host = await HostProcess.StartAsync(null, MailboxOn);
        using var client = host.NewClient();

        var direct = await client.GetAsync("/dev/mailbox");
        using var forwarded = new HttpRequestMessage(HttpMethod.Get, "/dev/mailbox");
        forwarded.Headers.Add("Forwarded", "for=203.0.113.7");
        var viaProxy = await client.SendAsync(forwarded);
        using var realIp = new HttpRequestMessage(HttpMethod.Get, "/dev/mailbox");
        realIp.Headers.Add("X-Real-IP", "127.0.0.1");
        var viaRealIp = await client.SendAsync(realIp);

        direct.StatusCode.Should().Be(HttpStatusCode.OK);
        viaProxy.StatusCode.Should().Be(HttpStatusCode.NotFound);
        viaRealIp.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AllowRemote_no_longer_exposes_the_mailbox_in_Production()
    {
        await using var host = await HostProcess.StartAsync(null, "--JwtAuthKit:DevMailbox:AllowRemote", "true");

        (await host.NewClient().GetAsync("/dev/mailbox")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    private static async Task<string?> QueuedStatusAsync(string database, string to)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={database};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"Status\" FROM \"jak_email_messages\" WHERE \"To\" = $to";
        command.Parameters.AddWithValue("$to", to);
        return (await command.ExecuteScalarAsync())?.ToString();
    }

    [GeneratedRegex("<a href=\"(/dev/mailbox/[^\"]+)\">Confirm your email")]
    private static partial Regex MessageLink();

    [GeneratedRegex("href=\"([^\"]+/auth/verify-email\\?token=[^\"]+)\"")]
    private static partial Regex VerifyLink();

    [GeneratedRegex("name=\"token\" value=\"([^\"]+)\"")]
    private static partial Regex HiddenToken();
}
