using JwtAuthKit.Administration;
using JwtAuthKit.Roles;
using JwtAuthKit.Sessions;
using JwtAuthKit.Users;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace JwtAuthKit.HostApp.Dashboard.Pages.Apps;

/// <summary>One user: profile, roles, sessions and MFA state, and what an administrator may do to them.</summary>
internal sealed class UserModel(IUserAdministrationService users, IRoleAdministrationService roles) : AppPageModel
{
    [FromRoute(Name = "userId")]
    public string UserId { get; set; } = "";

    public User Subject { get; private set; } = null!;

    public IReadOnlyList<Role> AllRoles { get; private set; } = [];

    public IReadOnlyList<Session> Sessions { get; private set; } = [];

    protected override async Task<IActionResult?> BeforeHandlerAsync(PageHandlerExecutingContext context)
    {
        if (await base.BeforeHandlerAsync(context) is { } refused)
        {
            return refused;
        }

        var found = await users.GetAsync(Access.Actor, UserId, HttpContext.RequestAborted);
        if (!found.Succeeded)
        {
            return NotFound();
        }

        Subject = found.Value;
        return null;
    }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public Task<IActionResult> OnPostDisableAsync(CancellationToken cancellationToken) =>
        DoAsync(users.UpdateAsync(Access.Actor, UserId, new UserChanges(false, null, false, null), cancellationToken), "The user was disabled and their sessions ended.");

    public Task<IActionResult> OnPostEnableAsync(CancellationToken cancellationToken) =>
        DoAsync(users.UpdateAsync(Access.Actor, UserId, new UserChanges(false, null, true, null), cancellationToken), "The user was enabled.");

    public Task<IActionResult> OnPostSendResetAsync(CancellationToken cancellationToken) =>
        DoAsync(users.SendPasswordResetAsync(Access.Actor, UserId, cancellationToken), "A password reset email is on its way.");

    public Task<IActionResult> OnPostEndSessionsAsync(CancellationToken cancellationToken) =>
        DoAsync(users.RevokeSessionsAsync(Access.Actor, UserId, cancellationToken), "Every session of the user was ended.");

    public Task<IActionResult> OnPostRemoveMfaAsync(CancellationToken cancellationToken) =>
        DoAsync(users.RemoveMfaAsync(Access.Actor, UserId, cancellationToken), "The user's authenticator and recovery codes were removed.");

    public async Task<IActionResult> OnPostRolesAsync(List<string>? roles, CancellationToken cancellationToken)
    {
        var changed = await users.SetRolesAsync(Access.Actor, UserId, roles ?? [], cancellationToken);
        if (changed.Succeeded)
        {
            Notice = "The roles were saved.";
            return RedirectToPage(new { appId = AppId, userId = UserId });
        }

        ModelState.AddModelError("", Describe(changed.Error));
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken cancellationToken)
    {
        var deleted = await users.DeleteAsync(Access.Actor, UserId, cancellationToken);
        Report(deleted, $"{Subject.Email} was deleted.");
        return Redirect($"/admin/apps/{Uri.EscapeDataString(AppId)}/users");
    }

    private async Task<IActionResult> DoAsync<T>(Task<Result<T>> action, string done)
    {
        Report(await action, done);
        return RedirectToPage(new { appId = AppId, userId = UserId });
    }

    private static string Describe(JwtAuthKitError error) =>
        error.FieldErrors is { Count: > 0 } fields ? string.Join(" ", fields.Select(f => $"{f.Key} {string.Join(", ", f.Value)}.")) : error.Message;

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        AllRoles = await roles.ListAsync(Access.Actor, cancellationToken);
        Sessions = await users.ListSessionsAsync(Access.Actor, Subject.Id, cancellationToken) is { Succeeded: true } listed ? listed.Value : [];
    }
}
