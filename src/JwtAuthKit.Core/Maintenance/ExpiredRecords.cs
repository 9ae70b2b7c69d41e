namespace JwtAuthKit.Maintenance;

/// <summary>The kinds of rows the clean-up deletes once nothing needs them (<see cref="IRetentionStore"/>).</summary>
public enum ExpiredRecords
{
    /// <summary>Sessions that ended before the cut-off, with their refresh tokens.</summary>
    Sessions,

    /// <summary>Refresh tokens that expired before the cut-off (an expired token is refused before any reuse check).</summary>
    RefreshTokens,

    /// <summary>Email verification, password reset, magic link and email code tokens that expired before the cut-off.</summary>
    OneTimeTokens,

    /// <summary>Second-factor challenges of a sign-in that expired before the cut-off.</summary>
    MfaChallenges,

    /// <summary>Dashboard invitations that expired before the cut-off.</summary>
    Invitations,

    /// <summary>Outbox messages delivered before the cut-off.</summary>
    SentEmails,

    /// <summary>Audit events recorded before the cut-off.</summary>
    AuditEvents,

    /// <summary>Sign-in attempt counters whose last failure was before the cut-off.</summary>
    AttemptCounters,
}
