using JwtAuthKit.Applications;
using JwtAuthKit.Sessions;
using JwtAuthKit.Users;
using Microsoft.Extensions.Logging;

namespace JwtAuthKit.Passwords;

/// <summary>
/// Signs a user in with email and password. An unknown email and a wrong password give the same error after the
/// same hashing work; account state (disabled, unverified) is revealed only after a correct password.
/// </summary>
internal sealed partial class PasswordSignInService(
    IUserStore users,
    IPasswordHasher hasher,
    DummyPasswordHash dummy,
    SignInCompletion completion,
    Audit.AuditLog audit,
    Throttling.AccountThrottle throttle,
    TimeProvider time,
    Telemetry.JwtAuthKitMetrics metrics,
    ILogger<PasswordSignInService> logger) : IPasswordSignInService
{
    public async Task<Result<SignInOutcome>> SignInAsync(Application application, string? email, string? password, ClientInfo client, CancellationToken cancellationToken)
    {
        using var activity = metrics.ActivitySource.StartActivity("jwtauthkit.sign_in");
        activity?.SetTag("jwtauthkit.application_id", application.Id);
        activity?.SetTag("jwtauthkit.method", "password");
        var result = await SignInCoreAsync(application, email, password, client, cancellationToken);
        if (!result.Succeeded)
        {
            // The reason is the stable error code: never the address tried.
            metrics.SignInFailed("password", result.Error.Code);
            activity?.SetTag("jwtauthkit.outcome", result.Error.Code);
            activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, result.Error.Code);
        }
        else
        {
            activity?.SetTag("jwtauthkit.outcome", result.Value.MfaRequired ? "mfa_required" : "signed_in");
        }

        return result;
    }

    private async Task<Result<SignInOutcome>> SignInCoreAsync(Application application, string? email, string? password, ClientInfo client, CancellationToken cancellationToken)
    {
        if (!application.Settings.PasswordEnabled)
        {
            return Errors.PasswordSignInDisabled;
        }

        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password))
        {
            return Errors.CredentialsRequired(string.IsNullOrWhiteSpace(email) ? "email" : "password");
        }

        var normalized = EmailAddress.Normalize(email);

        // The throttle's count and the user are read at the same time (two round trips in the time of one); reading the
        // user checks nothing. While the account is throttled the password is not even checked (NIST SP 800-63B §5.2.2).
        var (throttled, user) = await ReadAsync(application.Id, normalized, cancellationToken);
        if (throttled.RetryAfter is { } wait)
        {
            return Errors.AccountThrottled(wait);
        }

        if (user?.PasswordHash is null)
        {
            await dummy.SpendVerificationAsync(password, cancellationToken);
            LogFailed(logger, application.Id, "unknown account");
            await throttle.RecordFailureAsync(application.Id, normalized, cancellationToken);
            await Failed(application, null, "unknown_account", client, cancellationToken);
            return Errors.InvalidCredentials;
        }

        var verification = await hasher.VerifyAsync(user.PasswordHash, password, cancellationToken);
        if (verification == PasswordVerificationResult.Failed)
        {
            LogFailed(logger, application.Id, "wrong password");
            await throttle.RecordFailureAsync(application.Id, normalized, cancellationToken);
            await Failed(application, user.Id, "wrong_password", client, cancellationToken);
            return Errors.InvalidCredentials;
        }

        if (!user.IsActive)
        {
            await Failed(application, user.Id, "account_disabled", client, cancellationToken);
            return Errors.AccountDisabled;
        }

        if (application.Settings.RequireEmailVerification && !user.EmailVerified)
        {
            await Failed(application, user.Id, "email_not_verified", client, cancellationToken);
            return Errors.EmailNotVerified;
        }

        var verifiedHash = user.PasswordHash;
        var now = time.GetUtcNow();
        bool saved;
        DateTimeOffset? recordWithSession = null;
        if (verification == PasswordVerificationResult.SuccessRehashNeeded)
        {
            user.PasswordHash = await hasher.HashAsync(password, cancellationToken);
            user.LastLoginAt = now;
            user.UpdatedAt = now;
            saved = await users.UpdateAsync(user, cancellationToken);
        }
        else if (!user.MfaEnabled)
        {
            // A session follows at once: its completion writes the last login after the session's insert, and that
            // conditional write is also its check that nothing changed since this read (one statement, not two).
            saved = true;
            recordWithSession = now;
        }
        else
        {
            saved = await users.RecordSignInAsync(user, now, cancellationToken); // only the sign-in's columns
        }

        if (!saved)
        {
            // The account changed while the password was checked. If the password itself changed (or the account
            // was disabled), the password just verified is stale: refuse, so no session outlives a password change.
            LogConcurrentUpdate(logger, user.Id);
            var current = await users.FindByIdAsync(application.Id, user.Id, cancellationToken);
            if (current is null || current.PasswordHash != verifiedHash || !current.IsActive)
            {
                return Errors.InvalidCredentials;
            }

            user = current;
        }

        return await completion.CompleteFirstFactorAsync(application, user, [AuthenticationMethods.Password], "password", client, throttled.FailuresCounted, recordWithSession, cancellationToken);
    }

    private async Task<(Throttling.AccountThrottleState Throttle, User? User)> ReadAsync(string applicationId, string normalized, CancellationToken cancellationToken)
    {
        var findUser = normalized.Length <= EmailAddress.MaxLength ? users.FindByEmailAsync(applicationId, normalized, cancellationToken) : Task.FromResult<User?>(null);
        Throttling.AccountThrottleState throttled;
        try
        {
            throttled = await throttle.CheckAsync(applicationId, normalized, cancellationToken);
        }
        finally
        {
            // Never leave the user's read running, whatever the throttle's read did; when both failed, the throttle's
            // error is the one thrown and the user read's is observed here.
            await ((Task)findUser).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            _ = findUser.Exception;
        }

        return (throttled, await findUser);
    }

    private Task Failed(Application application, string? userId, string reason, ClientInfo client, CancellationToken cancellationToken) =>
        audit.RecordAsync(application.Id, Audit.AuditEventTypes.SignInFailed, userId, userId is null ? Audit.AuditLog.System : null, client,
            new Dictionary<string, string> { ["method"] = "password", ["reason"] = reason }, cancellationToken);

    [LoggerMessage(EventId = 1401, Level = LogLevel.Information, Message = "Password sign-in failed for application {ApplicationId}: {Reason}.")]
    private static partial void LogFailed(ILogger logger, string applicationId, string reason);

    [LoggerMessage(EventId = 1402, Level = LogLevel.Debug, Message = "User {UserId} changed during sign-in; last-login time not saved.")]
    private static partial void LogConcurrentUpdate(ILogger logger, string userId);
}
