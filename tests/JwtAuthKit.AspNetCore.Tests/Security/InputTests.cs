using System.Net;
using System.Net.Sockets;
using System.Text;
using JwtAuthKit.AspNetCore.Tests.Infrastructure;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace JwtAuthKit.AspNetCore.Tests.Security;

/// <summary>Hostile input: look-alike addresses, and request bodies that never arrive in full.</summary>
public sealed class InputTests(SharedHost fixture) : IClassFixture<SharedHost>
{
    [Theory]
    [InlineData("\uff41dmin@example.com")] // full-width a
    [InlineData("ad\u200bmin@example.com")] // zero-width space
    [InlineData("adm\u0131n@example.com")] // dotless i
    [InlineData("admin@exam\u00adple.com")] // soft hyphen
    [InlineData("admin\u202e@example.com")] // bidi override
    [InlineData("x@[127.0.0.1]")]
    [InlineData("x@[IPv6:::1]")]
    public async Task Look_alike_invisible_and_ip_literal_addresses_are_refused_at_sign_up(string email)
    {
        var response = await fixture.Host.Client.RegisterAsync(email);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.ProblemCodeAsync()).Should().Be("invalid_email");
    }

    [Fact]
    public async Task An_address_typed_with_other_case_whitespace_or_composition_is_the_same_account()
    {
        var local = Unique.Email().Split('@')[0];
        var email = $"{local}@b\u00fccher.example";

        (await fixture.Host.Client.RegisterAsync($"  {local.ToUpperInvariant()}@B\u00dcCHER.Example ")).StatusCode.Should().Be(HttpStatusCode.Created);
        var again = await fixture.Host.Client.RegisterAsync($"{local}@bu\u0308cher.example"); // decomposed ü
        var login = await fixture.Host.Client.LoginAsync(email);

        again.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await again.ProblemCodeAsync()).Should().Be("email_taken");
        login.StatusCode.Should().Be(HttpStatusCode.OK);
        (await login.JsonAsync()).GetProperty("user").GetProperty("email").GetString().Should().Be(email);
    }

    [Theory]
    [InlineData("/api/auth/login", "application/json", "{\"email\":\"")]
    [InlineData("/auth/verify-email", "application/x-www-form-urlencoded", "token=abcd")]
    public async Task A_body_that_stops_arriving_gets_400_or_408_and_no_error_in_the_log(string path, string contentType, string firstBytes)
    {
        // Kestrel's MinRequestBodyDataRate ends the read once the grace period passes with too few bytes.
        var logs = new CapturingLoggerProvider();
        await using var host = await StartWithLogsAsync(logs, kestrel: o => o.Limits.MinRequestBodyDataRate = new MinDataRate(50, TimeSpan.FromSeconds(2)));
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(host.Address.Host, host.Address.Port);
        var stream = tcp.GetStream();

        var request = $"POST {path} HTTP/1.1\r\nHost: {host.Address.Authority}\r\nContent-Type: {contentType}\r\nContent-Length: 100\r\n\r\n{firstBytes}";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        var status = await ReadStatusLineAsync(stream).WaitAsync(TimeSpan.FromSeconds(30));

        status.Should().BeOneOf("HTTP/1.1 400 Bad Request", "HTTP/1.1 408 Request Timeout");
        logs.Entries.Should().NotContain(e => e.Level >= LogLevel.Error, "a slow client is not a fault of the server");
        logs.Entries.Should().Contain(e => e.EventId.Id == 2101 && e.Level == LogLevel.Debug);
    }

    private static Task<TestHost> StartWithLogsAsync(CapturingLoggerProvider logs, Action<KestrelServerOptions>? kestrel = null) =>
        TestHost.StartAsync(services: s =>
        {
            s.AddLogging(b => b.SetMinimumLevel(LogLevel.Debug).AddProvider(logs));
            if (kestrel is not null)
            {
                s.Configure(kestrel);
            }
        });

    private static async Task<string> ReadStatusLineAsync(NetworkStream stream)
    {
        var buffer = new byte[4096];
        var text = new StringBuilder();
        int read;
        while (!text.ToString().Contains("\r\n", StringComparison.Ordinal) && (read = await stream.ReadAsync(buffer)) > 0)
        {
            text.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }

        return text.ToString().Split("\r\n")[0];
    }
}
