using System.Net;
using JwtAuthKit.AspNetCore.Tests.Infrastructure;
using JwtAuthKit.Platform;

namespace JwtAuthKit.AspNetCore.Tests;

/// <summary>
/// Every platform route on an application, called by an owner, an admin, a viewer, a non-member and an operator: the
/// role decides, on the server, for every route (viewer reads, admin changes keys and settings, owner deletes and
/// manages members; a non-member is not told the application exists).
/// </summary>
public sealed class PlatformPermissionMatrixTests
{
    public enum Caller
    {
        Owner,
        Admin,
        Viewer,
        NonMember,
        Operator,
    }

    private const ApplicationMemberRole Read = ApplicationMemberRole.Viewer;
    private const ApplicationMemberRole Change = ApplicationMemberRole.Admin;
    private const ApplicationMemberRole Manage = ApplicationMemberRole.Owner;

    [Theory]
    [InlineData(Caller.Owner)]
    [InlineData(Caller.Admin)]
    [InlineData(Caller.Viewer)]
    [InlineData(Caller.NonMember)]
    [InlineData(Caller.Operator)]
    public async Task Each_platform_route_answers_by_the_callers_role_on_the_application(Caller caller)
    {
        await using var host = await TestHost.StartAsync();
        var (_, operatorToken) = await DashboardAccounts.OperatorAsync(host);

        // An application with an owner, a bystander member to act on, a key and an invitation to revoke.
        var created = await (await host.Client.SendWithBearerAsync(HttpMethod.Post, "/api/platform/apps", operatorToken, new { name = "matrix-" + caller })).JsonAsync();
        var app = created.GetProperty("id").GetString()!;
        var (ownerId, ownerToken) = await DashboardAccounts.AccountAsync(host);
        await DashboardAccounts.AddMemberAsync(host, app, ownerId, ApplicationMemberRole.Owner);
        var (bystander, _) = await DashboardAccounts.AccountAsync(host);
        await DashboardAccounts.AddMemberAsync(host, app, bystander, ApplicationMemberRole.Viewer);
        var keyId = (await (await host.Client.SendWithBearerAsync(HttpMethod.Post, $"/api/platform/apps/{app}/keys", operatorToken, new { kind = "publishable" })).JsonAsync()).GetProperty("id").GetString()!;
        var invitationId = (await (await host.Client.SendWithBearerAsync(HttpMethod.Post, $"/api/platform/apps/{app}/members", operatorToken, new { email = Unique.Email("invitee"), role = "viewer" })).JsonAsync()).GetProperty("id").GetString()!;

        ApplicationMemberRole? role;
        string token;
        switch (caller)
        {
            case Caller.Owner:
                (role, token) = (ApplicationMemberRole.Owner, ownerToken);
                break;
            case Caller.Operator:
                (role, token) = (ApplicationMemberRole.Owner, operatorToken);
                break;
            case Caller.NonMember:
                (role, token) = (null, (await DashboardAccounts.AccountAsync(host)).Token);
                break;
            default:
                var (id, memberToken) = await DashboardAccounts.AccountAsync(host);
                role = caller == Caller.Admin ? ApplicationMemberRole.Admin : ApplicationMemberRole.Viewer;
                await DashboardAccounts.AddMemberAsync(host, app, id, role.Value);
                token = memberToken;
                break;
        }

        var listed = await (await host.Client.SendWithBearerAsync(HttpMethod.Get, "/api/platform/apps", token)).JsonAsync();
        listed.EnumerateArray().Select(a => a.GetProperty("id").GetString()).Contains(app).Should().Be(role is not null, "GET /apps lists only the caller's applications");

        // In an order where each allowed call leaves what the next one needs; deletion last.
        var routes = new (HttpMethod Method, string Path, object? Body, ApplicationMemberRole Least, HttpStatusCode Allowed)[]
        {
            (HttpMethod.Get, $"/api/platform/apps/{app}", null, Read, HttpStatusCode.OK),
            (HttpMethod.Get, $"/api/platform/apps/{app}/keys", null, Read, HttpStatusCode.OK),
            (HttpMethod.Get, $"/api/platform/apps/{app}/members", null, Read, HttpStatusCode.OK),
            (HttpMethod.Patch, $"/api/platform/apps/{app}", new { settings = new { magic_link_enabled = true } }, Change, HttpStatusCode.OK),
            (HttpMethod.Post, $"/api/platform/apps/{app}/keys", new { kind = "secret" }, Change, HttpStatusCode.Created),
            (HttpMethod.Delete, $"/api/platform/apps/{app}/keys/{keyId}", null, Change, HttpStatusCode.NoContent),
            (HttpMethod.Post, $"/api/platform/apps/{app}/members", new { email = Unique.Email("another"), role = "admin" }, Manage, HttpStatusCode.Created),
            (HttpMethod.Patch, $"/api/platform/apps/{app}/members/{bystander}", new { role = "admin" }, Manage, HttpStatusCode.OK),
            (HttpMethod.Delete, $"/api/platform/apps/{app}/invitations/{invitationId}", null, Manage, HttpStatusCode.NoContent),
            (HttpMethod.Delete, $"/api/platform/apps/{app}/members/{bystander}", null, Manage, HttpStatusCode.NoContent),
            (HttpMethod.Delete, $"/api/platform/apps/{app}", null, Manage, HttpStatusCode.NoContent),
        };

        foreach (var (method, path, body, least, allowed) in routes)
        {
            var response = await host.Client.SendWithBearerAsync(method, path, token, body);
            var because = $"{caller} calls {method} {path}";
            if (role is null)
            {
                response.Should().HaveProblem("not_found", because);
            }
            else if (role >= least)
            {
                response.StatusCode.Should().Be(allowed, because + ": " + await response.Content.ReadAsStringAsync());
            }
            else
            {
                response.Should().HaveProblem("forbidden", because);
            }
        }

        var stillThere = await host.Client.SendWithBearerAsync(HttpMethod.Get, $"/api/platform/apps/{app}", operatorToken);
        stillThere.StatusCode.Should().Be(role == ApplicationMemberRole.Owner ? HttpStatusCode.NotFound : HttpStatusCode.OK, "only an owner's delete went through");
        var keys = await (await host.Client.SendWithBearerAsync(HttpMethod.Get, $"/api/platform/apps/{app}/keys", operatorToken)).JsonAsync();
        if (role is null or ApplicationMemberRole.Viewer)
        {
            keys.EnumerateArray().Should().OnlyContain(k => k.GetProperty("revoked_at").ValueKind == System.Text.Json.JsonValueKind.Null, "a refused revoke changes nothing");
            keys.GetArrayLength().Should().Be(3, "a refused create adds nothing");
        }
    }

    [Theory]
    [InlineData(Caller.Operator, HttpStatusCode.Created)]
    [InlineData(Caller.Owner, HttpStatusCode.Forbidden)]
    public async Task Only_operators_create_applications_while_dashboard_sign_up_is_off(Caller caller, HttpStatusCode expected)
    {
        await using var host = await TestHost.StartAsync();
        var token = caller == Caller.Operator ? (await DashboardAccounts.OperatorAsync(host)).Token : (await DashboardAccounts.AccountAsync(host)).Token;

        var response = await host.Client.SendWithBearerAsync(HttpMethod.Post, "/api/platform/apps", token, new { name = "created-by-" + caller });

        response.StatusCode.Should().Be(expected);
        var listed = await (await host.Client.SendWithBearerAsync(HttpMethod.Get, "/api/platform/apps", token)).JsonAsync();
        listed.EnumerateArray().Select(a => a.GetProperty("name").GetString()).Contains("created-by-" + caller).Should().Be(expected == HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_token_of_a_client_application_or_a_disabled_account_reaches_nothing()
    {
        await using var host = await TestHost.StartAsync(configuration: TwoApplications.Configuration());
        var (_, operatorToken) = await DashboardAccounts.OperatorAsync(host);
        var app = (await (await host.Client.SendWithBearerAsync(HttpMethod.Get, "/api/platform/apps", operatorToken)).JsonAsync())[0].GetProperty("id").GetString()!;
        var (memberId, memberToken) = await DashboardAccounts.AccountAsync(host);
        await DashboardAccounts.AddMemberAsync(host, app, memberId, ApplicationMemberRole.Admin); // Not its only owner: that one is never disabled (last_owner).
        var alphaUser = (await host.NewClient(TwoApplications.AlphaPublishable).SignUpAndInAsync(Unique.Email())).GetProperty("access_token").GetString()!;

        (await host.Client.SendWithBearerAsync(HttpMethod.Get, "/api/platform/apps", alphaUser)).StatusCode.Should().Be(HttpStatusCode.Forbidden, "a client application's user is no dashboard account");
        (await host.Client.SendWithBearerAsync(HttpMethod.Get, $"/api/platform/apps/{app}", memberToken)).StatusCode.Should().Be(HttpStatusCode.OK);

        var platform = await host.GetRequiredService<JwtAuthKit.Applications.IApplicationStore>().FindByClientIdAsync(JwtAuthKit.Applications.PlatformApplication.ClientId, default);
        var disabled = await host.GetRequiredService<JwtAuthKit.Administration.IUserAdministrationService>()
            .UpdateAsync(JwtAuthKit.Administration.AdminActor.System(platform!), memberId, new JwtAuthKit.Administration.UserChanges(false, null, false, null), default);
        disabled.Succeeded.Should().BeTrue();
        var after = await host.Client.SendWithBearerAsync(HttpMethod.Get, $"/api/platform/apps/{app}", memberToken);
        after.StatusCode.Should().BeOneOf(HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden);
    }
}
