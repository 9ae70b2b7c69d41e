using System.Reflection;
using JwtAuthKit.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace JwtAuthKit.HostApp.Dashboard;

/// <summary>
/// A page of one application. The account's role is checked before every handler: a page the account cannot reach
/// is "not found", and a form post needs <see cref="ApplicationMemberRole.Admin"/> unless its handler says otherwise with
/// <see cref="RequiresRoleAttribute"/> — so a forged post of a viewer gets 403 whatever the page shows.
/// </summary>
internal abstract class AppPageModel : DashboardPageModel
{
    [FromRoute(Name = "appId")]
    public string AppId { get; set; } = "";

    public AppAccess Access { get; private set; } = null!;

    protected override async Task<IActionResult?> BeforeHandlerAsync(PageHandlerExecutingContext context)
    {
        var access = HttpContext.RequestServices.GetRequiredService<DashboardAccess>();
        if (await access.FindAsync(Account, AppId, HttpContext.RequestAborted) is not { } found)
        {
            return NotFound();
        }

        Access = found;
        var required = context.HandlerMethod?.MethodInfo.GetCustomAttribute<RequiresRoleAttribute>()?.Role
            ?? (HttpMethods.IsGet(Request.Method) || HttpMethods.IsHead(Request.Method) ? ApplicationMemberRole.Viewer : ApplicationMemberRole.Admin);
        return found.Role < required ? StatusCode(StatusCodes.Status403Forbidden) : null;
    }
}

/// <summary>The least role a page handler needs.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class RequiresRoleAttribute(ApplicationMemberRole role) : Attribute
{
    public ApplicationMemberRole Role { get; } = role;
}
