using JwtAuthKit.AspNetCore.Authorization;
using JwtAuthKit.AspNetCore.Http;
using JwtAuthKit.Roles;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace JwtAuthKit.AspNetCore.Endpoints;

/// <summary>
/// The table of admin routes. Each requires a permission, held by the application's secret key or granted by
/// the roles of a user's access token; every call is scoped to the caller's application.
/// </summary>
internal static class AdminEndpoints
{
    public static RouteGroupBuilder Map(IEndpointRouteBuilder endpoints, string prefix)
    {
        var group = endpoints.MapGroup(prefix).WithTags("JwtAuthKit: admin");
        group.AddEndpointFilter<RequestBindingFilter>();

        group.MapGet("/users", AdminUserHandlers.SearchAsync).RequirePermissionOrSecretKey(AdminPermissions.UsersRead);
        group.MapPost("/users", AdminUserHandlers.CreateAsync).RequirePermissionOrSecretKey(AdminPermissions.UsersWrite);
        group.MapGet("/users/{id}", AdminUserHandlers.GetAsync).RequirePermissionOrSecretKey(AdminPermissions.UsersRead);
        group.MapPatch("/users/{id}", AdminUserHandlers.UpdateAsync).RequirePermissionOrSecretKey(AdminPermissions.UsersWrite);
        group.MapDelete("/users/{id}", AdminUserHandlers.DeleteAsync).RequirePermissionOrSecretKey(AdminPermissions.UsersWrite);
        group.MapPut("/users/{id}/roles", AdminUserHandlers.SetRolesAsync).RequirePermissionOrSecretKey(AdminPermissions.UsersWrite);
        group.MapPost("/users/{id}/password-reset", AdminUserHandlers.SendPasswordResetAsync).RequirePermissionOrSecretKey(AdminPermissions.UsersWrite);
        group.MapPost("/users/{id}/sessions/revoke", AdminUserHandlers.RevokeSessionsAsync).RequirePermissionOrSecretKey(AdminPermissions.UsersWrite);

        group.MapGet("/roles", AdminRoleHandlers.ListAsync).RequirePermissionOrSecretKey(AdminPermissions.RolesRead);
        group.MapPost("/roles", AdminRoleHandlers.CreateAsync).RequirePermissionOrSecretKey(AdminPermissions.RolesWrite);
        group.MapGet("/roles/{name}", AdminRoleHandlers.GetAsync).RequirePermissionOrSecretKey(AdminPermissions.RolesRead);
        group.MapPut("/roles/{name}", AdminRoleHandlers.UpdateAsync).RequirePermissionOrSecretKey(AdminPermissions.RolesWrite);
        group.MapDelete("/roles/{name}", AdminRoleHandlers.DeleteAsync).RequirePermissionOrSecretKey(AdminPermissions.RolesWrite);

        group.MapGet("/settings", AdminSettingsHandlers.GetAsync).RequirePermissionOrSecretKey(AdminPermissions.SettingsRead);
        group.MapPatch("/settings", AdminSettingsHandlers.UpdateAsync).RequirePermissionOrSecretKey(AdminPermissions.SettingsWrite);

        group.MapGet("/audit-events", AdminAuditHandlers.QueryAsync).RequirePermissionOrSecretKey(AdminPermissions.AuditRead);
        return group;
    }
}
