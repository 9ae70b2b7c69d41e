namespace JwtAuthKit.Passwords;

/// <summary>The outcome of a password verification.</summary>
public enum PasswordVerificationResult
{
    /// <summary>The password does not match (or the hash is unreadable).</summary>
    Failed = 0,

    /// <summary>The password matches.</summary>
    Success = 1,

    /// <summary>The password matches, but the hash uses old parameters and should be replaced.</summary>
    SuccessRehashNeeded = 2,
}
