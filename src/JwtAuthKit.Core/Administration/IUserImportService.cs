namespace JwtAuthKit.Administration;

/// <summary>
/// Bulk import and export of an application's users, for moving accounts from another system (ASP.NET Core Identity,
/// Django, Auth0, Supabase; docs/migrating.md). The HTTP API, the host's <c>users import</c>/<c>users export</c> commands
/// and any dashboard call this, so they apply the same rules and write the same audit events.
/// </summary>
public interface IUserImportService
{
    /// <summary>
    /// Creates the users of <paramref name="rows"/> that do not exist yet, in batches of one transaction each. A row whose
    /// address already has an account changes nothing and counts as unchanged, so importing the same input twice is
    /// harmless. A row with an invalid email, an unknown role, roles granting more than the actor holds, a password hash
    /// in no supported format, or the address of an earlier row, is refused and writes nothing. One audit event records
    /// the counts.
    /// </summary>
    /// <param name="actor">Who imports; needs the permissions of the roles given.</param>
    /// <param name="rows">The rows, read as they are needed (a file of 100,000 rows is never held at once).</param>
    /// <param name="progress">Told the number of rows handled so far after each batch, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the import between batches; batches already saved stay.</param>
    /// <returns>The counts and the refused rows.</returns>
    Task<UserImportResult> ImportAsync(AdminActor actor, IAsyncEnumerable<ImportedUser> rows, IProgress<int>? progress, CancellationToken cancellationToken);

    /// <summary>
    /// The application's users as import rows, oldest first, read page by page. Password hashes are included only when
    /// asked and only for a secret key or the system (a command run by whoever runs the deployment); others get
    /// <c>forbidden</c>. The export is audited.
    /// </summary>
    /// <param name="actor">Who exports.</param>
    /// <param name="includePasswordHashes">Whether to include each user's password hash.</param>
    /// <param name="cancellationToken">Cancels the export.</param>
    /// <returns>The rows, or <c>forbidden</c>.</returns>
    Task<Result<IAsyncEnumerable<ImportedUser>>> ExportAsync(AdminActor actor, bool includePasswordHashes, CancellationToken cancellationToken);
}
