using JwtAuthKit.Applications;
using JwtAuthKit.Audit;
using JwtAuthKit.Mfa;
using JwtAuthKit.Users;

namespace JwtAuthKit.Sessions;

/// <summary>
/// The one place every way of signing in ends (password, magic link, email code): a user with a second factor gets the
/// MFA step, everyone else a session. No flow starts a session on its own, so none can skip the second factor.
/// </summary>
internal sealed class SignInCompletion(
    SessionIssuer sessions,
    IMfaChallengeStore challenges,
    IUserStore users,
    SessionRevoker revoker,
    Throttling.AccountThrottle throttle,
    AuditLog audit,
    Telemetry.JwtAuthKitMetrics metrics,
    TimeProvider time)
{
    /// <summary>How long an <c>mfa_token</c> lives (API.md: 5 minutes).</summary>
    public static readonly TimeSpan ChallengeLifetime = TimeSpan.FromMinutes(5);

    /// <summary>Ends a first factor just proven by <paramref name="user"/>.</summary>
    /// <param name="application">The application.</param>
    /// <param name="user">The user, active and allowed to sign in.</param>
    /// <param name="methods">The <c>amr</c> values proven.</param>
    /// <param name="auditMethod">The method's name in audit events (<c>password</c>, <c>magic_link</c>, <c>otp</c>).</param>
    /// <param name="client">The client.</param>
    /// <param name="failuresCounted">
    /// Whether the account's throttle may hold failures for a success to reset: <see langword="false"/> only when the caller
    /// checked the throttle in this attempt and it held none. A failure counted concurrently since then is kept, which errs
    /// toward the throttle.
    /// </param>
    /// <param name="recordSignInAt">
    /// When set, the caller has not written the last login: the session's start writes it (see <see cref="StartAsync"/>).
    /// Only for a user without a second factor (one with a second factor gets a challenge, not a session); ignored otherwise.
    /// </param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<Result<SignInOutcome>> CompleteFirstFactorAsync(Application application, User user, IReadOnlyList<string> methods, string auditMethod, ClientInfo client, bool failuresCounted, DateTimeOffset? recordSignInAt, CancellationToken cancellationToken)
    {
        if (user.MfaEnabled && !methods.Contains(AuthenticationMethods.MultiFactor))
        {
            var now = time.GetUtcNow();
            var token = SecretTokens.Create(32);
            await challenges.CreateAsync(new MfaChallenge
            {
                Id = Guid.CreateVersion7(now).ToString(),
                ApplicationId = application.Id,
                UserId = user.Id,
                TokenHash = SecretTokens.Hash(token),
                AuthenticationMethods = string.Join(' ', methods),
                CreatedAt = now,
                ExpiresAt = now + ChallengeLifetime,
            }, cancellationToken);
            await audit.RecordAsync(application.Id, AuditEventTypes.MfaChallenged, user.Id, null, client, new Dictionary<string, string> { ["method"] = auditMethod }, cancellationToken);
            return SignInOutcome.SecondFactorRequired(token);
        }

        var started = await StartAsync(application, user, methods, new Dictionary<string, string> { ["method"] = auditMethod }, client, failuresCounted, recordSignInAt, cancellationToken);
        return started.Succeeded ? SignInOutcome.SignedIn(started.Value) : started.Error;
    }

    /// <summary>
    /// Starts the session once every factor the user has is proven, and records the sign-in. Only now does the
    /// account's failure count start again: a right password alone does not reset what wrong MFA codes counted.
    /// When <paramref name="failuresCounted"/> is <see langword="false"/> (the caller saw no count in this attempt) the reset,
    /// a write that would delete nothing, is skipped.
    /// When <paramref name="recordSignInAt"/> is set, the session, the audit event and the last login are written together
    /// by <see cref="ISignInWriter"/> (one transaction with the Entity Framework Core stores). The last login is written
    /// only if the user's concurrency stamp is still the one read: every write to a user gives it a new stamp, so a write
    /// that lands proves nothing changed since the read, and the re-read is skipped. When it does not land (another
    /// sign-in of the same user, say), the re-read decides as before.
    /// </summary>
    public async Task<Result<AuthResult>> StartAsync(Application application, User user, IReadOnlyList<string> methods, Dictionary<string, string> auditData, ClientInfo client, bool failuresCounted, DateTimeOffset? recordSignInAt, CancellationToken cancellationToken)
    {
        if (failuresCounted)
        {
            await throttle.ResetAsync(application.Id, user.Email, cancellationToken);
        }

        AuthResult result;
        var unchanged = false;
        var audited = false;
        if (recordSignInAt is { } signedInAt)
        {
            var signedIn = audit.Create(application.Id, AuditEventTypes.SignIn, user.Id, null, client, auditData);
            (result, unchanged) = await sessions.StartRecordingAsync(application, user, methods, client, signedIn, signedInAt, cancellationToken);
            audited = true;
        }
        else
        {
            result = await sessions.StartAsync(application, user, methods, client, cancellationToken);
        }

        // What was checked may have changed while the session was made (an address claimed, a password reset, the
        // account disabled, a factor enrolled, the roles the token carries): then the new session must not outlive the
        // revocation that came first, nor carry roles an administrator has just taken away.
        if (!unchanged)
        {
            var current = await users.FindByIdAsync(application.Id, user.Id, cancellationToken);
            if (current is null || current.PasswordHash != user.PasswordHash || current.Email != user.Email || current.EmailVerified != user.EmailVerified
                || !current.IsActive || current.MfaEnabled != user.MfaEnabled || current.RolesChangedAt != user.RolesChangedAt)
            {
                await revoker.RevokeOneAsync(application.Id, user.Id, result.SessionId, SessionRevocationReason.AddressClaimed, cancellationToken);
                await audit.RecordAsync(application.Id, AuditEventTypes.SignInFailed, user.Id, null, client,
                    new Dictionary<string, string>(auditData) { ["reason"] = "changed_concurrently" }, cancellationToken);
                return Errors.ChangedConcurrently;
            }
        }

        if (!audited)
        {
            await audit.RecordAsync(application.Id, AuditEventTypes.SignIn, user.Id, null, client, auditData, cancellationToken);
        }

        metrics.SignedIn(auditData.TryGetValue("method", out var method) ? method : "unknown");
        return result;
    }
}
