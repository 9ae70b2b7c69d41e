namespace JwtAuthKit.Sessions;

/// <summary>Why a session was ended, as stored in <see cref="Session.RevokedReason"/>.</summary>
public static class SessionRevocationReason
{
    /// <summary>The user signed out.</summary>
    public const string Logout = "logout";

    /// <summary>A rotated refresh token was replayed (RFC 9700 §4.14.2).</summary>
    public const string RefreshTokenReuse = "refresh_token_reused";

    /// <summary>The password was changed or reset.</summary>
    public const string PasswordChanged = "password_changed";

    /// <summary>The user ended it from another session.</summary>
    public const string EndedByUser = "ended_by_user";

    /// <summary>An administrator ended the user's sessions.</summary>
    public const string EndedByAdministrator = "ended_by_administrator";

    /// <summary>The account was disabled or deleted.</summary>
    public const string AccountDisabled = "account_disabled";

    /// <summary>The user turned a second factor on; sessions signed in without it ended.</summary>
    public const string MfaEnabled = "mfa_enabled";

    /// <summary>Someone proved the unverified address of the account; what was set before the proof ended.</summary>
    public const string AddressClaimed = "address_claimed";
}
