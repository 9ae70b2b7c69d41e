using System.Globalization;
using System.Runtime.CompilerServices;
using JwtAuthKit.Audit;
using JwtAuthKit.Passwords;
using JwtAuthKit.Passwords.Foreign;
using JwtAuthKit.Roles;
using JwtAuthKit.Users;

namespace JwtAuthKit.Administration;

internal sealed class UserImportService(
    IUserStore users,
    PermissionResolver permissions,
    ForeignPasswordHashes foreignHashes,
    AuditLog audit,
    TimeProvider time) : IUserImportService
{
    /// <summary>Rows per transaction: large enough that 100,000 users take a few hundred commits, small enough to keep each short.</summary>
    internal const int BatchSize = 1000;

    private const int MaxRolesPerUser = 50;
    private const int MaxRoleNameLength = 64;
    private const int MaxExternalIdLength = 255;

    public async Task<UserImportResult> ImportAsync(AdminActor actor, IAsyncEnumerable<ImportedUser> rows, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        var refused = new List<RefusedImportRow>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var batch = new List<User>(BatchSize);
        int index = 0, created = 0, unchanged = 0;
        var now = time.GetUtcNow();

        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            var checkedRow = await CheckAsync(actor, row, now, cancellationToken);
            if (checkedRow.Error is null && checkedRow.User is { } user)
            {
                if (seen.TryGetValue(user.Email, out var first))
                {
                    refused.Add(Refuse(index, row, Errors.ImportDuplicateRow(first)));
                }
                else
                {
                    seen[user.Email] = index;
                    batch.Add(user);
                }
            }
            else
            {
                refused.Add(Refuse(index, row, checkedRow.Error!));
            }

            index++;
            if (batch.Count == BatchSize)
            {
                (created, unchanged) = await SaveAsync(actor, batch, created, unchanged, cancellationToken);
                progress?.Report(index);
            }
        }

        if (batch.Count > 0)
        {
            (created, unchanged) = await SaveAsync(actor, batch, created, unchanged, cancellationToken);
        }

        progress?.Report(index);
        await audit.RecordAsync(actor.Application.Id, AuditEventTypes.UsersImported, null, actor.AuditName, actor.Client, new Dictionary<string, string>
        {
            ["created"] = created.ToString(CultureInfo.InvariantCulture),
            ["unchanged"] = unchanged.ToString(CultureInfo.InvariantCulture),
            ["refused"] = refused.Count.ToString(CultureInfo.InvariantCulture),
        }, cancellationToken);
        return new UserImportResult(created, unchanged, refused);
    }

    public async Task<Result<IAsyncEnumerable<ImportedUser>>> ExportAsync(AdminActor actor, bool includePasswordHashes, CancellationToken cancellationToken)
    {
        if (includePasswordHashes && !actor.MayReadPasswordHashes)
        {
            return Errors.PasswordHashesNeedSecretKey;
        }

        await audit.RecordAsync(actor.Application.Id, AuditEventTypes.UsersExported, null, actor.AuditName, actor.Client, new Dictionary<string, string>
        {
            ["password_hashes"] = includePasswordHashes ? "true" : "false",
        }, cancellationToken);
        return Result<IAsyncEnumerable<ImportedUser>>.Success(Export(actor.Application.Id, includePasswordHashes, cancellationToken));
    }

    private async IAsyncEnumerable<ImportedUser> Export(string applicationId, bool includePasswordHashes, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var user in users.ListAllAsync(applicationId, cancellationToken))
        {
            yield return new ImportedUser(user.Email, user.EmailVerified, user.Name, [.. user.Roles], user.CreatedAt, user.ExternalId,
                includePasswordHashes ? user.PasswordHash : null);
        }
    }

    private async Task<(int Created, int Unchanged)> SaveAsync(AdminActor actor, List<User> batch, int created, int unchanged, CancellationToken cancellationToken)
    {
        var existing = await users.CreateManyAsync(actor.Application.Id, batch, cancellationToken);
        var result = (created + batch.Count - existing.Count, unchanged + existing.Count);
        batch.Clear();
        return result;
    }

    private async Task<(User? User, JwtAuthKitError? Error)> CheckAsync(AdminActor actor, ImportedUser row, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (row.ReadError is { } readError)
        {
            return (null, Errors.ImportRowUnreadable(readError));
        }

        if (string.IsNullOrWhiteSpace(row.Email))
        {
            return (null, Errors.ImportEmailMissing);
        }

        var email = EmailAddress.Normalize(row.Email);
        if (!EmailAddress.IsValid(email))
        {
            return (null, Errors.InvalidEmail);
        }

        if (row.Name is { Length: > User.MaxNameLength })
        {
            return (null, Errors.ImportFieldTooLong("name", User.MaxNameLength));
        }

        if (row.ExternalId is { Length: > MaxExternalIdLength })
        {
            return (null, Errors.ImportFieldTooLong("external_id", MaxExternalIdLength));
        }

        if (row.CreatedAt > now)
        {
            return (null, Errors.ImportCreatedInFuture);
        }

        var hash = string.IsNullOrEmpty(row.PasswordHash) ? null : row.PasswordHash.Trim();
        if (hash is not null && !Argon2idHash.TryParse(hash, out _) && foreignHashes.Find(hash) is null)
        {
            return (null, Errors.ImportUnsupportedHash);
        }

        var roles = row.Roles is null ? [actor.Application.Settings.DefaultRole] : row.Roles.Distinct(StringComparer.Ordinal).ToList();
        if (roles.Count > MaxRolesPerUser)
        {
            return (null, Errors.ImportTooManyRoles(MaxRolesPerUser));
        }

        var badName = roles.FindIndex(n => string.IsNullOrEmpty(n) || n.Length > MaxRoleNameLength);
        if (badName >= 0)
        {
            return (null, Errors.ImportUnknownRole(roles[badName] ?? ""));
        }

        if (await permissions.FindUnknownAsync(actor.Application.Id, roles, cancellationToken) is [var unknown, ..])
        {
            return (null, Errors.ImportUnknownRole(unknown));
        }

        if (!actor.Covers(await permissions.ResolveAsync(actor.Application.Id, roles, cancellationToken)))
        {
            return (null, Errors.GrantBeyondOwnPermissions);
        }

        var createdAt = row.CreatedAt?.ToUniversalTime() ?? now;
        return (new User
        {
            Id = Guid.CreateVersion7(createdAt).ToString(),
            ApplicationId = actor.Application.Id,
            Email = email,
            Name = User.CleanName(row.Name),
            PasswordHash = hash,
            EmailVerified = row.EmailVerified ?? false,
            Roles = roles,
            ExternalId = row.ExternalId,
            CreatedAt = createdAt,
            UpdatedAt = now,
        }, null);
    }

    private static RefusedImportRow Refuse(int index, ImportedUser row, JwtAuthKitError error) =>
        new(index, row.Email is { Length: > 320 } e ? e[..320] : row.Email, error.Code, error.Message);
}
