using System.Net;
using System.Net.Http.Json;
using System.Text;
using JwtAuthKit.Testing;

namespace HostApp.Tests.Operations;

/// <summary>SIGTERM, as a container runtime sends it: requests under way finish, and no queued email is lost.</summary>
public sealed class GracefulShutdownTests
{
    [Fact]
    public async Task On_SIGTERM_requests_under_way_complete_and_every_queued_email_is_delivered_after_a_restart()
    {
        // A slow relay, so that mail is still queued (and one message is mid-send) when the signal arrives. The first
        // message is claimed about when the first sign-up answers and SIGTERM comes some 2 s later; the delivery service
        // stops after the queued email requests have run, so the send must last well beyond that (1.5 s did not, always).
        await using var smtp = await InProcessSmtpServer.StartAsync(delay: TimeSpan.FromSeconds(4));
        var directory = Path.Combine(Path.GetTempPath(), "jak-host-tests", Guid.NewGuid().ToString("N"));
        var expected = new List<string>();
        await using (var host = await HostProcess.StartAsync(directory, HealthTests.Smtp(smtp.Port)))
        {
            using var client = host.NewClient();
            for (var i = 0; i < 6; i++)
            {
                var email = $"queued{i}@example.com";
                expected.Add(email);
                (await client.PostAsJsonAsync("/api/auth/register", new { email, password = "correct horse battery staple" })).StatusCode.Should().Be(HttpStatusCode.Created);
            }

            // Three connections the host has already accepted (a request still in the accept queue is not under way).
            await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => client.GetAsync("/healthz")));

            // Requests under way: their headers are in, their bodies are still coming when SIGTERM arrives.
            var bodies = Enumerable.Range(0, 3).Select(i => new SlowJsonContent($$"""{"email":"inflight{{i}}@example.com","password":"correct horse battery staple"}""")).ToList();
            var inFlight = bodies.Select(body => client.PostAsync("/api/auth/register", body)).ToList();
            expected.AddRange(Enumerable.Range(0, 3).Select(i => $"inflight{i}@example.com"));
            await Task.WhenAll(bodies.Select(b => b.Started));
            await Task.Delay(1000);

            var exit = host.TerminateAsync(TimeSpan.FromSeconds(30));
            await Task.Delay(500);
            bodies.ForEach(b => b.Finish());
            var responses = await Task.WhenAll(inFlight);

            responses.Select(r => r.StatusCode).Should().AllBeEquivalentTo(HttpStatusCode.Created, "a request under way when SIGTERM arrives is finished");
            (await exit).Should().Be(0, host.Output);
            host.Output.Should().Contain("released unsent at shutdown", "messages claimed but not sent are handed back");
            smtp.Messages.Count.Should().BeLessThan(expected.Count, "the slow relay had not received everything before the stop");
        }

        // Restarted on the same database: what was queued, or claimed but not sent, goes out now, not after a claim expires.
        await using (var restarted = await HostProcess.StartAsync(directory, HealthTests.Smtp(smtp.Port)))
        {
            for (var i = 0; i < 600 && !expected.All(Delivered); i++) // nine messages at 4 s each, one at a time
            {
                await Task.Delay(200);
            }

            expected.Where(e => !Delivered(e)).Should().BeEmpty(restarted.Output);
        }

        bool Delivered(string email) => smtp.Messages.Any(m => m.To.Mailboxes.Any(b => b.Address == email));
    }

    /// <summary>A request body sent in two parts: the first at once, the rest when the test says.</summary>
    private sealed class SlowJsonContent : HttpContent
    {
        private readonly string _json;
        private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _finish = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public SlowJsonContent(string json)
        {
            _json = json;
            Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        }

        public Task Started => _started.Task;

        public void Finish() => _finish.TrySetResult();

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            var bytes = Encoding.UTF8.GetBytes(_json);
            var half = bytes.Length / 2;
            await stream.WriteAsync(bytes.AsMemory(0, half));
            await stream.FlushAsync();
            _started.TrySetResult();
            await _finish.Task;
            await stream.WriteAsync(bytes.AsMemory(half));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = Encoding.UTF8.GetByteCount(_json);
            return true;
        }
    }
}
