using System.Net;
using System.Net.Http.Json;
using JwtAuthKit.Administration;
using JwtAuthKit.Platform;
using JwtAuthKit.Roles;

namespace JwtAuthKit.AspNetCore.Tests.Infrastructure;

/// <summary>Dashboard accounts (users of the platform application) made through the public services, signed in over HTTP.</summary>
public static class DashboardAccounts
{
    public const string Password = "dashboard passphrase 2026";

    /// <summary>An operator, signed in.</summary>
    public static async Task<(string Id, string Token)> OperatorAsync(TestHost host, string? email = null)
    {
        email ??= Unique.Email("operator");
        var made = await host.GetRequiredService<IOperatorAccountService>().CreateAsync(email, Password, default);
        made.Succeeded.Should().BeTrue(made.Error?.Message);
        return (made.Value!.Id, await SignInAsync(host, email));
    }

    /// <summary>A verified account that is no operator, signed in; a member of nothing yet.</summary>
    public static async Task<(string Id, string Token)> AccountAsync(TestHost host, string? email = null)
    {
        email ??= Unique.Email("account");
        var platform = await host.GetRequiredService<OperatorAccounts>().EnsurePlatformAsync(default);
        var made = await host.GetRequiredService<IUserAdministrationService>().CreateAsync(AdminActor.System(platform!), new NewUser(email, Password, null, [BuiltInRoles.User], EmailVerified: true), default);
        made.Succeeded.Should().BeTrue(made.Error?.Message);
        return (made.Value!.Id, await SignInAsync(host, email));
    }

    /// <summary>Makes an account a member of an application directly in the store.</summary>
    public static async Task AddMemberAsync(TestHost host, string applicationId, string accountId, ApplicationMemberRole role) =>
        (await host.GetRequiredService<IApplicationMemberStore>().AddAsync(new ApplicationMembership
        {
            ApplicationId = applicationId,
            AccountId = accountId,
            Role = role,
            AddedAt = host.Time.GetUtcNow(),
        }, default)).Should().BeTrue();

    public static async Task<string> SignInAsync(TestHost host, string email, string password = Password)
    {
        var login = await host.Client.PostAsJsonAsync("/api/platform/login", new { email, password });
        login.StatusCode.Should().Be(HttpStatusCode.OK, await login.Content.ReadAsStringAsync());
        return (await login.JsonAsync()).GetProperty("access_token").GetString()!;
    }
}
