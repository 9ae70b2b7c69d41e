using JwtAuthKit.Applications;
using JwtAuthKit.Platform;
using Microsoft.AspNetCore.Mvc;

namespace JwtAuthKit.HostApp.Dashboard.Pages.Apps;

/// <summary>An application's keys: created (the value shown once, in this answer only) and revoked.</summary>
internal sealed class KeysModel(IApplicationAdministrationService applications) : AppPageModel
{
    public IReadOnlyList<ApiKey> Keys { get; private set; } = [];

    public CreatedApiKey? Created { get; private set; }

    [BindProperty]
    public string Kind { get; set; } = "publishable";

    [BindProperty]
    public string? KeyName { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        var kind = Kind == "secret" ? ApiKeyKind.Secret : ApiKeyKind.Publishable;
        var created = await applications.CreateKeyAsync(Access.Actor, kind, string.IsNullOrWhiteSpace(KeyName) ? null : KeyName, cancellationToken);
        if (created.Succeeded)
        {
            Created = created.Value;
            KeyName = null;
            ModelState.Clear();
        }
        else
        {
            ModelState.AddModelError(nameof(KeyName), created.Error.FieldErrors?.Values.FirstOrDefault()?.FirstOrDefault() ?? created.Error.Message);
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(string keyId, CancellationToken cancellationToken)
    {
        var revoked = await applications.RevokeKeyAsync(Access.Actor, keyId ?? "", cancellationToken);
        Report(revoked, "The key was revoked.");
        return RedirectToPage(new { appId = AppId });
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Keys = (await applications.ListKeysAsync(Access.Application.Id, cancellationToken)).Value ?? [];
}
