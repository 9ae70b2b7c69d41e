using JwtAuthKit.AspNetCore.Http;
using JwtAuthKit.AspNetCore.OpenApi;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using static JwtAuthKit.JwtAuthKitErrors;
using static JwtAuthKit.Roles.AdminPermissions;

namespace JwtAuthKit.AspNetCore.Endpoints;

/// <summary>
/// The table of admin routes. Each requires a permission, held by the application's secret key or granted by the roles
/// of a user's access token; every call is scoped to the caller's application.
/// </summary>
internal static class AdminEndpoints
{
    public static RouteGroupBuilder Map(IEndpointRouteBuilder endpoints, string prefix)
    {
        var group = endpoints.MapGroup(prefix).WithTags("Administration").WithGroupName(JwtAuthKitOpenApi.DocumentName).WithMetadata(SecurityHeaders.Api);
        group.AddEndpointFilter<RequestBindingFilter>();

        group.MapGet("/users", AdminUserHandlers.SearchAsync).RequirePermissionOrSecretKey(UsersRead)
            .WithSummary("Search users by email or name").ProducesProblems(ValidationFailed);
        group.MapPost("/users", AdminUserHandlers.CreateAsync).RequirePermissionOrSecretKey(UsersWrite)
            .WithSummary("Create a user").ProducesProblems(InvalidEmail, WeakPassword, EmailTaken);
        // Before /users/{id}: literal segments win anyway, but the table reads in the order routes are tried.
        group.MapPost("/users/import", AdminImportHandlers.ImportAsync).RequirePermissionOrSecretKey(UsersWrite)
            .WithSummary("Import users (JSON array or NDJSON, at most 10 MiB and 10,000 rows) with their source systems' password hashes")
            .Produces<Contracts.UserImportResponse>().ProducesProblems(ValidationFailed, PayloadTooLarge, UnsupportedMediaType);
        group.MapGet("/users/export", AdminImportHandlers.ExportAsync).RequirePermissionOrSecretKey(UsersRead)
            .WithSummary("Export the application's users as NDJSON import rows (password hashes with a secret key only)")
            .ProducesProblems(Forbidden);
        group.MapGet("/users/{id}", AdminUserHandlers.GetAsync).RequirePermissionOrSecretKey(UsersRead)
            .WithSummary("Read a user").ProducesProblems(NotFound);
        group.MapPatch("/users/{id}", AdminUserHandlers.UpdateAsync).RequirePermissionOrSecretKey(UsersWrite)
            .WithSummary("Change a user's name, active or verified state").ProducesProblems(NotFound, Conflict, LastOwner);
        group.MapDelete("/users/{id}", AdminUserHandlers.DeleteAsync).RequirePermissionOrSecretKey(UsersWrite)
            .WithSummary("Delete a user").ProducesProblems(NotFound, LastOwner);
        group.MapPut("/users/{id}/roles", AdminUserHandlers.SetRolesAsync).RequirePermissionOrSecretKey(UsersWrite)
            .WithSummary("Replace a user's roles").ProducesProblems(NotFound, Conflict);
        group.MapPost("/users/{id}/password-reset", AdminUserHandlers.SendPasswordResetAsync).RequirePermissionOrSecretKey(UsersWrite)
            .WithSummary("Email a user a password reset link").ProducesProblems(NotFound);
        group.MapGet("/users/{id}/sessions", AdminUserHandlers.ListSessionsAsync).RequirePermissionOrSecretKey(UsersRead)
            .WithSummary("List a user's active sessions, newest first").ProducesProblems(NotFound);
        group.MapPost("/users/{id}/sessions/revoke", AdminUserHandlers.RevokeSessionsAsync).RequirePermissionOrSecretKey(UsersWrite)
            .WithSummary("End every session of a user").ProducesProblems(NotFound);
        group.MapDelete("/users/{id}/mfa", AdminUserHandlers.RemoveMfaAsync).RequirePermissionOrSecretKey(UsersWrite)
            .WithSummary("Remove a user's second factor and recovery codes").ProducesProblems(NotFound);

        group.MapGet("/roles", AdminRoleHandlers.ListAsync).RequirePermissionOrSecretKey(RolesRead)
            .WithSummary("List roles");
        group.MapPost("/roles", AdminRoleHandlers.CreateAsync).RequirePermissionOrSecretKey(RolesWrite)
            .WithSummary("Create a role").ProducesProblems(Conflict);
        group.MapGet("/roles/{name}", AdminRoleHandlers.GetAsync).RequirePermissionOrSecretKey(RolesRead)
            .WithSummary("Read a role").ProducesProblems(NotFound);
        group.MapPut("/roles/{name}", AdminRoleHandlers.UpdateAsync).RequirePermissionOrSecretKey(RolesWrite)
            .WithSummary("Replace a role's description and permissions").ProducesProblems(NotFound);
        group.MapDelete("/roles/{name}", AdminRoleHandlers.DeleteAsync).RequirePermissionOrSecretKey(RolesWrite)
            .WithSummary("Delete a role").ProducesProblems(NotFound, Conflict);

        group.MapGet("/settings", AdminSettingsHandlers.GetAsync).RequirePermissionOrSecretKey(SettingsRead)
            .WithSummary("Read the application's authentication settings").Produces<Applications.ApplicationSettings>();
        group.MapPatch("/settings", AdminSettingsHandlers.UpdateAsync).RequirePermissionOrSecretKey(SettingsWrite)
            .WithSummary("Change the fields named; nothing changes if one is invalid").WithMetadata(new RequestBodyMetadata(typeof(Applications.ApplicationSettings)))
            .Produces<Applications.ApplicationSettings>().ProducesProblems(NotFound);

        group.MapGet("/audit-events", AdminAuditHandlers.QueryAsync).RequirePermissionOrSecretKey(AuditRead)
            .WithSummary("Read the audit log, newest first").ProducesProblems(ValidationFailed);
        return group;
    }
}
