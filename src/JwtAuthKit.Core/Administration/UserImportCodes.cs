namespace JwtAuthKit.Administration;

/// <summary>
/// The codes of refused import rows beyond the contract's own (<c>invalid_email</c>, <c>validation_failed</c>,
/// <c>forbidden</c>). Stable: scripts branch on them.
/// </summary>
public static class UserImportCodes
{
    /// <summary>A role the row names is neither built in nor a role of the application.</summary>
    public const string UnknownRole = "unknown_role";

    /// <summary>The password hash is in no format JwtAuthKit can verify (see docs/migrating.md for the formats).</summary>
    public const string UnsupportedPasswordHash = "unsupported_password_hash";

    /// <summary>An earlier row of the same input has the same (normalized) email.</summary>
    public const string DuplicateRow = "duplicate_row";
}
