namespace JwtAuthKit.Sessions;

/// <summary>The <c>amr</c> values (RFC 8176) JwtAuthKit puts in access tokens.</summary>
public static class AuthenticationMethods
{
    /// <summary>Password.</summary>
    public const string Password = "pwd";

    /// <summary>A one-time code sent by email.</summary>
    public const string OneTimePassword = "otp";

    /// <summary>A one-time link sent by email.</summary>
    public const string MagicLink = "email";

    /// <summary>A second factor (a TOTP code or a recovery code).</summary>
    public const string MultiFactor = "mfa";

    /// <summary>A recovery code (with <see cref="MultiFactor"/>).</summary>
    public const string RecoveryCode = "rc";
}
