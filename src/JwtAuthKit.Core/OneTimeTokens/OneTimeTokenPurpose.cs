namespace JwtAuthKit.OneTimeTokens;

/// <summary>What a one-time token or code proves.</summary>
public static class OneTimeTokenPurpose
{
    /// <summary>Ownership of the email address.</summary>
    public const string VerifyEmail = "verify_email";

    /// <summary>The right to choose a new password.</summary>
    public const string PasswordReset = "password_reset";

    /// <summary>Sign-in by link.</summary>
    public const string MagicLink = "magic_link";

    /// <summary>Sign-in by emailed code.</summary>
    public const string EmailOtp = "email_otp";
}
