using System.Net;
using JwtAuthKit.Administration;
using JwtAuthKit.Applications;
using JwtAuthKit.AspNetCore.Tests.Infrastructure;
using JwtAuthKit.Platform;
using JwtAuthKit.Users;

namespace JwtAuthKit.AspNetCore.Tests;

/// <summary>
/// A dashboard account that is the last owner of an application is neither deleted nor disabled (409 <c>last_owner</c>),
/// through the admin API as through the service, until another member owns the application.
/// </summary>
public sealed class DashboardAccountOwnershipTests
{
    [Fact]
    public async Task The_last_owner_of_an_application_is_not_deleted_or_disabled_until_another_member_owns_it()
    {
        await using var host = await TestHost.StartAsync();
        var (_, operatorToken) = await DashboardAccounts.OperatorAsync(host);
        var (ownerId, _) = await DashboardAccounts.AccountAsync(host);
        var (otherId, _) = await DashboardAccounts.AccountAsync(host);
        var app = await CreateApplicationAsync(host, "owned-app");
        await DashboardAccounts.AddMemberAsync(host, app.Id, ownerId, ApplicationMemberRole.Owner);
        await DashboardAccounts.AddMemberAsync(host, app.Id, otherId, ApplicationMemberRole.Admin);

        var deleted = await host.Client.SendWithBearerAsync(HttpMethod.Delete, "/api/admin/users/" + ownerId, operatorToken);
        deleted.StatusCode.Should().Be(HttpStatusCode.Conflict);
        var problem = await deleted.JsonAsync();
        problem.GetProperty("code").GetString().Should().Be("last_owner");
        problem.GetProperty("detail").GetString().Should().Contain("owned-app").And.Contain("owner");
        (await host.Client.SendWithBearerAsync(HttpMethod.Patch, "/api/admin/users/" + ownerId, operatorToken, new { is_active = false })).Should().HaveProblem("last_owner");

        var platform = (await host.GetRequiredService<IApplicationStore>().FindByClientIdAsync(PlatformApplication.ClientId, default))!;
        var users = host.GetRequiredService<IUserAdministrationService>();
        (await users.DeleteAsync(AdminActor.System(platform), ownerId, default)).Error!.Code.Should().Be(JwtAuthKitErrors.LastOwner);
        (await users.GetAsync(AdminActor.System(platform), ownerId, default)).Value!.IsActive.Should().BeTrue("nothing was changed");
        (await users.UpdateAsync(AdminActor.System(platform), otherId, new UserChanges(false, null, false, null), default)).Succeeded.Should().BeTrue("an admin member is not an owner");
        (await users.UpdateAsync(AdminActor.System(platform), otherId, new UserChanges(false, null, true, null), default)).Succeeded.Should().BeTrue();

        // Once another member owns the application, the account goes (its membership with it).
        (await host.GetRequiredService<IApplicationMemberStore>().ChangeRoleAsync(app.Id, otherId, ApplicationMemberRole.Owner, default)).Should().Be(MemberChangeOutcome.Done);
        (await host.Client.SendWithBearerAsync(HttpMethod.Delete, "/api/admin/users/" + ownerId, operatorToken)).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await host.GetRequiredService<IApplicationMemberStore>().ListAsync(app.Id, default)).Select(m => m.AccountId).Should().Equal(otherId);
    }

    [Fact]
    public async Task A_user_of_a_client_application_is_deleted_whatever_the_dashboard_memberships()
    {
        await using var host = await TestHost.StartAsync();
        var (ownerId, _) = await DashboardAccounts.AccountAsync(host);
        var app = await CreateApplicationAsync(host, "client-app");
        await DashboardAccounts.AddMemberAsync(host, app.Id, ownerId, ApplicationMemberRole.Owner);
        var users = host.GetRequiredService<IUserAdministrationService>();
        var user = await users.CreateAsync(AdminActor.System(app), new NewUser(Unique.Email("enduser"), DashboardAccounts.Password, null, null, EmailVerified: true), default);

        (await users.DeleteAsync(AdminActor.System(app), user.Value!.Id, default)).Succeeded.Should().BeTrue("the rule is about dashboard accounts only");
    }

    private static async Task<Application> CreateApplicationAsync(TestHost host, string name)
    {
        var created = await host.GetRequiredService<IApplicationAdministrationService>().CreateAsync(name, null, default);
        created.Succeeded.Should().BeTrue(created.Error?.Message);
        return created.Value!.Application;
    }
}
