namespace JwtAuthKit.Email;

/// <summary>The kinds of email JwtAuthKit sends; also the keys of per-application template overrides.</summary>
public static class EmailKind
{
    /// <summary>Proves the address: a link with a verification token.</summary>
    public const string VerifyEmail = "verify_email";

    /// <summary>A link to choose a new password.</summary>
    public const string PasswordReset = "password_reset";

    /// <summary>A link that signs the user in.</summary>
    public const string MagicLink = "magic_link";

    /// <summary>A six-digit sign-in code.</summary>
    public const string EmailOtp = "email_otp";

    /// <summary>A notice that the password was changed or reset.</summary>
    public const string PasswordChanged = "password_changed";

    /// <summary>A notice to an account's owner that someone tried to sign up with the address (enumeration-safe sign-up).</summary>
    public const string AccountExists = "account_exists";

    /// <summary>
    /// An invitation to an application's dashboard (a link to accept it). Dashboard mail: not among <see cref="All"/>, the
    /// kinds an application may override.
    /// </summary>
    public const string Invitation = "invitation";

    /// <summary>Every kind an application may give its own template.</summary>
    public static IReadOnlyList<string> All { get; } = [VerifyEmail, PasswordReset, MagicLink, EmailOtp, PasswordChanged, AccountExists];
}
