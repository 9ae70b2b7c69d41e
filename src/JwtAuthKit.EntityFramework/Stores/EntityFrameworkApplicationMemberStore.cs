using JwtAuthKit.EntityFramework.Providers;
using JwtAuthKit.Applications;
using JwtAuthKit.Email;
using JwtAuthKit.Platform;
using JwtAuthKit.Users;
using Microsoft.EntityFrameworkCore;

namespace JwtAuthKit.EntityFramework.Stores;

internal sealed class EntityFrameworkApplicationMemberStore<TContext>(JwtAuthKitContextSource<TContext> contexts) : IApplicationMemberStore
    where TContext : DbContext
{
    public async Task<IReadOnlyList<ApplicationMember>> ListAsync(string applicationId, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        return await db.Set<ApplicationMembership>().AsNoTracking()
            .Where(m => m.ApplicationId == applicationId)
            .Join(db.Set<User>(), m => m.AccountId, u => u.Id, (m, u) => new { m.ApplicationId, m.AccountId, u.Email, m.Role, m.AddedAt })
            .OrderBy(m => m.AddedAt).ThenBy(m => m.AccountId)
            .Select(m => new ApplicationMember(m.ApplicationId, m.AccountId, m.Email, m.Role, m.AddedAt))
            .ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<ApplicationMembership>> ListForAccountAsync(string accountId, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        return await db.Set<ApplicationMembership>().AsNoTracking().Where(m => m.AccountId == accountId).ToListAsync(cancellationToken);
    }

    public async Task<ApplicationMembership?> FindAsync(string applicationId, string accountId, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        return await db.Set<ApplicationMembership>().AsNoTracking().FirstOrDefaultAsync(m => m.ApplicationId == applicationId && m.AccountId == accountId, cancellationToken);
    }

    public async Task<bool> AddAsync(ApplicationMembership membership, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        db.Add(membership);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException ex) when (DatabaseErrors.IsUniqueViolation(ex))
        {
            return false;
        }
    }

    public Task<MemberChangeOutcome> ChangeRoleAsync(string applicationId, string accountId, ApplicationMemberRole role, CancellationToken cancellationToken) =>
        ChangeAsync(applicationId, accountId, role, cancellationToken);

    public Task<MemberChangeOutcome> RemoveAsync(string applicationId, string accountId, CancellationToken cancellationToken) =>
        ChangeAsync(applicationId, accountId, null, cancellationToken);

    public async Task CreateInvitationAsync(ApplicationInvitation invitation, EmailMessage message, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        await using var transaction = await contexts.BeginWriteAsync(db, cancellationToken);
        await db.Set<ApplicationInvitation>()
            .Where(i => i.ApplicationId == invitation.ApplicationId && i.Email == invitation.Email && i.AcceptedAt == null && i.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.RevokedAt, invitation.CreatedAt), cancellationToken);
        db.Add(invitation);
        db.Add(message);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<ApplicationInvitation?> FindInvitationByTokenHashAsync(string tokenHash, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        return await db.Set<ApplicationInvitation>().AsNoTracking().FirstOrDefaultAsync(i => i.TokenHash == tokenHash, cancellationToken);
    }

    public async Task<IReadOnlyList<ApplicationInvitation>> ListPendingInvitationsAsync(string applicationId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        return await db.Set<ApplicationInvitation>().AsNoTracking()
            .Where(i => i.ApplicationId == applicationId && i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now)
            .OrderByDescending(i => i.Id)
            .Take(500)
            .ToListAsync(cancellationToken);
    }

    public async Task<bool> RevokeInvitationAsync(string applicationId, string invitationId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        return await db.Set<ApplicationInvitation>()
            .Where(i => i.Id == invitationId && i.ApplicationId == applicationId && i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.RevokedAt, now), cancellationToken) == 1;
    }

    public async Task<InvitationAcceptOutcome> TryAcceptInvitationAsync(ApplicationInvitation invitation, string accountId, User? newAccount, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        await using var transaction = await contexts.BeginWriteAsync(db, cancellationToken);

        // The conditional update uses the token once, however many acceptances arrive at the same time.
        var used = await db.Set<ApplicationInvitation>()
            .Where(i => i.Id == invitation.Id && i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.AcceptedAt, now), cancellationToken);
        if (used != 1)
        {
            return InvitationAcceptOutcome.NotPending;
        }

        if (newAccount is not null)
        {
            db.Add(newAccount);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException ex) when (DatabaseErrors.IsUniqueViolation(ex))
            {
                // Rolled back with the transaction: the invitation stays pending for the account that took the address.
                return InvitationAcceptOutcome.EmailTaken;
            }
        }

        var existing = await db.Set<ApplicationMembership>().FirstOrDefaultAsync(m => m.ApplicationId == invitation.ApplicationId && m.AccountId == accountId, cancellationToken);
        if (existing is null)
        {
            db.Add(new ApplicationMembership { ApplicationId = invitation.ApplicationId, AccountId = accountId, Role = invitation.Role, AddedAt = now });
        }
        else if (existing.Role < invitation.Role)
        {
            existing.Role = invitation.Role;
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return InvitationAcceptOutcome.Accepted;
    }

    /// <summary>
    /// Changes (or, with no role, removes) a membership unless no owner would be left. The application's row is written
    /// first in the transaction, so concurrent changes of one application's members take turns (SQLite has one writer;
    /// PostgreSQL holds the row lock until commit, and each later statement reads what the earlier transaction committed).
    /// </summary>
    private async Task<MemberChangeOutcome> ChangeAsync(string applicationId, string accountId, ApplicationMemberRole? role, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        await using var transaction = await contexts.BeginWriteAsync(db, cancellationToken);
        await db.Set<Application>().Where(a => a.Id == applicationId).ExecuteUpdateAsync(s => s.SetProperty(a => a.UpdatedAt, a => a.UpdatedAt), cancellationToken);
        var member = await db.Set<ApplicationMembership>().FirstOrDefaultAsync(m => m.ApplicationId == applicationId && m.AccountId == accountId, cancellationToken);
        if (member is null)
        {
            return MemberChangeOutcome.NotFound;
        }

        if (member.Role == ApplicationMemberRole.Owner && role != ApplicationMemberRole.Owner
            && await db.Set<ApplicationMembership>().CountAsync(m => m.ApplicationId == applicationId && m.Role == ApplicationMemberRole.Owner, cancellationToken) <= 1)
        {
            return MemberChangeOutcome.LastOwner;
        }

        if (role is { } newRole)
        {
            member.Role = newRole;
        }
        else
        {
            db.Remove(member);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return MemberChangeOutcome.Done;
    }
}
