using JwtAuthKit.Audit;
using JwtAuthKit.OneTimeTokens;
using JwtAuthKit.Passwords;
using JwtAuthKit.Roles;
using JwtAuthKit.Sessions;
using JwtAuthKit.Users;

namespace JwtAuthKit.Administration;

/// <summary>An application's administration of its users. Another application's user is "not found".</summary>
internal sealed class UserAdministrationService(
    IUserStore users,
    IRoleStore roles,
    PermissionResolver permissions,
    IPasswordHasher hasher,
    PasswordPolicy policy,
    SessionRevoker revoker,
    PasswordResetService resets,
    AuditLog audit,
    TimeProvider time)
{
    public Task<(IReadOnlyList<User> Items, int Total)> SearchAsync(AdminActor actor, string? query, int page, int pageSize, CancellationToken cancellationToken) =>
        users.SearchAsync(actor.Application.Id, query is { Length: > 254 } ? query[..254] : query, (page - 1) * pageSize, pageSize, cancellationToken);

    public async Task<Result<User>> GetAsync(AdminActor actor, string userId, CancellationToken cancellationToken) =>
        userId.Length <= 64 && await users.FindByIdAsync(actor.Application.Id, userId, cancellationToken) is { } user ? user : NotFound();

    public async Task<Result<User>> CreateAsync(AdminActor actor, string? email, string? password, string? name, IList<string>? roleNames, bool emailVerified, CancellationToken cancellationToken)
    {
        var settings = actor.Application.Settings;
        var normalized = EmailAddress.Normalize(email ?? "");
        if (!EmailAddress.IsValid(normalized))
        {
            return OneTimeTokens.EmailVerificationService.InvalidEmail();
        }

        if (name is { Length: > UserRegistrationService.MaxNameLength })
        {
            return JwtAuthKitErrors.Validation("name", $"must be at most {UserRegistrationService.MaxNameLength} characters");
        }

        if (password is not null && policy.Check(password, settings, normalized) is { } weak)
        {
            return weak;
        }

        var chosenRoles = roleNames ?? [settings.DefaultRole];
        if (await CheckRolesAsync(actor, chosenRoles, cancellationToken) is { } badRoles)
        {
            return badRoles;
        }

        if (await CheckGrantAsync(actor, chosenRoles, cancellationToken) is { } beyond)
        {
            return beyond;
        }

        var now = time.GetUtcNow();
        var user = new User
        {
            Id = Guid.CreateVersion7(now).ToString(),
            ApplicationId = actor.Application.Id,
            Email = normalized,
            Name = string.IsNullOrWhiteSpace(name) ? null : name.Trim(),
            PasswordHash = password is null ? null : await hasher.HashAsync(password, cancellationToken),
            EmailVerified = emailVerified,
            Roles = [.. chosenRoles.Distinct(StringComparer.Ordinal)],
            CreatedAt = now,
            UpdatedAt = now,
        };
        if (!await users.CreateAsync(user, cancellationToken))
        {
            return new JwtAuthKitError(JwtAuthKitErrors.EmailTaken, "An account with this email already exists.");
        }

        await Record(actor, AuditEventTypes.UserCreated, user.Id, null, cancellationToken);
        return user;
    }

    public async Task<Result<User>> UpdateAsync(AdminActor actor, string userId, UserChanges changes, CancellationToken cancellationToken)
    {
        if (changes.Name is { Length: > UserRegistrationService.MaxNameLength })
        {
            return JwtAuthKitErrors.Validation("name", $"must be at most {UserRegistrationService.MaxNameLength} characters");
        }

        var found = await GetManageableAsync(actor, userId, cancellationToken);
        if (!found.Succeeded)
        {
            return found;
        }

        var user = found.Value;
        var fields = new List<string>();
        if (changes.HasName)
        {
            user.Name = string.IsNullOrWhiteSpace(changes.Name) ? null : changes.Name.Trim();
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
            return Conflict();
        }

        await Record(actor, AuditEventTypes.UserUpdated, user.Id, new Dictionary<string, string> { ["fields"] = string.Join(',', fields) }, cancellationToken);
        return user;
    }

    public async Task<Result<bool>> DeleteAsync(AdminActor actor, string userId, CancellationToken cancellationToken)
    {
        var found = await GetManageableAsync(actor, userId, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Error;
        }

        await revoker.RevokeAllAsync(actor.Application.Id, userId, null, SessionRevocationReason.AccountDisabled, cancellationToken);
        if (!await users.DeleteAsync(actor.Application.Id, userId, cancellationToken))
        {
            return NotFound();
        }

        await Record(actor, AuditEventTypes.UserDeleted, userId, new Dictionary<string, string> { ["email"] = found.Value.Email }, cancellationToken);
        return true;
    }

    public async Task<Result<User>> SetRolesAsync(AdminActor actor, string userId, IList<string>? roleNames, CancellationToken cancellationToken)
    {
        if (roleNames is null)
        {
            return JwtAuthKitErrors.Validation("roles", "is required");
        }

        if (await CheckRolesAsync(actor, roleNames, cancellationToken) is { } bad)
        {
            return bad;
        }

        if (await CheckGrantAsync(actor, roleNames, cancellationToken) is { } beyond)
        {
            return beyond;
        }

        var found = await GetManageableAsync(actor, userId, cancellationToken);
        if (!found.Succeeded)
        {
            return found;
        }

        var user = found.Value;
        var before = string.Join(',', user.Roles);
        user.Roles = [.. roleNames.Distinct(StringComparer.Ordinal)];
        user.UpdatedAt = time.GetUtcNow();
        if (!await users.UpdateAsync(user, cancellationToken))
        {
            return Conflict();
        }

        // Roles travel in access tokens; tokens issued before the change keep the old roles until they expire
        // (at most the access-token lifetime). End the sessions too when that is not acceptable.
        await Record(actor, AuditEventTypes.RolesChanged, user.Id, new Dictionary<string, string> { ["before"] = before, ["after"] = string.Join(',', user.Roles) }, cancellationToken);
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
        await Record(actor, AuditEventTypes.PasswordResetSent, userId, null, cancellationToken);
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
        await Record(actor, AuditEventTypes.SessionsRevoked, userId, new Dictionary<string, string> { ["sessions"] = ended.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) }, cancellationToken);
        return true;
    }

    /// <summary>A user the caller may change: one whose roles grant nothing the caller lacks (no acting on a stronger admin).</summary>
    private async Task<Result<User>> GetManageableAsync(AdminActor actor, string userId, CancellationToken cancellationToken)
    {
        var found = await GetAsync(actor, userId, cancellationToken);
        if (found.Succeeded && !actor.Covers(await permissions.ResolveAsync(actor.Application.Id, found.Value.Roles, cancellationToken)))
        {
            return new JwtAuthKitError(JwtAuthKitErrors.Forbidden, "This user holds permissions you do not; only someone who holds them may change the user.");
        }

        return found;
    }

    /// <summary>Refuses roles that grant permissions the caller does not hold.</summary>
    private async Task<JwtAuthKitError?> CheckGrantAsync(AdminActor actor, IList<string> roleNames, CancellationToken cancellationToken) =>
        actor.Covers(await permissions.ResolveAsync(actor.Application.Id, roleNames, cancellationToken))
            ? null
            : new JwtAuthKitError(JwtAuthKitErrors.Forbidden, "You cannot give roles that grant permissions you do not hold.");

    private async Task<JwtAuthKitError?> CheckRolesAsync(AdminActor actor, IList<string> roleNames, CancellationToken cancellationToken)
    {
        if (roleNames.Count > 50)
        {
            return JwtAuthKitErrors.Validation("roles", "at most 50 roles");
        }

        foreach (var name in roleNames)
        {
            if (string.IsNullOrEmpty(name) || (!BuiltInRoles.IsBuiltIn(name) && name.Length <= 64 && await roles.FindAsync(actor.Application.Id, name, cancellationToken) is null) || name.Length > 64)
            {
                return JwtAuthKitErrors.Validation("roles", $"unknown role '{(name ?? "").Replace("'", "", StringComparison.Ordinal)}'");
            }
        }

        return null;
    }

    private Task Record(AdminActor actor, string type, string userId, IDictionary<string, string>? data, CancellationToken cancellationToken) =>
        audit.RecordAsync(actor.Application.Id, type, userId, actor.Actor, actor.Client, data, cancellationToken);

    private static JwtAuthKitError NotFound() => new(JwtAuthKitErrors.NotFound, "No such user.");

    private static JwtAuthKitError Conflict() => new(JwtAuthKitErrors.Conflict, "The user changed at the same time; try again.");
}
