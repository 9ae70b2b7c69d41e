using JwtAuthKit.Administration;
using JwtAuthKit.Platform;
using Microsoft.AspNetCore.Mvc;

namespace JwtAuthKit.HostApp.Dashboard.Pages.Apps;

/// <summary>An application at a glance: its counts and sign-in methods, rename, and deletion with a typed confirmation.</summary>
internal sealed class OverviewModel(IApplicationAdministrationService applications, IUserAdministrationService users, IRoleAdministrationService roles) : AppPageModel
{
    public int UserCount { get; private set; }

    public int ActiveKeys { get; private set; }

    public int RoleCount { get; private set; }

    public bool DeleteFailed { get; private set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? ConfirmName { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostRenameAsync(CancellationToken cancellationToken)
    {
        var renamed = await applications.UpdateAsync(Access.Actor, Name ?? "", null, cancellationToken);
        if (renamed.Succeeded)
        {
            Notice = "The application was renamed.";
            return RedirectToPage(new { appId = AppId });
        }

        ModelState.AddModelError(nameof(Name), renamed.Error.FieldErrors?.Values.FirstOrDefault()?.FirstOrDefault() ?? renamed.Error.Message);
        await LoadAsync(cancellationToken);
        return Page();
    }

    [RequiresRole(ApplicationMemberRole.Owner)]
    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken cancellationToken)
    {
        if (!string.Equals(ConfirmName?.Trim(), Access.Application.Name, StringComparison.Ordinal))
        {
            ModelState.AddModelError(nameof(ConfirmName), "Type the application's name exactly to confirm.");
            DeleteFailed = true;
            await LoadAsync(cancellationToken);
            return Page();
        }

        var deleted = await applications.DeleteAsync(Access.Application.Id, cancellationToken);
        if (!deleted.Succeeded)
        {
            return NotFound();
        }

        Notice = $"{Access.Application.Name} was deleted.";
        return Redirect(DashboardPaths.Root);
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Name ??= Access.Application.Name;
        UserCount = (await users.SearchAsync(Access.Actor, null, PageRequest.Create(1, 1).Value, cancellationToken)).Total;
        ActiveKeys = (await applications.ListKeysAsync(Access.Application.Id, cancellationToken)).Value?.Count(k => k.RevokedAt is null) ?? 0;
        RoleCount = (await roles.ListAsync(Access.Actor, cancellationToken)).Count;
    }
}
