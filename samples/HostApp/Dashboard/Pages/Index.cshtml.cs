using JwtAuthKit.Applications;
using JwtAuthKit.Platform;
using Microsoft.AspNetCore.Mvc;

namespace JwtAuthKit.HostApp.Dashboard.Pages;

/// <summary>The applications the account reaches, and a form to create one.</summary>
internal sealed class IndexModel(DashboardAccess access, IApplicationAdministrationService applications) : DashboardPageModel
{
    public IReadOnlyList<(Application Application, DashboardRole Role)> Apps { get; private set; } = [];

    public bool CanCreate => Account.IsOperator;

    [BindProperty]
    public string? Name { get; set; }

    public CreatedApplication? Created { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Apps = await access.ListAsync(Account, cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!CanCreate)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        var created = await applications.CreateAsync(Name, null, cancellationToken);
        if (created.Succeeded)
        {
            Created = created.Value;
            Name = null;
            ModelState.Clear();
        }
        else
        {
            AddErrors(created.Error.Code == JwtAuthKitErrors.Conflict ? created.Error with { FieldErrors = new Dictionary<string, string[]> { ["name"] = ["is already taken"] } } : created.Error);
            MapField("name", nameof(Name));
        }

        Apps = await access.ListAsync(Account, cancellationToken);
        return Page();
    }

    private void MapField(string from, string to)
    {
        if (ModelState.TryGetValue(from, out var entry))
        {
            foreach (var error in entry.Errors)
            {
                ModelState.AddModelError(to, error.ErrorMessage);
            }

            ModelState.Remove(from);
        }
    }
}
