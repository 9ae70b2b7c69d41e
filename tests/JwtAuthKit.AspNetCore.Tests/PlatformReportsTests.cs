using System.Net;
using System.Net.Http.Json;
using JwtAuthKit.Administration;
using JwtAuthKit.Applications;
using JwtAuthKit.Audit;
using JwtAuthKit.AspNetCore.Tests.Infrastructure;
using JwtAuthKit.Email;
using JwtAuthKit.Platform;
using JwtAuthKit.Roles;
using JwtAuthKit.Sessions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace JwtAuthKit.AspNetCore.Tests;

/// <summary>The services the dashboard's pages read: activity counts, the outbox with retry, and the first operator from configuration.</summary>
public sealed class PlatformReportsTests
{
    private static readonly IReadOnlySet<string> ReadOnly = new HashSet<string> { AdminPermissions.UsersRead, AdminPermissions.RolesRead, AdminPermissions.SettingsRead, AdminPermissions.AuditRead };

    [Fact]
    public async Task Activity_counts_sign_ins_failures_sign_ups_and_active_users_per_day_and_month()
    {
        await using var host = await TestHost.StartAsync(configuration: TwoApplications.Configuration());
        var alpha = host.NewClient(TwoApplications.AlphaPublishable);
        var beta = host.NewClient(TwoApplications.BetaPublishable);
        var day = DateOnly.FromDateTime(host.Time.GetUtcNow().UtcDateTime);
        var (first, second) = (Unique.Email(), Unique.Email());
        (await alpha.RegisterAsync(first)).EnsureSuccessStatusCode();
        (await alpha.RegisterAsync(second)).EnsureSuccessStatusCode();
        (await alpha.LoginAsync(first)).EnsureSuccessStatusCode();
        (await alpha.LoginAsync(second, "not the password at all")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await beta.SignUpAndInAsync(Unique.Email())).ValueKind.Should().NotBe(System.Text.Json.JsonValueKind.Undefined, "beta's activity is not alpha's");

        host.Time.Advance(TimeSpan.FromDays(1));
        (await alpha.LoginAsync(first)).EnsureSuccessStatusCode();
        (await alpha.LoginAsync(first)).EnsureSuccessStatusCode();

        var application = (await host.GetRequiredService<IApplicationStore>().FindByClientIdAsync("alpha-app", default))!;
        var viewer = AdminActor.ForAccount(application, "viewer-account", ReadOnly, ClientInfo.Unknown);
        var reports = host.GetRequiredService<IActivityReportService>();
        var daily = await reports.GetDailyAsync(viewer, day.AddDays(-1), day.AddDays(1), default);

        daily.Succeeded.Should().BeTrue(daily.Error?.Message);
        daily.Value.Should().Equal(
            new DailyActivity(day.AddDays(-1), 0, 0, 0, 0),
            new DailyActivity(day, 1, 1, 2, 2),
            new DailyActivity(day.AddDays(1), 2, 0, 0, 1));
        var monthly = await reports.GetMonthlyAsync(viewer, day, day, default);
        monthly.Value.Should().Equal(new MonthlyActivity(new DateOnly(day.Year, day.Month, 1), 2));

        (await reports.GetDailyAsync(viewer, day, day.AddDays(IActivityReportService.MaxDays), default)).Error!.Code.Should().Be("validation_failed");
        (await reports.GetDailyAsync(viewer, day, day.AddDays(-1), default)).Error!.Code.Should().Be("validation_failed");
        var nobody = AdminActor.ForAccount(application, "no-permissions", new HashSet<string>(), ClientInfo.Unknown);
        (await reports.GetDailyAsync(nobody, day, day, default)).Error!.Code.Should().Be("forbidden");
    }

    [Fact]
    public async Task The_outbox_pages_newest_first_without_bodies_and_a_failed_message_is_retried_once_and_audited()
    {
        await using var host = await TestHost.StartAsync(configuration: TwoApplications.Configuration());
        var store = host.GetRequiredService<IEmailOutboxStore>();
        var protector = host.GetRequiredService<IEmailContentProtector>();
        var alpha = (await host.GetRequiredService<IApplicationStore>().FindByClientIdAsync("alpha-app", default))!;
        var beta = (await host.GetRequiredService<IApplicationStore>().FindByClientIdAsync("beta-app", default))!;
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var now = host.Time.GetUtcNow();
            var id = Guid.CreateVersion7(now).ToString();
            ids.Add(id);
            await store.AddAsync(new EmailMessage
            {
                Id = id,
                ApplicationId = alpha.Id,
                Kind = EmailKind.PasswordReset,
                To = $"user{i}@example.com",
                ProtectedSubject = protector.Protect($"Reset your alpha password {i}"),
                ProtectedTextBody = protector.Protect("secret link body"),
                ProtectedHtmlBody = protector.Protect("<p>secret link body</p>"),
                Status = EmailStatus.Failed,
                Attempts = 8,
                LastError = "Connection refused",
                NextAttemptAt = now,
                CreatedAt = now,
            }, default);
            host.Time.Advance(TimeSpan.FromSeconds(1));
        }

        var outbox = host.GetRequiredService<IEmailOutboxAdministrationService>();
        var viewer = AdminActor.ForAccount(alpha, "viewer-account", ReadOnly, ClientInfo.Unknown);
        var first = (await outbox.ListAsync(viewer, null, null, 2, default)).Value!;
        first.Items.Select(m => m.Id).Should().Equal(ids[2], ids[1]);
        first.Items[0].Subject.Should().Be("Reset your alpha password 2");
        first.Items[0].LastError.Should().Be("Connection refused");
        first.Items[0].Attempts.Should().Be(8);
        first.NextBefore.Should().Be(ids[1]);
        var second = (await outbox.ListAsync(viewer, EmailStatus.Failed, first.NextBefore, 2, default)).Value!;
        second.Items.Select(m => m.Id).Should().Equal(ids[0]);
        second.NextBefore.Should().BeNull();
        (await outbox.ListAsync(viewer, null, null, 0, default)).Error!.Code.Should().Be("validation_failed");
        (await outbox.ListAsync(AdminActor.ForAccount(beta, "viewer-account", ReadOnly, ClientInfo.Unknown), null, null, 10, default)).Value!.Items.Should().BeEmpty("beta's outbox holds none of alpha's mail");

        (await outbox.RetryAsync(viewer, ids[0], default)).Error!.Code.Should().Be("forbidden", "a viewer changes nothing");
        var admin = new PlatformActor("admin-account", "admin@example.com", isOperator: false, mfaEnabled: false, mfaEnrollmentRequired: false, new ClientInfo("203.0.113.9", "test")).ForApplication(alpha, ApplicationMemberRole.Admin);
        (await outbox.RetryAsync(AdminActor.ForAccount(beta, "admin-account", new HashSet<string> { BuiltInRoles.AllPermissions }, ClientInfo.Unknown), ids[0], default)).Error!.Code.Should().Be("not_found", "another application's message");
        (await outbox.RetryAsync(admin, ids[0], default)).Value.Should().BeTrue();
        (await store.FindAsync(ids[0], default))!.Status.Should().NotBe(EmailStatus.Failed);
        (await outbox.RetryAsync(admin, ids[0], default)).Error!.Code.Should().Be("not_found", "it is no longer failed");

        var events = await host.GetRequiredService<IAuditLogService>().QueryAsync(AdminActor.System(alpha), new AuditEventFilter(AuditEventTypes.EmailRetried), PageRequest.First, default);
        var retried = events.Items.Single();
        retried.Actor.Should().Be("account:admin-account");
        retried.Data["message_id"].Should().Be(ids[0]);
        retried.IpAddress.Should().Be("203.0.113.9");
    }

    [Fact]
    public async Task The_first_operator_comes_from_configuration_once_and_its_password_is_never_logged()
    {
        const string password = "configured operator passphrase";
        var logs = new CapturingLoggerProvider();
        var database = TestHost.NewDatabasePath();
        var email = Unique.Email("first-operator");
        var configuration = new Dictionary<string, string?> { ["JwtAuthKit:Dashboard:Operator:Email"] = email, ["JwtAuthKit:Dashboard:Operator:Password"] = password };
        await using (var host = await TestHost.StartAsync(databasePath: database, configuration: configuration, services: s => s.AddLogging(b => b.SetMinimumLevel(LogLevel.Debug).AddProvider(logs))))
        {
            var token = await DashboardAccounts.SignInAsync(host, email, password);
            (await host.Client.SendWithBearerAsync(HttpMethod.Post, "/api/platform/apps", token, new { name = "by-the-first-operator" })).StatusCode.Should().Be(HttpStatusCode.Created, "it is an operator");
        }

        configuration["JwtAuthKit:Dashboard:Operator:Password"] = "a different passphrase now";
        await using (var again = await TestHost.StartAsync(databasePath: database, configuration: configuration, services: s => s.AddLogging(b => b.SetMinimumLevel(LogLevel.Debug).AddProvider(logs))))
        {
            (await again.Client.PostAsJsonAsync("/api/platform/login", new { email, password })).StatusCode.Should().Be(HttpStatusCode.OK, "an existing operator is not reset from configuration");
        }

        logs.Entries.Should().Contain(e => e.EventId.Id == 2201);
        logs.Entries.Should().NotContain(e => e.Message.Contains(password, StringComparison.Ordinal) || e.Message.Contains("a different passphrase", StringComparison.Ordinal));
    }
}
