namespace JwtAuthKit.Administration;

/// <summary>
/// One user row of an import (<c>POST /api/admin/users/import</c>, <c>users import</c>), and of an export: the same shape
/// goes both ways.
/// </summary>
/// <param name="Email">The address; accounts are matched by it (normalized) within the application.</param>
/// <param name="EmailVerified">Whether the source system had verified it; <see langword="false"/> when <see langword="null"/>.</param>
/// <param name="Name">A display name.</param>
/// <param name="Roles">Role names, built in or of the application; the default role when <see langword="null"/>.</param>
/// <param name="CreatedAt">When the user signed up in the source system; the import time when <see langword="null"/>.</param>
/// <param name="ExternalId">The source system's id of the user (at most 255 characters), kept with the user and exported again.</param>
/// <param name="PasswordHash">The source system's password hash in its own format, or <see langword="null"/> for none.</param>
public sealed record ImportedUser(
    string? Email,
    bool? EmailVerified = null,
    string? Name = null,
    IList<string>? Roles = null,
    DateTimeOffset? CreatedAt = null,
    string? ExternalId = null,
    string? PasswordHash = null)
{
    /// <summary>
    /// Set by a reader that could not read the row (malformed JSON line, wrong type of a field): the row is refused with
    /// <c>validation_failed</c> and this text.
    /// </summary>
    public string? ReadError { get; init; }
}
