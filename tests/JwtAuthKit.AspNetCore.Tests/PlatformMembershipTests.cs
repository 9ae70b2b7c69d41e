using System.Net;
using System.Net.Http.Json;
using JwtAuthKit.Administration;
using JwtAuthKit.Applications;
using JwtAuthKit.Audit;
using JwtAuthKit.AspNetCore.Tests.Infrastructure;
using JwtAuthKit.Platform;
using OtpNet;

namespace JwtAuthKit.AspNetCore.Tests;

/// <summary>Dashboard membership over HTTP: invitations by email, the last-owner rule, self-service sign-up, MFA for operators, audit.</summary>
public sealed class PlatformMembershipTests
{
    [Fact]
    public async Task An_invitation_arrives_by_email_and_its_link_accepts_once_for_the_invited_address_only()
    {
        await using var mail = await MailHost.StartAsync();
        var host = mail.Host;
        var (ownerId, ownerToken) = await OwnerWithApplicationAsync(host, "invited-app");
        var app = await AppIdAsync(host, ownerToken, "invited-app");
        var invitee = Unique.Email("invitee");

        var invited = await host.Client.SendWithBearerAsync(HttpMethod.Post, $"/api/platform/apps/{app}/members", ownerToken, new { email = invitee, role = "admin" });
        invited.StatusCode.Should().Be(HttpStatusCode.Created);
        var message = await mail.WaitForMailAsync(invitee, "invited");
        MailHost.LinkIn(message).Should().StartWith(TestHost.Issuer + "/admin/invitations/accept?token=");
        var token = MailHost.TokenIn(message);
        var members = await (await host.Client.SendWithBearerAsync(HttpMethod.Get, $"/api/platform/apps/{app}/members", ownerToken)).JsonAsync();
        members.GetProperty("invitations").EnumerateArray().Single().GetProperty("email").GetString().Should().Be(invitee);
        (await host.GetRequiredService<IApplicationMemberStore>().ListPendingInvitationsAsync(app, host.Time.GetUtcNow(), default))
            .Single().TokenHash.Should().NotBe(token, "the token is stored only as a hash");

        var preview = await (await host.Client.PostAsJsonAsync("/api/platform/invitations/lookup", new { token })).JsonAsync();
        preview.GetProperty("application_name").GetString().Should().Be("invited-app");
        preview.GetProperty("invitation").GetProperty("role").GetString().Should().Be("admin");
        preview.GetProperty("account_exists").GetBoolean().Should().BeFalse();

        // Someone else, signed in with another verified address, cannot take it.
        var (_, strangerToken) = await DashboardAccounts.AccountAsync(host);
        (await host.Client.SendWithBearerAsync(HttpMethod.Post, "/api/platform/invitations/accept", strangerToken, new { token })).Should().HaveProblem("forbidden");
        (await host.Client.SendWithBearerAsync(HttpMethod.Get, $"/api/platform/apps/{app}", strangerToken)).Should().HaveProblem("not_found");

        var accepted = await host.Client.PostAsJsonAsync("/api/platform/invitations/accept-new", new { token, password = DashboardAccounts.Password });
        accepted.StatusCode.Should().Be(HttpStatusCode.OK, await accepted.Content.ReadAsStringAsync());
        (await accepted.JsonAsync()).GetProperty("role").GetString().Should().Be("admin");
        (await host.Client.PostAsJsonAsync("/api/platform/invitations/accept-new", new { token, password = DashboardAccounts.Password })).Should().HaveProblem("invalid_token", "the link works once");
        (await host.Client.PostAsJsonAsync("/api/platform/invitations/lookup", new { token })).Should().HaveProblem("invalid_token");

        var inviteeToken = await DashboardAccounts.SignInAsync(host, invitee);
        var seen = await (await host.Client.SendWithBearerAsync(HttpMethod.Get, "/api/platform/apps", inviteeToken)).JsonAsync();
        seen.EnumerateArray().Select(a => a.GetProperty("id").GetString()).Should().Equal(app);
        (await host.Client.SendWithBearerAsync(HttpMethod.Patch, $"/api/platform/apps/{app}", inviteeToken, new { settings = new { magic_link_enabled = true } })).StatusCode.Should().Be(HttpStatusCode.OK, "an admin changes settings");
        (await host.Client.SendWithBearerAsync(HttpMethod.Delete, $"/api/platform/apps/{app}", inviteeToken)).Should().HaveProblem("forbidden", "only an owner deletes");

        // Audited in the application's log with the accounts as actors.
        var events = await host.GetRequiredService<IAuditLogService>().QueryAsync(AdminActor.System((await host.GetRequiredService<IApplicationStore>().FindByIdAsync(app, default))!), new AuditEventFilter(), PageRequest.First, default);
        events.Items.Should().Contain(e => e.Type == AuditEventTypes.MemberInvited && e.Actor == "account:" + ownerId && e.Data["email"] == invitee);
        var joined = events.Items.Single(e => e.Type == AuditEventTypes.MemberJoined);
        joined.Actor.Should().StartWith("account:").And.NotBe("account:" + ownerId);
        joined.Data["new_account"].Should().Be("true");
        events.Items.Should().Contain(e => e.Type == AuditEventTypes.SettingsChanged && e.Actor == joined.Actor, "the admin services record the member as the actor");
    }

    [Fact]
    public async Task An_existing_account_accepts_while_signed_in_and_an_expired_or_revoked_link_does_nothing()
    {
        await using var mail = await MailHost.StartAsync();
        var host = mail.Host;
        var (_, ownerToken) = await OwnerWithApplicationAsync(host, "expiring-app");
        var app = await AppIdAsync(host, ownerToken, "expiring-app");
        var email = Unique.Email("existing");
        var (accountId, accountToken) = await DashboardAccounts.AccountAsync(host, email);

        (await host.Client.SendWithBearerAsync(HttpMethod.Post, $"/api/platform/apps/{app}/members", ownerToken, new { email, role = "viewer" })).EnsureSuccessStatusCode();
        var token = MailHost.TokenIn(await mail.WaitForMailAsync(email, "invited"));
        (await (await host.Client.PostAsJsonAsync("/api/platform/invitations/lookup", new { token })).JsonAsync()).GetProperty("account_exists").GetBoolean().Should().BeTrue();
        (await host.Client.PostAsJsonAsync("/api/platform/invitations/accept-new", new { token, password = DashboardAccounts.Password })).Should().HaveProblem("email_taken", "an account exists: sign in and accept");
        var accepted = await host.Client.SendWithBearerAsync(HttpMethod.Post, "/api/platform/invitations/accept", accountToken, new { token });
        accepted.StatusCode.Should().Be(HttpStatusCode.OK);
        (await accepted.JsonAsync()).GetProperty("account_id").GetString().Should().Be(accountId);
        (await host.Client.SendWithBearerAsync(HttpMethod.Post, "/api/platform/invitations/accept", accountToken, new { token })).Should().HaveProblem("invalid_token");
        (await host.Client.SendWithBearerAsync(HttpMethod.Patch, $"/api/platform/apps/{app}", accountToken, new { name = "renamed" })).Should().HaveProblem("forbidden", "a viewer changes nothing");

        // Revoked: the link stops working at once.
        var revokedEmail = Unique.Email("revoked");
        var invitation = await (await host.Client.SendWithBearerAsync(HttpMethod.Post, $"/api/platform/apps/{app}/members", ownerToken, new { email = revokedEmail, role = "viewer" })).JsonAsync();
        var revokedToken = MailHost.TokenIn(await mail.WaitForMailAsync(revokedEmail, "invited"));
        (await host.Client.SendWithBearerAsync(HttpMethod.Delete, $"/api/platform/apps/{app}/invitations/{invitation.GetProperty("id").GetString()}", ownerToken)).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await host.Client.PostAsJsonAsync("/api/platform/invitations/accept-new", new { token = revokedToken, password = DashboardAccounts.Password })).Should().HaveProblem("invalid_token");

        // Expiry: seven days on the fake clock.
        var late = Unique.Email("late");
        (await host.Client.SendWithBearerAsync(HttpMethod.Post, $"/api/platform/apps/{app}/members", ownerToken, new { email = late, role = "admin" })).EnsureSuccessStatusCode();
        var lateToken = MailHost.TokenIn(await mail.WaitForMailAsync(late, "invited"));
        host.Time.Advance(TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1));
        (await host.Client.PostAsJsonAsync("/api/platform/invitations/lookup", new { token = lateToken })).StatusCode.Should().Be(HttpStatusCode.OK, "still inside seven days");
        host.Time.Advance(TimeSpan.FromMinutes(2));
        (await host.Client.PostAsJsonAsync("/api/platform/invitations/lookup", new { token = lateToken })).Should().HaveProblem("invalid_token");
        (await host.Client.PostAsJsonAsync("/api/platform/invitations/accept-new", new { token = lateToken, password = DashboardAccounts.Password })).Should().HaveProblem("invalid_token");
    }

    [Fact]
    public async Task An_application_always_keeps_an_owner()
    {
        await using var host = await TestHost.StartAsync();
        var (ownerId, ownerToken) = await OwnerWithApplicationAsync(host, "owned-app");
        var app = await AppIdAsync(host, ownerToken, "owned-app");

        (await host.Client.SendWithBearerAsync(HttpMethod.Patch, $"/api/platform/apps/{app}/members/{ownerId}", ownerToken, new { role = "admin" })).Should().HaveProblem("last_owner");
        (await host.Client.SendWithBearerAsync(HttpMethod.Delete, $"/api/platform/apps/{app}/members/{ownerId}", ownerToken)).Should().HaveProblem("last_owner");
        (await host.Client.SendWithBearerAsync(HttpMethod.Patch, $"/api/platform/apps/{app}/members/{ownerId}", ownerToken, new { role = "boss" })).Should().HaveProblem("validation_failed");

        var (secondId, secondToken) = await DashboardAccounts.AccountAsync(host);
        await DashboardAccounts.AddMemberAsync(host, app, secondId, ApplicationMemberRole.Viewer);
        (await host.Client.SendWithBearerAsync(HttpMethod.Patch, $"/api/platform/apps/{app}/members/{secondId}", ownerToken, new { role = "owner" })).StatusCode.Should().Be(HttpStatusCode.OK);
        (await host.Client.SendWithBearerAsync(HttpMethod.Patch, $"/api/platform/apps/{app}/members/{ownerId}", ownerToken, new { role = "viewer" })).StatusCode.Should().Be(HttpStatusCode.OK, "another owner remains");
        (await host.Client.SendWithBearerAsync(HttpMethod.Patch, $"/api/platform/apps/{app}/members/{ownerId}", ownerToken, new { role = "owner" })).Should().HaveProblem("forbidden", "a viewer cannot promote itself back");
        (await host.Client.SendWithBearerAsync(HttpMethod.Delete, $"/api/platform/apps/{app}/members/{secondId}", secondToken)).Should().HaveProblem("last_owner");

        var members = await (await host.Client.SendWithBearerAsync(HttpMethod.Get, $"/api/platform/apps/{app}/members", secondToken)).JsonAsync();
        members.GetProperty("members").EnumerateArray().Where(m => m.GetProperty("role").GetString() == "owner").Select(m => m.GetProperty("account_id").GetString()).Should().Equal(secondId);
        var events = await host.GetRequiredService<IAuditLogService>().QueryAsync(AdminActor.System((await host.GetRequiredService<IApplicationStore>().FindByIdAsync(app, default))!), new AuditEventFilter(AuditEventTypes.MemberRoleChanged), PageRequest.First, default);
        events.Items.Select(e => e.Actor).Should().Equal("account:" + ownerId, "account:" + ownerId);
    }

    [Fact]
    public async Task Invitations_to_one_address_are_capped_per_hour_and_each_replaces_the_last()
    {
        await using var host = await TestHost.StartAsync();
        var (_, ownerToken) = await OwnerWithApplicationAsync(host, "capped-app");
        var app = await AppIdAsync(host, ownerToken, "capped-app");
        var email = Unique.Email("popular");

        for (var i = 0; i < 5; i++)
        {
            (await host.Client.SendWithBearerAsync(HttpMethod.Post, $"/api/platform/apps/{app}/members", ownerToken, new { email, role = "viewer" })).StatusCode.Should().Be(HttpStatusCode.Created);
        }

        (await host.Client.SendWithBearerAsync(HttpMethod.Post, $"/api/platform/apps/{app}/members", ownerToken, new { email, role = "viewer" })).Should().HaveProblem("rate_limited");
        var members = await (await host.Client.SendWithBearerAsync(HttpMethod.Get, $"/api/platform/apps/{app}/members", ownerToken)).JsonAsync();
        members.GetProperty("invitations").GetArrayLength().Should().Be(1, "a new invitation of the address revokes the one before");
        host.Time.Advance(TimeSpan.FromMinutes(61));
        var fresh = await DashboardAccounts.SignInAsync(host, members.GetProperty("members").EnumerateArray().Single(m => m.GetProperty("role").GetString() == "owner").GetProperty("email").GetString()!);
        (await host.Client.SendWithBearerAsync(HttpMethod.Post, $"/api/platform/apps/{app}/members", fresh, new { email, role = "viewer" })).StatusCode.Should().Be(HttpStatusCode.Created, "an hour later");
    }

    [Fact]
    public async Task Dashboard_sign_up_is_refused_while_off()
    {
        await using var host = await TestHost.StartAsync();
        var email = Unique.Email("signup");

        (await host.Client.PostAsJsonAsync("/api/platform/signup", new { email, password = DashboardAccounts.Password })).Should().HaveProblem("signup_disabled");
        (await host.Client.PostAsJsonAsync("/api/platform/login", new { email, password = DashboardAccounts.Password })).Should().HaveProblem("invalid_credentials", "no account was made");
    }

    [Fact]
    public async Task A_client_signs_up_verifies_the_address_creates_an_application_and_sees_only_its_own()
    {
        await using var mail = await MailHost.StartAsync(configuration: new() { ["JwtAuthKit:Dashboard:SignupEnabled"] = "true" });
        var host = mail.Host;
        var (_, operatorToken) = await DashboardAccounts.OperatorAsync(host);
        (await host.Client.SendWithBearerAsync(HttpMethod.Post, "/api/platform/apps", operatorToken, new { name = "someone-elses" })).EnsureSuccessStatusCode();
        var email = Unique.Email("client");

        (await host.Client.PostAsJsonAsync("/api/platform/signup", new { email, password = DashboardAccounts.Password })).StatusCode.Should().Be(HttpStatusCode.Accepted);
        (await host.Client.PostAsJsonAsync("/api/platform/signup", new { email, password = "short" })).Should().HaveProblem("weak_password");
        (await host.Client.PostAsJsonAsync("/api/platform/login", new { email, password = DashboardAccounts.Password })).Should().HaveProblem("email_not_verified");

        var token = MailHost.TokenIn(await mail.WaitForMailAsync(email, "Confirm"));
        (await host.Client.PostAsJsonAsync("/api/auth/email/verify", new { token })).StatusCode.Should().Be(HttpStatusCode.OK);
        var access = await DashboardAccounts.SignInAsync(host, email);
        (await (await host.Client.SendWithBearerAsync(HttpMethod.Get, "/api/platform/apps", access)).JsonAsync()).GetArrayLength().Should().Be(0);

        var created = await host.Client.SendWithBearerAsync(HttpMethod.Post, "/api/platform/apps", access, new { name = "clients-app" });
        created.StatusCode.Should().Be(HttpStatusCode.Created);
        var body = await created.JsonAsync();
        body.GetProperty("keys").EnumerateArray().Select(k => k.GetProperty("key").GetString()![..3]).Should().BeEquivalentTo(["pk_", "sk_"]);
        var listed = await (await host.Client.SendWithBearerAsync(HttpMethod.Get, "/api/platform/apps", access)).JsonAsync();
        listed.EnumerateArray().Select(a => a.GetProperty("name").GetString()).Should().Equal("clients-app");
        var members = await (await host.Client.SendWithBearerAsync(HttpMethod.Get, $"/api/platform/apps/{body.GetProperty("id").GetString()}/members", access)).JsonAsync();
        members.GetProperty("members").EnumerateArray().Single().GetProperty("role").GetString().Should().Be("owner");
        (await host.Client.PostAsJsonAsync("/api/platform/signup", new { email, password = DashboardAccounts.Password })).StatusCode.Should().Be(HttpStatusCode.Accepted, "a taken address answers like a new one");
    }

    [Fact]
    public async Task An_unverified_dashboard_account_is_refused_even_with_a_token()
    {
        await using var host = await TestHost.StartAsync();
        var platform = await host.GetRequiredService<OperatorAccounts>().EnsurePlatformAsync(default);
        var email = Unique.Email("unverified");
        var made = await host.GetRequiredService<IUserAdministrationService>().CreateAsync(AdminActor.System(platform!), new NewUser(email, DashboardAccounts.Password, null, ["user"], EmailVerified: false), default);
        made.Succeeded.Should().BeTrue();

        (await host.GetRequiredService<IPlatformAccessService>().ResolveAsync(made.Value!.Id, Sessions.ClientInfo.Unknown, default)).Should().BeNull();
        (await host.Client.PostAsJsonAsync("/api/platform/login", new { email, password = DashboardAccounts.Password })).Should().HaveProblem("email_not_verified");
    }

    [Fact]
    public async Task With_RequireMfa_an_operator_without_an_authenticator_reaches_nothing_until_enrolled()
    {
        await using var host = await TestHost.StartAsync(configuration: new() { ["JwtAuthKit:Dashboard:RequireMfa"] = "true" });
        var email = Unique.Email("operator");
        var (_, token) = await DashboardAccounts.OperatorAsync(host, email);
        var (memberId, memberToken) = await DashboardAccounts.AccountAsync(host);

        (await host.Client.SendWithBearerAsync(HttpMethod.Get, "/api/platform/apps", token)).Should().HaveProblem("mfa_enrollment_required");
        (await host.Client.SendWithBearerAsync(HttpMethod.Post, "/api/platform/apps", token, new { name = "blocked" })).Should().HaveProblem("mfa_enrollment_required");
        (await host.Client.SendWithBearerAsync(HttpMethod.Get, "/api/platform/apps", memberToken)).StatusCode.Should().Be(HttpStatusCode.OK, "the rule is for operators");

        var setup = await (await host.Client.SendWithBearerAsync(HttpMethod.Post, "/api/auth/mfa/totp/setup", token)).JsonAsync();
        var secret = setup.GetProperty("secret").GetString()!;
        var code = new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp(host.Time.GetUtcNow().UtcDateTime);
        (await host.Client.SendWithBearerAsync(HttpMethod.Post, "/api/auth/mfa/totp/confirm", token, new { code })).EnsureSuccessStatusCode();
        host.Time.Advance(TimeSpan.FromSeconds(30));

        var first = await (await host.Client.PostAsJsonAsync("/api/platform/login", new { email, password = DashboardAccounts.Password })).JsonAsync();
        var mfaToken = first.GetProperty("mfa_token").GetString()!;
        var second = await host.Client.PostAsJsonAsync("/api/platform/login/mfa", new { mfa_token = mfaToken, code = new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp(host.Time.GetUtcNow().UtcDateTime) });
        var withMfa = (await second.JsonAsync()).GetProperty("access_token").GetString()!;
        (await host.Client.SendWithBearerAsync(HttpMethod.Post, "/api/platform/apps", withMfa, new { name = "allowed" })).StatusCode.Should().Be(HttpStatusCode.Created);
        _ = memberId;
    }

    private static async Task<(string Id, string Token)> OwnerWithApplicationAsync(TestHost host, string name)
    {
        var (_, operatorToken) = await DashboardAccounts.OperatorAsync(host);
        var created = await (await host.Client.SendWithBearerAsync(HttpMethod.Post, "/api/platform/apps", operatorToken, new { name })).JsonAsync();
        var app = created.GetProperty("id").GetString()!;
        var (ownerId, ownerToken) = await DashboardAccounts.AccountAsync(host);
        await DashboardAccounts.AddMemberAsync(host, app, ownerId, ApplicationMemberRole.Owner);

        // The operator who created it is its first owner; it steps back once the client's account owns it.
        var (operatorId, _) = (await host.GetRequiredService<IApplicationMemberStore>().ListAsync(app, default)).Select(m => (m.AccountId, m.Role)).First(m => m.AccountId != ownerId);
        (await host.Client.SendWithBearerAsync(HttpMethod.Delete, $"/api/platform/apps/{app}/members/{operatorId}", operatorToken)).StatusCode.Should().Be(HttpStatusCode.NoContent);
        return (ownerId, ownerToken);
    }

    private static async Task<string> AppIdAsync(TestHost host, string token, string name) =>
        (await (await host.Client.SendWithBearerAsync(HttpMethod.Get, "/api/platform/apps", token)).JsonAsync())
            .EnumerateArray().Single(a => a.GetProperty("name").GetString() == name).GetProperty("id").GetString()!;
}
