using System.Net.Http.Json;
using JwtAuthKit.Administration;
using JwtAuthKit.AspNetCore.Tests.Infrastructure;
using JwtAuthKit.Audit;
using JwtAuthKit.EntityFramework;
using JwtAuthKit.Passwords;
using JwtAuthKit.Platform;
using JwtAuthKit.Sessions;
using JwtAuthKit.Users;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace JwtAuthKit.AspNetCore.Tests;

/// <summary>
/// A worker or command-line tool uses JwtAuthKit through its public services alone, in a generic host with no ASP.NET
/// Core, and the services write the same audit events as the HTTP API.
/// </summary>
public sealed class NonWebHostTests
{
    [Fact]
    public async Task A_generic_host_signs_up_signs_in_and_administers_through_the_public_services()
    {
        var database = TestHost.NewDatabasePath();
        Directory.CreateDirectory(Path.GetDirectoryName(database)!);
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddJwtAuthKit(o =>
        {
            o.Issuer = "https://worker.test";
            o.PasswordHashing.MemorySizeKiB = 1024;
            o.PasswordHashing.Iterations = 1;
        }).UseSqlite($"Data Source={database}");
        using var host = builder.Build();
        await host.StartAsync();
        var services = host.Services;
        services.GetService<Microsoft.AspNetCore.Authentication.IAuthenticationService>().Should().BeNull("no ASP.NET Core part was added");

        var application = (await services.GetRequiredService<IApplicationAdministrationService>().ListAsync(default)).Should().ContainSingle().Subject;
        var client = new ClientInfo("10.0.0.7", "nightly-import/1.0");
        var signedUp = await services.GetRequiredService<IUserRegistrationService>().RegisterAsync(application, "worker@example.com", ApiCalls.Password, "Worker", client, default);
        signedUp.Succeeded.Should().BeTrue(signedUp.Error?.Message);
        var signedIn = await services.GetRequiredService<IPasswordSignInService>().SignInAsync(application, "worker@example.com", ApiCalls.Password, client, default);
        signedIn.Succeeded.Should().BeTrue();
        var wrong = await services.GetRequiredService<IPasswordSignInService>().SignInAsync(application, "worker@example.com", "not the password at all", client, default);
        wrong.Error!.Code.Should().Be(JwtAuthKitErrors.InvalidCredentials);

        var validated = await services.GetRequiredService<Tokens.IAccessTokenValidator>().ValidateAsync(signedIn.Value!.Tokens!.AccessToken, "worker", default);
        validated.IsValid.Should().BeTrue("a token issued by the service validates with the same public validator");

        var page = await services.GetRequiredService<IUserAdministrationService>().SearchAsync(AdminActor.System(application), "worker", PageRequest.First, default);
        page.Items.Should().ContainSingle().Which.Name.Should().Be("Worker");
        page.Total.Should().Be(1);

        var events = await services.GetRequiredService<IAuditLogService>().QueryAsync(AdminActor.System(application), new AuditEventFilter(), PageRequest.First, default);
        var workerPath = events.Items.Select(e => (e.Type, Value(e, "method"), Value(e, "reason"))).Reverse().ToList();
        events.Items.Should().OnlyContain(e => e.IpAddress == "10.0.0.7" && e.UserAgent == "nightly-import/1.0");
        await host.StopAsync();

        // The HTTP API, doing the same, writes the same events.
        await using var web = await TestHost.StartAsync();
        await web.Client.PostAsJsonAsync("/api/auth/register", new { email = "web@example.com", password = ApiCalls.Password, name = "Web" });
        await web.Client.LoginAsync("web@example.com");
        await web.Client.LoginAsync("web@example.com", "not the password at all");
        var webApplication = (await web.GetRequiredService<IApplicationAdministrationService>().ListAsync(default)).Single();
        var webEvents = await web.GetRequiredService<IAuditLogService>().QueryAsync(AdminActor.System(webApplication), new AuditEventFilter(), PageRequest.First, default);
        var httpPath = webEvents.Items.Select(e => (e.Type, Value(e, "method"), Value(e, "reason"))).Reverse().ToList();

        // (The web host's clock stands still, so its events share one time and their order is not defined.)
        workerPath.Should().BeEquivalentTo(httpPath);
        workerPath.Select(e => e.Type).Should().Equal(AuditEventTypes.SignUp, AuditEventTypes.SignIn, AuditEventTypes.SignInFailed);
    }

    private static string? Value(AuditEvent auditEvent, string key) => auditEvent.Data.TryGetValue(key, out var value) ? value : null;
}
