using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;

namespace HostApp.Tests;

/// <summary>The quick start with no mail server: mail waits in the dev mailbox, and its links work.</summary>
public sealed partial class DevMailboxTests
{
    [Fact]
    public async Task A_new_user_registers_opens_the_dev_mailbox_and_clicks_the_verification_link()
    {
        await using var host = await HostProcess.StartAsync();
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
        await using var host = await HostProcess.StartAsync();
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

    [GeneratedRegex("<a href=\"(/dev/mailbox/[^\"]+)\">Confirm your email")]
    private static partial Regex MessageLink();

    [GeneratedRegex("href=\"([^\"]+/auth/verify-email\\?token=[^\"]+)\"")]
    private static partial Regex VerifyLink();

    [GeneratedRegex("name=\"token\" value=\"([^\"]+)\"")]
    private static partial Regex HiddenToken();
}
