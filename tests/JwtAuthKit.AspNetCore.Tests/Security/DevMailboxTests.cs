using System.Net;
using JwtAuthKit.AspNetCore.Tests.Infrastructure;

namespace JwtAuthKit.AspNetCore.Tests.Security;

/// <summary>The dev mailbox shows live links: only a direct connection from this machine may read it.</summary>
public sealed class DevMailboxTests
{
    [Fact]
    public async Task The_mailbox_answers_a_direct_loopback_request_with_page_headers()
    {
        await using var host = await TestHost.StartAsync(mapMore: app => app.MapJwtAuthKitDevMailbox());

        var response = await host.Client.GetAsync("/dev/mailbox");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.GetValues("X-Frame-Options").Should().Equal("DENY");
        response.Headers.GetValues("Referrer-Policy").Should().Equal("no-referrer");
        response.Headers.GetValues("Content-Security-Policy").Single().Should().Contain("frame-ancestors 'none'");
    }

    [Theory]
    [InlineData("X-Forwarded-For", "127.0.0.1")]
    [InlineData("Forwarded", "for=127.0.0.1")]
    [InlineData("X-Real-IP", "127.0.0.1")]
    [InlineData("X-Forwarded-Host", "localhost")]
    public async Task A_request_forwarded_by_a_proxy_on_this_machine_gets_404(string header, string value)
    {
        await using var host = await TestHost.StartAsync(mapMore: app => app.MapJwtAuthKitDevMailbox());
        using var request = new HttpRequestMessage(HttpMethod.Get, "/dev/mailbox");
        request.Headers.TryAddWithoutValidation(header, value);

        var response = await host.Client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}
