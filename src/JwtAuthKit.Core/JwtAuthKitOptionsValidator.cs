using JwtAuthKit.Applications;
using Microsoft.Extensions.Options;

namespace JwtAuthKit;

/// <summary>Validates <see cref="JwtAuthKitOptions"/> at start and reports every problem at once.</summary>
internal sealed class JwtAuthKitOptionsValidator : IValidateOptions<JwtAuthKitOptions>
{
    public ValidateOptionsResult Validate(string? name, JwtAuthKitOptions options)
    {
        var failures = new List<string>();
        if (!Uri.TryCreate(options.Issuer, UriKind.Absolute, out var issuer) || (issuer.Scheme != Uri.UriSchemeHttps && issuer.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add("JwtAuthKit:Issuer must be the absolute http(s) URL where this service is reached, e.g. https://auth.example.com.");
        }

        if (!Enum.IsDefined(options.SigningAlgorithm))
        {
            failures.Add("JwtAuthKit:SigningAlgorithm must be ES256, RS256 or HS256.");
        }

        if (options.ClockSkew < TimeSpan.Zero || options.ClockSkew > TimeSpan.FromMinutes(5))
        {
            failures.Add("JwtAuthKit:ClockSkew must be between 0 and 5 minutes.");
        }

        if (options.RefreshTokenReuseGraceWindow < TimeSpan.Zero || options.RefreshTokenReuseGraceWindow > TimeSpan.FromMinutes(1))
        {
            failures.Add("JwtAuthKit:RefreshTokenReuseGraceWindow must be between 0 and 1 minute.");
        }

        if (options.RevocationPollInterval <= TimeSpan.Zero || options.RevocationPollInterval > TimeSpan.FromSeconds(5))
        {
            failures.Add("JwtAuthKit:RevocationPollInterval must be above 0 and at most 5 seconds, so revocations reach every node within 5 s.");
        }

        if (options.ApplicationCacheDuration < TimeSpan.Zero || options.ApplicationCacheDuration > TimeSpan.FromSeconds(5))
        {
            failures.Add("JwtAuthKit:ApplicationCacheDuration must be between 0 and 5 seconds.");
        }

        if (options.AuditRetention < TimeSpan.Zero || (options.AuditRetention > TimeSpan.Zero && options.AuditRetention < TimeSpan.FromDays(1)))
        {
            failures.Add("JwtAuthKit:AuditRetention must be 0 (keep forever) or at least 1 day.");
        }

        var rotation = options.SigningKeyRotation;
        if (rotation.Interval < TimeSpan.Zero || (rotation.Interval > TimeSpan.Zero && rotation.Interval < TimeSpan.FromDays(1))
            || rotation.PrePublish < TimeSpan.Zero || (rotation.Interval > TimeSpan.Zero && rotation.PrePublish >= rotation.Interval))
        {
            failures.Add("JwtAuthKit:SigningKeyRotation:Interval must be 0 (rotate on demand only) or at least 1 day, and PrePublish at least 0 and shorter than Interval.");
        }

        var cleanup = options.Cleanup;
        if (cleanup.BatchSize is < 1 or > 100_000 || cleanup.SentEmailRetention < TimeSpan.FromHours(1))
        {
            failures.Add("JwtAuthKit:Cleanup:BatchSize must be between 1 and 100000, and SentEmailRetention at least 1 hour (the per-address mail cap counts the last hour).");
        }

        if (options.ValidatedTokenCacheSize is < 0 or > 10_000_000)
        {
            failures.Add("JwtAuthKit:ValidatedTokenCacheSize must be between 0 (off) and 10,000,000.");
        }

        var hashing = options.PasswordHashing;
        if (hashing.MemorySizeKiB < 8 * hashing.Parallelism || hashing.Iterations < 1 || hashing.Parallelism < 1 || hashing.MaxConcurrentHashes < 1)
        {
            failures.Add("JwtAuthKit:PasswordHashing needs Iterations, Parallelism and MaxConcurrentHashes of at least 1 and MemorySizeKiB of at least 8 × Parallelism.");
        }

        if (hashing.MaxPasswordLength is < 64 or > 4096)
        {
            failures.Add("JwtAuthKit:PasswordHashing:MaxPasswordLength must be between 64 and 4096 (NIST SP 800-63B asks to accept at least 64).");
        }

        var limits = options.RateLimits;
        if (limits.PermitLimit < 1 || limits.Window <= TimeSpan.Zero
            || new[] { limits.SignIn, limits.SignUp, limits.EmailSending, limits.Verification, limits.Mfa, limits.Refresh, limits.PasswordChange }.Any(l => l is < 1))
        {
            failures.Add("JwtAuthKit:RateLimits needs a PermitLimit (and per-kind limits, where set) of at least 1 and a positive Window.");
        }

        var tokens = options.OneTimeTokens;
        if (new[] { tokens.EmailVerificationLifetime, tokens.PasswordResetLifetime, tokens.MagicLinkLifetime, tokens.EmailOtpLifetime }.Any(t => t < TimeSpan.FromMinutes(1) || t > TimeSpan.FromDays(7))
            || tokens.EmailOtpMaxAttempts is < 1 or > 20)
        {
            failures.Add("JwtAuthKit:OneTimeTokens lifetimes must be between 1 minute and 7 days, and EmailOtpMaxAttempts between 1 and 20.");
        }

        var email = options.Email;
        if (email.MaxAttempts < 1 || email.InitialRetryDelay <= TimeSpan.Zero || email.MaxRetryDelay < email.InitialRetryDelay
            || email.PollInterval <= TimeSpan.Zero || email.PerAddressInterval < TimeSpan.Zero)
        {
            failures.Add("JwtAuthKit:Email needs MaxAttempts of at least 1, positive delays with MaxRetryDelay ≥ InitialRetryDelay, and a positive PollInterval.");
        }

        if (email.FromAddress is { } from && !Users.EmailAddress.IsValid(Users.EmailAddress.Normalize(from)))
        {
            failures.Add("JwtAuthKit:Email:FromAddress must be an email address such as no-reply@example.com.");
        }

        if (string.IsNullOrWhiteSpace(email.FromName) || email.FromName.Length > 100)
        {
            failures.Add("JwtAuthKit:Email:FromName must be 1 to 100 characters.");
        }

        for (var i = 0; i < options.Applications.Count; i++)
        {
            ValidateDeclared(options.Applications[i], i, failures);
        }

        var duplicates = options.Applications.GroupBy(a => a.Name, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key);
        failures.AddRange(duplicates.Select(d => $"JwtAuthKit:Applications declares the name '{d}' more than once."));
        if (options.Applications.Any(a => a.ClientId == PlatformApplication.ClientId || a.Name == PlatformApplication.Name))
        {
            failures.Add($"JwtAuthKit:Applications may not use the reserved client id '{PlatformApplication.ClientId}' or name '{PlatformApplication.Name}'.");
        }
        if (options.Dashboard.InvitationLifetime < TimeSpan.FromMinutes(1) || options.Dashboard.InvitationLifetime > TimeSpan.FromDays(30))
        {
            failures.Add("JwtAuthKit:Dashboard:InvitationLifetime must be between 1 minute and 30 days.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateDeclared(DeclaredApplication app, int index, List<string> failures)
    {
        var prefix = $"JwtAuthKit:Applications:{index}";
        if (string.IsNullOrWhiteSpace(app.Name) || app.Name.Length > 100)
        {
            failures.Add($"{prefix}:Name is required (at most 100 characters).");
        }

        if (app.ClientId is { } clientId && (clientId.Length is < 3 or > 100 || clientId.Any(char.IsWhiteSpace)))
        {
            failures.Add($"{prefix}:ClientId must be 3 to 100 characters without spaces.");
        }

        if (app.PublishableKey is { } pk && !ApiKeyFactory.HasKeyShape(pk, ApiKeyKind.Publishable))
        {
            failures.Add($"{prefix}:PublishableKey must start with pk_ and be 20 to 200 URL-safe characters.");
        }

        if (app.SecretKey is { } sk && !ApiKeyFactory.HasKeyShape(sk, ApiKeyKind.Secret))
        {
            failures.Add($"{prefix}:SecretKey must start with sk_ and be 20 to 200 URL-safe characters.");
        }

        foreach (var (field, messages) in ApplicationSettingsValidator.Validate(app.Settings))
        {
            failures.Add($"{prefix}:Settings ({field}) {string.Join("; ", messages)}.");
        }
    }
}
