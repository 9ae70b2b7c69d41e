using System.Net;
using System.Net.Http.Json;
using JwtAuthKit.AspNetCore.Http;
using JwtAuthKit.AspNetCore.Tests.Infrastructure;

namespace JwtAuthKit.AspNetCore.Tests.Throttling;

public sealed class RateLimitKindTests
{
    [Fact]
    public async Task A_flood_of_code_requests_does_not_lock_the_address_out_of_sign_in()
    {
        await using var host = await TestHost.StartAsync(o => o.RateLimits.PermitLimit = 3, configuration: EmailFlowTests.MailApplication());

        var requests = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            requests.Add((await host.Client.PostAsJsonAsync("/api/auth/otp", new { email = Unique.Email() })).StatusCode);
        }

        var login = await host.Client.LoginAsync(Unique.Email(), "whatever it is");

        requests.Should().Equal(HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.TooManyRequests);
        login.StatusCode.Should().Be(HttpStatusCode.Unauthorized, "sign-in has its own budget");
    }

    [Fact]
    public async Task Each_kind_can_have_its_own_limit()
    {
        await using var host = await TestHost.StartAsync(o =>
        {
            o.RateLimits.PermitLimit = 100;
            o.RateLimits.SignIn = 2;
        });

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            answers.Add((await host.Client.LoginAsync(Unique.Email(), "whatever it is")).StatusCode);
        }

        answers.Should().Equal(HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests);
        (await host.Client.RegisterAsync(Unique.Email())).StatusCode.Should().Be(HttpStatusCode.Created, "sign-up counts apart");
    }

    [Theory]
    [InlineData("203.0.113.7", "203.0.113.7")]
    [InlineData("::ffff:203.0.113.7", "203.0.113.7")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:3::1", "2001:db8:1:3::/64")]
    public void Addresses_are_counted_per_IPv4_address_and_per_IPv6_64(string address, string partition) =>
        CredentialRateLimiter.PartitionOf(IPAddress.Parse(address)).Should().Be(partition);
}
