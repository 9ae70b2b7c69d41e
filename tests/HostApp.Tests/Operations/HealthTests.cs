using System.Net;
using System.Text.Json;
using JwtAuthKit.Testing;

namespace HostApp.Tests.Operations;

/// <summary>/healthz (alive) and /readyz (database migrated, mail deliverable, not shutting down) on the real host.</summary>
public sealed class HealthTests
{
    [Fact]
    public async Task With_the_database_migrated_and_the_dev_mailbox_on_both_probes_answer_200()
    {
        await using var host = await HostProcess.StartAsync(null, "--JwtAuthKit:DevMailbox:Enabled", "true");
        using var client = host.NewClient();

        var live = await client.GetAsync("/healthz");
        var ready = await client.GetAsync("/readyz");

        live.StatusCode.Should().Be(HttpStatusCode.OK);
        ready.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = await JsonAsync(ready);
        body.GetProperty("status").GetString().Should().Be("Healthy");
        Check(body, "database").Should().Be("Healthy");
        Check(body, "mail").Should().Be("Healthy");
        Check(body, "shutdown").Should().Be("Healthy");
    }

    [Fact]
    public async Task With_the_SMTP_server_unreachable_and_no_dev_mailbox_readyz_answers_503_naming_mail()
    {
        var closedPort = HostProcess.FreePort();
        await using var host = await HostProcess.StartAsync(null, Smtp(closedPort));
        using var client = host.NewClient();

        var live = await client.GetAsync("/healthz");
        var ready = await client.GetAsync("/readyz");

        live.StatusCode.Should().Be(HttpStatusCode.OK, "the process is alive: restarting it would not bring the mail server back");
        ready.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        var text = await ready.Content.ReadAsStringAsync();
        var body = JsonDocument.Parse(text).RootElement;
        body.GetProperty("status").GetString().Should().Be("Unhealthy");
        Check(body, "mail").Should().Be("Unhealthy");
        body.GetProperty("checks").GetProperty("mail").GetProperty("description").GetString().Should().Contain("SMTP server cannot be reached");
        Check(body, "database").Should().Be("Healthy");
        text.Should().NotContain(closedPort.ToString(System.Globalization.CultureInfo.InvariantCulture), "the probe does not tell where the mail server is");
    }

    [Fact]
    public async Task With_the_SMTP_server_up_readyz_answers_200()
    {
        await using var smtp = await InProcessSmtpServer.StartAsync();
        await using var host = await HostProcess.StartAsync(null, Smtp(smtp.Port));

        var ready = await host.NewClient().GetAsync("/readyz");

        ready.StatusCode.Should().Be(HttpStatusCode.OK);
        Check(await JsonAsync(ready), "mail").Should().Be("Healthy");
    }

    internal static string[] Smtp(int port) =>
        ["--JwtAuthKit:Smtp:Host", "127.0.0.1", "--JwtAuthKit:Smtp:Port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
         "--JwtAuthKit:Smtp:From", "auth@example.com", "--JwtAuthKit:Smtp:Security", "None"];

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private static string? Check(JsonElement body, string name) =>
        body.GetProperty("checks").GetProperty(name).GetProperty("status").GetString();
}
