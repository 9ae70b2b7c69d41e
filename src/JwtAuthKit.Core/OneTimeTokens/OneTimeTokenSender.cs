using System.Globalization;
using System.Security.Cryptography;
using JwtAuthKit.Applications;
using JwtAuthKit.Email;
using JwtAuthKit.Passwords;
using Microsoft.Extensions.Options;

namespace JwtAuthKit.OneTimeTokens;

/// <summary>
/// Issues one-time links and codes and queues the email that carries each in the same transaction. At most one
/// message of a kind goes to an address per <see cref="EmailOptions.PerAddressInterval"/> (no mail bombing);
/// extra requests are dropped silently, so the caller's answer does not change.
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
    public async Task SendLinkAsync(Application application, string email, string? userId, string purpose, string kind, TimeSpan lifetime, string linkBase, string? redirectTo, CancellationToken cancellationToken)
    {
        if (await IsThrottledAsync(application, email, kind, cancellationToken))
        {
            return;
        }

        var (token, message) = ComposeLink(application, email, userId, purpose, kind, lifetime, linkBase, redirectTo);
        await tokens.CreateWithMessageAsync(token, message, cancellationToken);
        signal.Notify();
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

    public async Task SendCodeAsync(Application application, string email, string? userId, CancellationToken cancellationToken)
    {
        if (await IsThrottledAsync(application, email, EmailKind.EmailOtp, cancellationToken))
        {
            return;
        }

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
        await tokens.CreateWithMessageAsync(token, message, cancellationToken);
        signal.Notify();
    }

    public async Task SendNoticeAsync(Application application, string email, string kind, CancellationToken cancellationToken)
    {
        await outbox.AddAsync(composer.Compose(application, kind, email, new Dictionary<string, string>()), cancellationToken);
        signal.Notify();
    }

    internal static string AppendToken(string baseUrl, string token) =>
        baseUrl + (baseUrl.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "token=" + Uri.EscapeDataString(token);

    private async Task<bool> IsThrottledAsync(Application application, string email, string kind, CancellationToken cancellationToken)
    {
        var interval = options.Value.Email.PerAddressInterval;
        return interval > TimeSpan.Zero && await outbox.HasRecentAsync(application.Id, email, kind, time.GetUtcNow() - interval, cancellationToken);
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
