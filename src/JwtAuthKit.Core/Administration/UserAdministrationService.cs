using System.Globalization;
using JwtAuthKit.Audit;
using JwtAuthKit.OneTimeTokens;
using JwtAuthKit.Passwords;
using JwtAuthKit.Roles;
using JwtAuthKit.Sessions;
using JwtAuthKit.Users;

namespace JwtAuthKit.Administration;

internal sealed class UserAdministrationService(
    IUserStore users,
    PermissionResolver permissions,
    IPasswordHasher hasher,
    PasswordPolicy policy,
    SessionRevoker revoker,
    Tokens.StaleTokenCache stale,
    PasswordResetService resets,
    Mfa.ISecondFactorStore factors,
    ISessionStore sessions,
    Platform.LastOwnerGuard owners,
    AuditLog audit,
    TimeProvider time) : IUserAdministrationService
{
    private const int MaxIdLength = 64;
    private const int MaxQueryLength = EmailAddress.MaxLength;
    private const int MaxRolesPerUser = 50;
    private const int MaxRoleNameLength = 64;

    public Task<Page<User>> SearchAsync(AdminActor actor, string? query, PageRequest page, CancellationToken cancellationToken) =>
        users.SearchAsync(actor.Application.Id, query is { Length: > MaxQueryLength } ? query[..MaxQueryLength] : query, page, cancellationToken);

    public async Task<Result<User>> GetAsync(AdminActor actor, string userId, CancellationToken cancellationToken) =>
        userId.Length <= MaxIdLength && await users.FindByIdAsync(actor.Application.Id, userId, cancellationToken) is { } user ? user : Errors.UserNotFound;

    public async Task<Result<User>> CreateAsync(AdminActor actor, NewUser input, CancellationToken cancellationToken)
    {
        var settings = actor.Application.Settings;
        var normalized = EmailAddress.Normalize(input.Email ?? "");
        if (!EmailAddress.IsValid(normalized))
        {
            return Errors.InvalidEmail;
        }

        if (input.Name is { Length: > User.MaxNameLength })
        {
            return Errors.NameTooLong(User.MaxNameLength);
        }

        if (input.Password is not null && policy.Check(input.Password, settings, normalized) is { } weak)
        {
            return weak;
        }

        var chosenRoles = input.Roles ?? [settings.DefaultRole];
        if (await CheckRolesAsync(actor, chosenRoles, cancellationToken) is { } refused)
        {
            return refused;
        }

        var now = time.GetUtcNow();
        var user = new User
        {
            Id = Guid.CreateVersion7(now).ToString(),
            ApplicationId = actor.Application.Id,
            Email = normalized,
            Name = User.CleanName(input.Name),
            PasswordHash = input.Password is null ? null : await hasher.HashAsync(input.Password, cancellationToken),
            EmailVerified = input.EmailVerified,
            Roles = [.. chosenRoles.Distinct(StringComparer.Ordinal)],
            CreatedAt = now,
            UpdatedAt = now,
        };
        if (!await users.CreateAsync(user, cancellationToken))
        {
            return Errors.EmailTaken;
        }

        await RecordAsync(actor, AuditEventTypes.UserCreated, user.Id, null, cancellationToken);
        return user;
    }

    public async Task<Result<User>> UpdateAsync(AdminActor actor, string userId, UserChanges changes, CancellationToken cancellationToken)
    {
        if (changes.Name is { Length: > User.MaxNameLength })
        {
            return Errors.NameTooLong(User.MaxNameLength);
        }

        var found = await GetManageableAsync(actor, userId, cancellationToken);
        if (!found.Succeeded)
        {
            return found;
        }

        var user = found.Value;
        if (changes.IsActive == false && user.IsActive && await owners.CheckAsync(actor.Application, user.Id, cancellationToken) is { } lastOwner)
        {
            return lastOwner;
        }

        var fields = new List<string>();
        if (changes.HasName)
        {
            user.Name = User.CleanName(changes.Name);
            fields.Add("name");
        }

        if (changes.IsActive is { } active)
        {
            user.IsActive = active;
            fields.Add("is_active");
        }

        if (changes.EmailVerified is { } verified)
        {
            user.EmailVerified = verified;
            fields.Add("email_verified");
        }

        // Disabling ends every session at once (ASVS 3.3): first, so no window exists where a disabled user acts.
        if (changes.IsActive == false)
        {
            await revoker.RevokeAllAsync(actor.Application.Id, user.Id, null, SessionRevocationReason.AccountDisabled, cancellationToken);
        }

        user.UpdatedAt = time.GetUtcNow();
        if (!await users.UpdateAsync(user, cancellationToken))
        {
            return Errors.ChangedConcurrently;
        }

        await RecordAsync(actor, AuditEventTypes.UserUpdated, user.Id, new Dictionary<string, string> { ["fields"] = string.Join(',', fields) }, cancellationToken);
        return user;
    }

    public async Task<Result<bool>> DeleteAsync(AdminActor actor, string userId, CancellationToken cancellationToken)
    {
        var found = await GetManageableAsync(actor, userId, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Error;
        }

        if (await owners.CheckAsync(actor.Application, userId, cancellationToken) is { } lastOwner)
        {
            return lastOwner;
        }

        await revoker.RevokeAllAsync(actor.Application.Id, userId, null, SessionRevocationReason.AccountDisabled, cancellationToken);
        if (!await users.DeleteAsync(actor.Application.Id, userId, cancellationToken))
        {
            return Errors.UserNotFound;
        }

        await RecordAsync(actor, AuditEventTypes.UserDeleted, userId, new Dictionary<string, string> { ["email"] = found.Value.Email }, cancellationToken);
        return true;
    }

    public async Task<Result<IReadOnlyList<Session>>> ListSessionsAsync(AdminActor actor, string userId, CancellationToken cancellationToken)
    {
        var found = await GetAsync(actor, userId, cancellationToken);
        return found.Succeeded
            ? Result<IReadOnlyList<Session>>.Success(await sessions.ListActiveAsync(actor.Application.Id, found.Value.Id, time.GetUtcNow(), cancellationToken))
            : found.Error;
    }

    public async Task<Result<User>> SetRolesAsync(AdminActor actor, string userId, IList<string>? roleNames, CancellationToken cancellationToken)
    {
        if (roleNames is null)
        {
            return JwtAuthKitErrors.Validation("roles", "is required");
        }

        if (await CheckRolesAsync(actor, roleNames, cancellationToken) is { } refused)
        {
            return refused;
        }

        var found = await GetManageableAsync(actor, userId, cancellationToken);
        if (!found.Succeeded)
        {
            return found;
        }

        var user = found.Value;
        var before = string.Join(',', user.Roles);
        var changed = !user.Roles.SequenceEqual(roleNames.Distinct(StringComparer.Ordinal), StringComparer.Ordinal);
        user.Roles = [.. roleNames.Distinct(StringComparer.Ordinal)];
        user.UpdatedAt = time.GetUtcNow();
        if (changed)
        {
            user.RolesChangedAt = user.UpdatedAt; // Provisional: replaced by a time taken after the commit, below.
        }

        if (!await users.UpdateAsync(user, cancellationToken))
        {
            return Errors.ChangedConcurrently;
        }

        // Roles travel in access tokens: tokens issued before the change are refused as token_stale, at once here and
        // within the poll interval on other nodes, and the client's refresh brings the new roles. The time recorded is
        // taken after the commit, so a token made from a copy of the user read before the commit counts as older.
        if (changed)
        {
            user.RolesChangedAt = Tokens.RoleChangeTime.AfterCommit(time);
            await users.MarkRolesChangedAsync(user.ApplicationId, [user.Id], user.RolesChangedAt.Value, cancellationToken);
            stale.Add(user.Id, user.RolesChangedAt.Value);
        }

        await RecordAsync(actor, AuditEventTypes.RolesChanged, user.Id, new Dictionary<string, string> { ["before"] = before, ["after"] = string.Join(',', user.Roles) }, cancellationToken);
        return user;
    }

    public async Task<Result<bool>> SendPasswordResetAsync(AdminActor actor, string userId, CancellationToken cancellationToken)
    {
        var found = await GetManageableAsync(actor, userId, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Error;
        }

        await resets.SendAsync(actor.Application, found.Value, cancellationToken);
        await RecordAsync(actor, AuditEventTypes.PasswordResetSent, userId, null, cancellationToken);
        return true;
    }

    public async Task<Result<bool>> RevokeSessionsAsync(AdminActor actor, string userId, CancellationToken cancellationToken)
    {
        var found = await GetManageableAsync(actor, userId, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Error;
        }

        var ended = await revoker.RevokeAllAsync(actor.Application.Id, userId, null, SessionRevocationReason.EndedByAdministrator, cancellationToken);
        await RecordAsync(actor, AuditEventTypes.SessionsRevoked, userId, new Dictionary<string, string> { ["sessions"] = ended.Count.ToString(CultureInfo.InvariantCulture) }, cancellationToken);
        return true;
    }

    public async Task<Result<bool>> RemoveMfaAsync(AdminActor actor, string userId, CancellationToken cancellationToken)
    {
        var found = await GetManageableAsync(actor, userId, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Error;
        }

        var removed = await factors.RemoveAsync(actor.Application.Id, userId, cancellationToken);
        await RecordAsync(actor, AuditEventTypes.MfaRemoved, userId, new Dictionary<string, string> { ["had_mfa"] = removed ? "true" : "false" }, cancellationToken);
        return true;
    }

    /// <summary>A user the caller may change: one whose roles grant nothing the caller lacks (no acting on a stronger admin).</summary>
    private async Task<Result<User>> GetManageableAsync(AdminActor actor, string userId, CancellationToken cancellationToken)
    {
        var found = await GetAsync(actor, userId, cancellationToken);
        return found.Succeeded && !actor.Covers(await permissions.ResolveAsync(actor.Application.Id, found.Value.Roles, cancellationToken))
            ? Errors.UserBeyondOwnPermissions
            : found;
    }

    /// <summary>Refuses unknown roles (checked against the cached role list) and roles that grant what the caller lacks.</summary>
    private async Task<JwtAuthKitError?> CheckRolesAsync(AdminActor actor, IList<string> roleNames, CancellationToken cancellationToken)
    {
        if (roleNames.Count > MaxRolesPerUser)
        {
            return JwtAuthKitErrors.Validation("roles", $"at most {MaxRolesPerUser} roles");
        }

        if (roleNames.Any(n => string.IsNullOrEmpty(n) || n.Length > MaxRoleNameLength))
        {
            return UnknownRole(roleNames.First(n => string.IsNullOrEmpty(n) || n.Length > MaxRoleNameLength));
        }

        if (await permissions.FindUnknownAsync(actor.Application.Id, roleNames, cancellationToken) is [var unknown, ..])
        {
            return UnknownRole(unknown);
        }

        return actor.Covers(await permissions.ResolveAsync(actor.Application.Id, roleNames, cancellationToken)) ? null : Errors.GrantBeyondOwnPermissions;
    }

    private static JwtAuthKitError UnknownRole(string? name) =>
        JwtAuthKitErrors.Validation("roles", $"unknown role '{(name ?? "").Replace("'", "", StringComparison.Ordinal)}'");

    private Task RecordAsync(AdminActor actor, string type, string userId, IDictionary<string, string>? data, CancellationToken cancellationToken) =>
        audit.RecordAsync(actor.Application.Id, type, userId, actor.AuditName, actor.Client, data, cancellationToken);
}
