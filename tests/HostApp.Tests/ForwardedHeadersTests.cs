using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HostApp.Tests;

/// <summary>The client address rate limits count, with and without a trusted reverse proxy in front of the host.</summary>
public sealed class ForwardedHeadersTests
{
    private static readonly Dictionary<string, string> TwoSignInsAMinute = new()
    {
        ["JwtAuthKit__RateLimits__SignIn"] = "2",
    };

    [Fact]
    public async Task Behind_a_configured_proxy_each_forwarded_client_has_its_own_budget_and_direct_spoofs_are_ignored()
    {
        var environment = new Dictionary<string, string>(TwoSignInsAMinute) { ["JwtAuthKit__ForwardedHeaders__KnownProxies__0"] = "127.0.0.1" };
        await using var host = await HostProcess.StartAsync(null, environment);
        await using var proxy = await LoopbackForwarder.StartAsync(host.Address);
        using var alice = ClientFrom("127.0.0.2", proxy.Address);
        using var bob = ClientFrom("127.0.0.3", proxy.Address);
        using var mallory = ClientFrom("127.0.0.4", host.Address);

        var aliceAnswers = await SignInsAsync(alice, 3);
        var bobAnswers = await SignInsAsync(bob, 2);
        var malloryAnswers = await SignInsAsync(mallory, 3, spoof: true);

        aliceAnswers.Should().Equal(HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests);
        bobAnswers.Should().Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized], "the proxy's X-Forwarded-For names another client");
        malloryAnswers.Should().Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests],
            "X-Forwarded-For from a client that is not a configured proxy is not believed");
    }

    [Fact]
    public async Task Without_configured_proxies_X_Forwarded_For_is_ignored_even_from_loopback()
    {
        await using var host = await HostProcess.StartAsync(null, TwoSignInsAMinute);
        using var client = host.NewClient();

        var answers = await SignInsAsync(client, 3, spoof: true);

        answers.Should().Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests],
            "a new spoofed X-Forwarded-For on each request does not reset the limit");
    }

    private static async Task<List<HttpStatusCode>> SignInsAsync(HttpClient client, int count, bool spoof = false)
    {
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < count; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login")
            {
                Content = JsonContent.Create(new { email = $"{Guid.NewGuid():N}@example.com", password = "whatever it may be" }),
            };
            if (spoof)
            {
                request.Headers.Add("X-Forwarded-For", $"198.51.100.{i + 1}");
            }

            answers.Add((await client.SendAsync(request)).StatusCode);
        }

        return answers;
    }

    /// <summary>A client whose connections come from a chosen loopback address (all of 127.0.0.0/8 is loopback on Linux).</summary>
    private static HttpClient ClientFrom(string localAddress, Uri baseAddress) => new(new SocketsHttpHandler
    {
        ConnectCallback = async (context, cancellationToken) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                socket.Bind(new IPEndPoint(IPAddress.Parse(localAddress), 0));
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    })
    { BaseAddress = baseAddress };

    /// <summary>
    /// A minimal reverse proxy on 127.0.0.1: forwards each request to the host and appends the connection's address to
    /// X-Forwarded-For, as nginx's <c>$proxy_add_x_forwarded_for</c> does.
    /// </summary>
    private sealed class LoopbackForwarder : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly HttpClient _upstream;

        private LoopbackForwarder(WebApplication app, HttpClient upstream, Uri address)
        {
            _app = app;
            _upstream = upstream;
            Address = address;
        }

        public Uri Address { get; }

        public static async Task<LoopbackForwarder> StartAsync(Uri upstreamAddress)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            var app = builder.Build();
            var upstream = new HttpClient { BaseAddress = upstreamAddress };
            app.Run(async context => await ForwardAsync(context, upstream));
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new LoopbackForwarder(app, upstream, new Uri(address));
        }

        public async ValueTask DisposeAsync()
        {
            _upstream.Dispose();
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        private static async Task ForwardAsync(HttpContext context, HttpClient upstream)
        {
            using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), context.Request.Path + context.Request.QueryString);
            if (context.Request.ContentType is { } contentType)
            {
                request.Content = new StreamContent(context.Request.Body);
                request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            }

            var forwardedFor = context.Request.Headers["X-Forwarded-For"].ToString();
            var client = context.Connection.RemoteIpAddress!.ToString();
            request.Headers.TryAddWithoutValidation("X-Forwarded-For", forwardedFor.Length > 0 ? forwardedFor + ", " + client : client);
            request.Headers.TryAddWithoutValidation("X-Forwarded-Proto", context.Request.Scheme);
            request.Headers.TryAddWithoutValidation("X-Forwarded-Host", context.Request.Host.Value);

            using var response = await upstream.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, context.RequestAborted);
            context.Response.StatusCode = (int)response.StatusCode;
            foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
            {
                if (!string.Equals(name, "Transfer-Encoding", StringComparison.OrdinalIgnoreCase))
                {
                    context.Response.Headers[name] = values.ToArray();
                }
            }

            await response.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
        }
    }
}
