using JwtAuthKit.Applications;
using JwtAuthKit.Email;
using JwtAuthKit.OneTimeTokens;
using Microsoft.Extensions.Options;

namespace JwtAuthKit.Platform;

/// <summary>
/// Composes an invitation and the email carrying its link (<c>{issuer}/admin/invitations/accept?token=…</c>). The mail
/// belongs to the invited application, so its owners see its delivery in the application's outbox.
/// </summary>
internal sealed class InvitationMailer(EmailComposer composer, IOptions<JwtAuthKitOptions> options, TimeProvider time)
{
    public const string AcceptPath = "/admin/invitations/accept";

    public (ApplicationInvitation Invitation, EmailMessage Message) Compose(Application application, string email, ApplicationMemberRole role, PlatformActor inviter)
    {
        var now = time.GetUtcNow();
        var lifetime = options.Value.Dashboard.InvitationLifetime;
        var token = SecretTokens.Create();
        var invitation = new ApplicationInvitation
        {
            Id = Guid.CreateVersion7(now).ToString(),
            ApplicationId = application.Id,
            Email = email,
            Role = role,
            TokenHash = SecretTokens.Hash(token),
            InvitedBy = inviter.AccountId,
            CreatedAt = now,
            ExpiresAt = now + lifetime,
        };

        // The dashboard's own template: an application's overrides are for its users' mail, not this one.
        var dashboard = new Application { Id = application.Id, Name = application.Name, ClientId = application.ClientId, Settings = new ApplicationSettings(), CreatedAt = application.CreatedAt };
        var message = composer.Compose(dashboard, EmailKind.Invitation, email, new Dictionary<string, string>
        {
            ["link"] = OneTimeTokenSender.AppendToken(options.Value.Issuer.TrimEnd('/') + AcceptPath, token),
            ["inviter"] = inviter.Email,
            ["role"] = MemberRoles.Name(role),
            ["expires_in"] = OneTimeTokenSender.Duration(lifetime),
        });
        return (invitation, message);
    }
}
