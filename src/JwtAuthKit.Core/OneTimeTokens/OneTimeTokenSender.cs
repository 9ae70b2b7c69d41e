using System.Globalization;
using System.Security.Cryptography;
using JwtAuthKit.Applications;
using JwtAuthKit.Email;
using JwtAuthKit.Passwords;
using Microsoft.Extensions.Options;

namespace JwtAuthKit.OneTimeTokens;

/// <summary>
/// Issues one-time links and codes and queues the email that carries each in the same transaction. At most one
/// message of a kind goes to an address per <see cref="EmailOptions.PerAddressInterval"/>, and at most
/// <see cref="ApplicationSettings.EmailsPerAddressPerHour"/> per hour (no mail bombing, and few codes to guess at);
/// extra requests are dropped silently, so the caller's answer does not change. A request that sends nothing — over
/// the cap, or for an address that gets no mail (the <c>Rehearse…</c> methods) — does the same work as one that sends
/// (the code's Argon2id hash, composing and encrypting the message, the same rows written and removed in one transaction), so its timing
/// does not tell whether the account exists.
/// </summary>
internal sealed class OneTimeTokenSender(
    IOneTimeTokenStore tokens,
    IEmailOutboxStore outbox,
    EmailComposer composer,
    EmailOutboxSignal signal,
    IPasswordHasher hasher,
    IOptions<JwtAuthKitOptions> options,
    TimeProvider time)
{
    public Task SendLinkAsync(Application application, string email, string? userId, string purpose, string kind, TimeSpan lifetime, string linkBase, string? redirectTo, CancellationToken cancellationToken) =>
        WriteLinkAsync(application, email, userId, purpose, kind, lifetime, linkBase, redirectTo, deliver: true, cancellationToken);

    /// <summary>The work of <see cref="SendLinkAsync"/> for an address that gets no mail; nothing is stored or sent.</summary>
    public Task RehearseLinkAsync(Application application, string email, string purpose, string kind, TimeSpan lifetime, string linkBase, CancellationToken cancellationToken) =>
        WriteLinkAsync(application, email, null, purpose, kind, lifetime, linkBase, null, deliver: false, cancellationToken);

    public Task SendCodeAsync(Application application, string email, string? userId, CancellationToken cancellationToken) =>
        WriteCodeAsync(application, email, userId, deliver: true, cancellationToken);

    /// <summary>The work of <see cref="SendCodeAsync"/> for an address that gets no mail; nothing is stored or sent.</summary>
    public Task RehearseCodeAsync(Application application, string email, CancellationToken cancellationToken) =>
        WriteCodeAsync(application, email, null, deliver: false, cancellationToken);

    private async Task WriteLinkAsync(Application application, string email, string? userId, string purpose, string kind, TimeSpan lifetime, string linkBase, string? redirectTo, bool deliver, CancellationToken cancellationToken)
    {
        deliver &= !await IsThrottledAsync(application, email, kind, cancellationToken);
        var (token, message) = ComposeLink(application, email, userId, purpose, kind, lifetime, linkBase, redirectTo);
        await StoreAsync(token, message, deliver, cancellationToken);
    }

    /// <summary>
    /// A link token and the email carrying it, not yet stored: for a caller that stores them in its own transaction
    /// (a new user with its verification email), then calls <see cref="Queued"/>.
    /// </summary>
    public (OneTimeToken Token, EmailMessage Message) ComposeLink(Application application, string email, string? userId, string purpose, string kind, TimeSpan lifetime, string linkBase, string? redirectTo)
    {
        var now = time.GetUtcNow();
        var secret = SecretTokens.Create();
        var token = NewToken(application, email, userId, purpose, SecretTokens.Hash(secret), null, redirectTo, now, lifetime);
        var message = composer.Compose(application, kind, email, new Dictionary<string, string>
        {
            ["link"] = AppendToken(linkBase, secret),
            ["expires_in_minutes"] = Minutes(lifetime),
            ["expires_in"] = Duration(lifetime),
        });
        return (token, message);
    }

    /// <summary>Wakes the outbox after a caller stored a message <see cref="ComposeLink"/> made.</summary>
    public void Queued() => signal.Notify();

    private async Task WriteCodeAsync(Application application, string email, string? userId, bool deliver, CancellationToken cancellationToken)
    {
        deliver &= !await IsThrottledAsync(application, email, EmailKind.EmailOtp, cancellationToken);
        var now = time.GetUtcNow();
        var lifetime = options.Value.OneTimeTokens.EmailOtpLifetime;
        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture);

        // Six digits are too few for a fast hash: the code gets Argon2id like a password.
        var codeHash = await hasher.HashAsync(code, cancellationToken);
        var token = NewToken(application, email, userId, OneTimeTokenPurpose.EmailOtp, SecretTokens.Hash(SecretTokens.Create()), codeHash, null, now, lifetime);
        var message = composer.Compose(application, EmailKind.EmailOtp, email, new Dictionary<string, string>
        {
            ["code"] = code,
            ["expires_in_minutes"] = Minutes(lifetime),
            ["expires_in"] = Duration(lifetime),
        });
        await StoreAsync(token, message, deliver, cancellationToken);
    }

    private async Task StoreAsync(OneTimeToken token, EmailMessage message, bool deliver, CancellationToken cancellationToken)
    {
        if (deliver)
        {
            await tokens.CreateWithMessageAsync(token, message, cancellationToken);
        }
        else
        {
            await tokens.RehearseCreateWithMessageAsync(token, message, cancellationToken);
        }

        // Woken either way, so the delivery service reads the outbox after every request: what differs is only whether
        // it finds a message (the time a send takes is the rest of the difference; see decisions.md, issue 12).
        signal.Notify();
    }

    public async Task SendNoticeAsync(Application application, string email, string kind, CancellationToken cancellationToken)
    {
        await outbox.AddAsync(composer.Compose(application, kind, email, new Dictionary<string, string>()), cancellationToken);
        signal.Notify();
    }

    /// <summary>A notice under the same per-address caps as links and codes (so it cannot be used to flood an inbox).</summary>
    public async Task SendCappedNoticeAsync(Application application, string email, string kind, CancellationToken cancellationToken)
    {
        if (!await IsThrottledAsync(application, email, kind, cancellationToken))
        {
            await SendNoticeAsync(application, email, kind, cancellationToken);
        }
    }

    internal static string AppendToken(string baseUrl, string token) =>
        baseUrl + (baseUrl.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "token=" + Uri.EscapeDataString(token);

    private async Task<bool> IsThrottledAsync(Application application, string email, string kind, CancellationToken cancellationToken)
    {
        // Both counts are read every time, throttled or not, so the work is the same either way.
        var now = time.GetUtcNow();
        var interval = options.Value.Email.PerAddressInterval;
        var recent = interval > TimeSpan.Zero && await outbox.HasRecentAsync(application.Id, email, kind, now - interval, cancellationToken);
        var lastHour = await outbox.CountRecentAsync(application.Id, email, kind, now - TimeSpan.FromHours(1), cancellationToken);
        return recent || lastHour >= application.Settings.EmailsPerAddressPerHour;
    }

    private static OneTimeToken NewToken(Application application, string email, string? userId, string purpose, string secretHash, string? codeHash, string? redirectTo, DateTimeOffset now, TimeSpan lifetime) => new()
    {
        Id = Guid.CreateVersion7(now).ToString(),
        ApplicationId = application.Id,
        UserId = userId,
        Email = email,
        Purpose = purpose,
        SecretHash = secretHash,
        CodeHash = codeHash,
        RedirectTo = redirectTo,
        CreatedAt = now,
        ExpiresAt = now + lifetime,
    };

    /// <summary>A lifetime as a person says it: "24 hours", "1 hour", "15 minutes".</summary>
    internal static string Duration(TimeSpan lifetime) => lifetime.TotalHours >= 1 && lifetime.TotalHours == Math.Floor(lifetime.TotalHours)
        ? (lifetime.TotalHours == 1 ? "1 hour" : string.Create(CultureInfo.InvariantCulture, $"{lifetime.TotalHours:0} hours"))
        : (Math.Round(lifetime.TotalMinutes) == 1 ? "1 minute" : Minutes(lifetime) + " minutes");

    private static string Minutes(TimeSpan lifetime) => ((int)Math.Round(lifetime.TotalMinutes)).ToString(CultureInfo.InvariantCulture);
}
