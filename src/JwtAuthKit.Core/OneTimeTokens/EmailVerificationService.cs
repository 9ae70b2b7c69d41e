using JwtAuthKit.Applications;
using JwtAuthKit.Email;
using JwtAuthKit.Users;
using Microsoft.Extensions.Options;

namespace JwtAuthKit.OneTimeTokens;

internal sealed class EmailVerificationService(
    IUserStore users,
    IApplicationResolver applications,
    OneTimeTokenSender sender,
    AddressRequestQueue queue,
    OneTimeTokenRedeemer redeemer,
    EmailLinks links,
    Audit.AuditLog audit,
    IOptions<JwtAuthKitOptions> options,
    TimeProvider time) : IEmailVerificationService
{
    public Task SendAsync(Application application, User user, CancellationToken cancellationToken) =>
        user.EmailVerified
            ? Task.CompletedTask
            : sender.SendLinkAsync(application, user.Email, user.Id, OneTimeTokenPurpose.VerifyEmail, EmailKind.VerifyEmail,
                options.Value.OneTimeTokens.EmailVerificationLifetime, links.VerifyEmail(application), null, cancellationToken);

    /// <summary>The verification link of a new, unsaved user, to be stored with the user in one transaction.</summary>
    internal (OneTimeToken Token, EmailMessage Message) ComposeFirstLink(Application application, User user) =>
        sender.ComposeLink(application, user.Email, user.Id, OneTimeTokenPurpose.VerifyEmail, EmailKind.VerifyEmail,
            options.Value.OneTimeTokens.EmailVerificationLifetime, links.VerifyEmail(application), null);

    /// <summary>Wakes the outbox once the user and its first link are stored.</summary>
    internal void FirstLinkQueued() => sender.Queued();

    public async Task<Result<bool>> ResendAsync(Application application, string? email, CancellationToken cancellationToken)
    {
        var normalized = EmailAddress.Normalize(email ?? "");
        if (!EmailAddress.IsValid(normalized))
        {
            return Errors.InvalidEmail;
        }

        await queue.RunAfterAnswerAsync(normalized, work => DeliverAsync(application, normalized, work), cancellationToken);
        return true;
    }

    /// <summary>The per-address part of a resend request, run after the caller was answered.</summary>
    private async Task DeliverAsync(Application application, string normalized, CancellationToken cancellationToken)
    {
        if (await users.FindByEmailAsync(application.Id, normalized, cancellationToken) is { IsActive: true, EmailVerified: false } user)
        {
            await SendAsync(application, user, cancellationToken);
        }
        else
        {
            await sender.RehearseLinkAsync(application, normalized, OneTimeTokenPurpose.VerifyEmail, EmailKind.VerifyEmail, // Same work: no enumeration by timing.
                options.Value.OneTimeTokens.EmailVerificationLifetime, links.VerifyEmail(application), cancellationToken);
        }
    }

    public async Task<Result<User>> VerifyAsync(Application? application, string? token, Sessions.ClientInfo client, CancellationToken cancellationToken)
    {
        var found = await redeemer.FindUsableAsync(application, token, OneTimeTokenPurpose.VerifyEmail, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Error;
        }

        var consumed = await redeemer.ConsumeAsync(found.Value, cancellationToken);
        if (!consumed.Succeeded)
        {
            return consumed.Error;
        }

        var record = consumed.Value;
        var user = record.UserId is null ? null : await users.FindByIdAsync(record.ApplicationId, record.UserId, cancellationToken);

        // The link proves the address it was sent to; if the account's address changed since, it proves nothing.
        if (user is null || user.Email != record.Email || await applications.FindByIdAsync(record.ApplicationId, cancellationToken) is null)
        {
            return OneTimeTokenRedeemer.Invalid();
        }

        if (!user.EmailVerified)
        {
            user.EmailVerified = true;
            user.UpdatedAt = time.GetUtcNow();
            if (!await users.UpdateAsync(user, cancellationToken))
            {
                return Errors.ChangedConcurrently;
            }

            await audit.RecordAsync(user.ApplicationId, Audit.AuditEventTypes.EmailVerified, user.Id, null, client, null, cancellationToken);
        }

        return user;
    }
}
