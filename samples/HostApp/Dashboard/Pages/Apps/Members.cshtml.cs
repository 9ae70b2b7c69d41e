using JwtAuthKit.Platform;
using Microsoft.AspNetCore.Mvc;

namespace JwtAuthKit.HostApp.Dashboard.Pages.Apps;

/// <summary>Who works on the application, in which role, and the invitations still open; owners change them.</summary>
internal sealed class MembersModel(IApplicationMemberService members) : AppPageModel
{
    public static IReadOnlyList<ApplicationMemberRole> Roles { get; } = [ApplicationMemberRole.Viewer, ApplicationMemberRole.Admin, ApplicationMemberRole.Owner];

    public IReadOnlyList<ApplicationMember> Members { get; private set; } = [];

    public IReadOnlyList<PendingInvitation> Invitations { get; private set; } = [];

    [BindProperty]
    public string? InviteEmail { get; set; }

    [BindProperty]
    public ApplicationMemberRole InviteRole { get; set; } = ApplicationMemberRole.Admin;

    public static string Name(ApplicationMemberRole role) => role.ToString().ToLowerInvariant();

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    [RequiresRole(ApplicationMemberRole.Owner)]
    public async Task<IActionResult> OnPostInviteAsync(CancellationToken cancellationToken)
    {
        var invited = await members.InviteAsync(Account.Actor, AppId, InviteEmail, InviteRole, cancellationToken);
        if (invited.Succeeded)
        {
            Notice = $"An invitation was sent to {invited.Value.Email}.";
            return RedirectToPage(new { appId = AppId });
        }

        ModelState.AddModelError(nameof(InviteEmail), invited.Error.FieldErrors?.Values.FirstOrDefault()?.FirstOrDefault() is { } field ? "The address " + field : invited.Error.Message);
        await LoadAsync(cancellationToken);
        return Page();
    }

    [RequiresRole(ApplicationMemberRole.Owner)]
    public async Task<IActionResult> OnPostRoleAsync(string accountId, ApplicationMemberRole role, CancellationToken cancellationToken)
    {
        var changed = await members.ChangeRoleAsync(Account.Actor, AppId, accountId ?? "", role, cancellationToken);
        Report(changed, changed.Succeeded ? $"{changed.Value.Email} is now {Name(changed.Value.Role)}." : "");
        return RedirectToPage(new { appId = AppId });
    }

    [RequiresRole(ApplicationMemberRole.Owner)]
    public async Task<IActionResult> OnPostRemoveAsync(string accountId, CancellationToken cancellationToken)
    {
        var removed = await members.RemoveAsync(Account.Actor, AppId, accountId ?? "", cancellationToken);
        Report(removed, "The member was removed.");
        return RedirectToPage(new { appId = AppId });
    }

    [RequiresRole(ApplicationMemberRole.Owner)]
    public async Task<IActionResult> OnPostRevokeAsync(string invitationId, CancellationToken cancellationToken)
    {
        var revoked = await members.RevokeInvitationAsync(Account.Actor, AppId, invitationId ?? "", cancellationToken);
        Report(revoked, "The invitation was withdrawn.");
        return RedirectToPage(new { appId = AppId });
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Members = (await members.ListAsync(Account.Actor, AppId, cancellationToken)).Value ?? [];
        Invitations = (await members.ListInvitationsAsync(Account.Actor, AppId, cancellationToken)).Value ?? [];
    }
}
