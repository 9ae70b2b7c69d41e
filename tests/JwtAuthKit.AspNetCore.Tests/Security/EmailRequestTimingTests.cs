using System.Net;
using System.Net.Http.Json;
using JwtAuthKit.AspNetCore.Tests.Infrastructure;
using JwtAuthKit.Email;
using JwtAuthKit.Hosting;
using JwtAuthKit.OneTimeTokens;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace JwtAuthKit.AspNetCore.Tests.Security;

/// <summary>
/// Forgot password, resend, magic link and email code answer before any per-address work, so the answer's time cannot
/// tell whether an address has an account (issue 12); the work still happens, after the answer has been sent.
/// </summary>
public sealed class EmailRequestTimingTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task A_known_address_is_answered_while_its_reset_link_is_held_back_and_the_link_is_written_after()
    {
        var held = new HeldTokenStore();
        await using var host = await TestHost.StartAsync(kit: kit => held.Wrap(kit.Services));
        var known = Unique.Email("known");
        (await host.Client.RegisterAsync(known)).EnsureSuccessStatusCode();

        var answer = await host.Client.PostAsJsonAsync("/api/auth/password/forgot", new { email = known }).WaitAsync(Patience);

        answer.StatusCode.Should().Be(HttpStatusCode.Accepted, "the caller is answered while the link's write is still held");
        await held.Entered.WaitAsync(Patience);
        var outbox = host.GetRequiredService<IEmailOutboxStore>();
        (await ResetMailsAsync(outbox, known)).Should().Be(0, "the link and its mail were not written before the answer");

        held.Release();
        await host.EmailRequestsDoneAsync();
        (await ResetMailsAsync(outbox, known)).Should().Be(1, "the work still happens once released");
    }

    [Fact]
    public async Task Over_http_the_answer_counts_as_sent_only_once_the_response_has_completed()
    {
        var seen = new SeenAnswer();
        await using var host = await TestHost.StartAsync(mapMore: app => app.MapGet("/test/answer", (ICallerAnswer answer) =>
        {
            seen.Sent = answer.WhenAnswerSent();
            seen.SentWhileHandling = seen.Sent.IsCompleted;
            return Results.Text("answered");
        }));

        (await host.Client.GetStringAsync("/test/answer")).Should().Be("answered");

        seen.SentWhileHandling.Should().BeFalse("the handler had not answered yet");
        await seen.Sent!.WaitAsync(Patience);
        host.GetRequiredService<ICallerAnswer>().WhenAnswerSent().IsCompleted.Should().BeTrue("outside a request there is no answer to wait for");
    }

    private static async Task<int> ResetMailsAsync(IEmailOutboxStore outbox, string to) =>
        (await outbox.ListAsync(null, null, 0, 100, default)).Count(m => m.To == to && m.Kind == EmailKind.PasswordReset);

    private sealed class SeenAnswer
    {
        public Task? Sent { get; set; }

        public bool SentWhileHandling { get; set; }
    }

    /// <summary>The real store, except that writing a reset link waits until the test releases it.</summary>
    private sealed class HeldTokenStore
    {
        private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Entered => _entered.Task;

        public void Release() => _released.SetResult();

        public void Wrap(IServiceCollection services)
        {
            var real = services.Last(d => d.ServiceType == typeof(IOneTimeTokenStore));
            services.Replace(ServiceDescriptor.Singleton<IOneTimeTokenStore>(sp =>
                new Gated((IOneTimeTokenStore)ActivatorUtilities.CreateInstance(sp, real.ImplementationType!), this)));
        }

        private sealed class Gated(IOneTimeTokenStore inner, HeldTokenStore gate) : IOneTimeTokenStore
        {
            public async Task CreateWithMessageAsync(OneTimeToken token, EmailMessage message, CancellationToken cancellationToken)
            {
                if (token.Purpose == OneTimeTokenPurpose.PasswordReset)
                {
                    gate._entered.TrySetResult();
                    await gate._released.Task.WaitAsync(cancellationToken);
                }

                await inner.CreateWithMessageAsync(token, message, cancellationToken);
            }

            public Task RehearseCreateWithMessageAsync(OneTimeToken token, EmailMessage message, CancellationToken cancellationToken) =>
                inner.RehearseCreateWithMessageAsync(token, message, cancellationToken);

            public Task<OneTimeToken?> FindBySecretHashAsync(string secretHash, CancellationToken cancellationToken) =>
                inner.FindBySecretHashAsync(secretHash, cancellationToken);

            public Task<OneTimeToken?> FindActiveCodeAsync(string applicationId, string email, string purpose, DateTimeOffset now, CancellationToken cancellationToken) =>
                inner.FindActiveCodeAsync(applicationId, email, purpose, now, cancellationToken);

            public Task<bool> TryConsumeAsync(string id, DateTimeOffset now, CancellationToken cancellationToken) =>
                inner.TryConsumeAsync(id, now, cancellationToken);

            public Task<bool> TryTakeAttemptAsync(string id, int maxAttempts, DateTimeOffset now, CancellationToken cancellationToken) =>
                inner.TryTakeAttemptAsync(id, maxAttempts, now, cancellationToken);
        }
    }
}
