using JwtAuthKit.Administration;
using JwtAuthKit.Roles;
using Microsoft.AspNetCore.Mvc;

namespace JwtAuthKit.HostApp.Dashboard.Pages.Apps;

/// <summary>An application's roles and their permissions.</summary>
internal sealed class RolesModel(IRoleAdministrationService roles) : AppPageModel
{
    public static readonly string[] KnownPermissions =
    [
        AdminPermissions.UsersRead, AdminPermissions.UsersWrite, AdminPermissions.RolesRead, AdminPermissions.RolesWrite,
        AdminPermissions.SettingsRead, AdminPermissions.SettingsWrite, AdminPermissions.AuditRead,
    ];

    private static readonly char[] Separators = [' ', ',', '\n', '\t'];

    public IReadOnlyList<Role> Roles { get; private set; } = [];

    [BindProperty]
    public string? NewName { get; set; }

    [BindProperty]
    public string? NewDescription { get; set; }

    [BindProperty]
    public string? NewPermissions { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        var created = await roles.CreateAsync(Access.Actor, new RoleDefinition(NewName, NullIfEmpty(NewDescription), Split(NewPermissions)), cancellationToken);
        if (created.Succeeded)
        {
            Notice = $"The role {created.Value.Name} was created.";
            return RedirectToPage(new { appId = AppId });
        }

        AddFieldErrors(created.Error, ("name", nameof(NewName)), ("permissions", nameof(NewPermissions)));
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostUpdateAsync(string name, string? description, string? permissions, CancellationToken cancellationToken)
    {
        var updated = await roles.UpdateAsync(Access.Actor, name ?? "", NullIfEmpty(description) ?? "", Split(permissions), cancellationToken);
        if (updated.Succeeded)
        {
            Notice = $"The role {name} was saved.";
            return RedirectToPage(new { appId = AppId });
        }

        AddFieldErrors(updated.Error);
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(string name, CancellationToken cancellationToken)
    {
        var deleted = await roles.DeleteAsync(Access.Actor, name ?? "", cancellationToken);
        if (deleted.Succeeded)
        {
            Notice = $"The role {name} was deleted.";
            return RedirectToPage(new { appId = AppId });
        }

        AddFieldErrors(deleted.Error);
        await LoadAsync(cancellationToken);
        return Page();
    }

    private void AddFieldErrors(JwtAuthKitError error, params (string Field, string Property)[] map)
    {
        if (error.FieldErrors is not { Count: > 0 } fields)
        {
            ModelState.AddModelError("", error.Message);
            return;
        }

        foreach (var (field, messages) in fields)
        {
            var property = map.FirstOrDefault(m => m.Field == field).Property;
            foreach (var message in messages)
            {
                ModelState.AddModelError(property ?? "", property is null ? $"{field} {message}" : message);
            }
        }
    }

    private static List<string> Split(string? text) => [.. (text ?? "").Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private static string? NullIfEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private async Task LoadAsync(CancellationToken cancellationToken) => Roles = await roles.ListAsync(Access.Actor, cancellationToken);
}
