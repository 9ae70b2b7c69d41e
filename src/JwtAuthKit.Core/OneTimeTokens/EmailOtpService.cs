using JwtAuthKit.Applications;
using JwtAuthKit.Passwords;
using JwtAuthKit.Sessions;
using JwtAuthKit.Users;
using Microsoft.Extensions.Options;

namespace JwtAuthKit.OneTimeTokens;

internal sealed class EmailOtpService(
    IUserStore users,
    IOneTimeTokenStore tokens,
    IPasswordHasher hasher,
    DummyPasswordHash dummy,
    OneTimeTokenSender sender,
    AddressRequestQueue queue,
    PasswordlessSignIn signIn,
    Throttling.AccountThrottle throttle,
    IOptions<JwtAuthKitOptions> options,
    TimeProvider time,
    Telemetry.JwtAuthKitMetrics metrics) : IEmailOtpService
{
    public async Task<Result<bool>> RequestAsync(Application application, string? email, CancellationToken cancellationToken)
    {
        if (!application.Settings.EmailOtpEnabled)
        {
            return Disabled();
        }

        var normalized = EmailAddress.Normalize(email ?? "");
        if (!EmailAddress.IsValid(normalized))
        {
            return Errors.InvalidEmail;
        }

        await queue.RunAfterAnswerAsync(normalized, work => DeliverAsync(application, normalized, work), cancellationToken);
        return true;
    }

    /// <summary>The per-address part of a code request, run after the caller was answered.</summary>
    private async Task DeliverAsync(Application application, string normalized, CancellationToken cancellationToken)
    {
        var user = await users.FindByEmailAsync(application.Id, normalized, cancellationToken);
        if ((user is null && application.Settings.SignupEnabled) || user is { IsActive: true })
        {
            await sender.SendCodeAsync(application, normalized, user?.Id, cancellationToken);
        }
        else
        {
            await sender.RehearseCodeAsync(application, normalized, cancellationToken); // Same work: no enumeration by timing.
        }
    }

    public async Task<Result<SignInOutcome>> VerifyAsync(Application application, string? email, string? code, ClientInfo client, CancellationToken cancellationToken) =>
        metrics.CountFailure("otp", await VerifyCoreAsync(application, email, code, client, cancellationToken));

    private async Task<Result<SignInOutcome>> VerifyCoreAsync(Application application, string? email, string? code, ClientInfo client, CancellationToken cancellationToken)
    {
        if (!application.Settings.EmailOtpEnabled)
        {
            return Disabled();
        }

        var normalized = EmailAddress.Normalize(email ?? "");
        if (code is not { Length: 6 } || !code.All(char.IsAsciiDigit) || normalized.Length > EmailAddress.MaxLength)
        {
            return OneTimeTokenRedeemer.Invalid();
        }

        if (await throttle.GetRetryAfterAsync(application.Id, normalized, cancellationToken) is { } wait)
        {
            return Errors.AccountThrottled(wait);
        }

        // Only a caller who got one of the code's attempts compares it, so a burst of guesses gets the budget, no more.
        var now = time.GetUtcNow();
        var record = await tokens.FindActiveCodeAsync(application.Id, normalized, OneTimeTokenPurpose.EmailOtp, now, cancellationToken);
        if (record?.CodeHash is null || !await tokens.TryTakeAttemptAsync(record.Id, options.Value.OneTimeTokens.EmailOtpMaxAttempts, now, cancellationToken))
        {
            await dummy.SpendVerificationAsync(code, cancellationToken); // Same work whether or not a code exists.
            await throttle.RecordFailureAsync(application.Id, normalized, cancellationToken);
            return OneTimeTokenRedeemer.Invalid();
        }

        if (await hasher.VerifyAsync(record.CodeHash, code, cancellationToken) == PasswordVerificationResult.Failed)
        {
            await throttle.RecordFailureAsync(application.Id, normalized, cancellationToken);
            return OneTimeTokenRedeemer.Invalid();
        }

        if (!await tokens.TryConsumeAsync(record.Id, now, cancellationToken))
        {
            return OneTimeTokenRedeemer.Invalid();
        }

        return await signIn.SignInAsync(application, normalized, AuthenticationMethods.OneTimePassword, "otp", client, cancellationToken);
    }

    private static JwtAuthKitError Disabled() => Errors.EmailOtpDisabled;
}
