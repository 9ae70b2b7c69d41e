using System.Net;
using JwtAuthKit.AspNetCore.Tests.Infrastructure;
using JwtAuthKit.Sessions;
using JwtAuthKit.Users;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace JwtAuthKit.AspNetCore.Tests.Security;

/// <summary>
/// A password sign-in whose user changes while its password is checked or its session is being written: the last-login
/// write with the session is the race check (it lands only on an unchanged user), and the re-read decides when it does
/// not land. With the host's own stores the session, the audit event and the last login are one transaction
/// (<see cref="ISignInWriter"/>); a session-store decorator makes the writer fall back to the stores one by one.
/// </summary>
public sealed class SignInRaceTests
{
    [Fact]
    public async Task A_password_changed_while_the_session_is_written_refuses_the_sign_in_and_ends_the_session()
    {
        var race = new SessionWriteRace();
        await using var host = await TestHost.StartAsync(kit: kit => race.Wrap(kit.Services));
        var (applicationId, userId, email) = await RegisteredAsync(host);
        var users = host.GetRequiredService<IUserStore>();
        race.WhileWriting = Changing(users, applicationId, userId,
            user => user.PasswordHash = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$changedchangedchangedchangedchangedchangedc");

        var (before, loginAt) = await BeforeLoginAsync(host, race, applicationId, userId);
        var answer = await host.Client.LoginAsync(email);

        answer.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await answer.ProblemCodeAsync()).Should().Be("conflict");
        race.Written.Should().Be(1, "the session was written before the change was seen");
        (await ActiveSessionsAsync(host, applicationId, userId)).Should().Equal(before, "the session made with the old password is revoked");
        (await users.FindByIdAsync(applicationId, userId, default))!.LastLoginAt.Should().NotBe(loginAt, "the last login is written only on an unchanged user");
    }

    [Fact]
    public async Task An_address_changed_while_the_session_is_written_refuses_the_sign_in()
    {
        var race = new SessionWriteRace();
        await using var host = await TestHost.StartAsync(kit: kit => race.Wrap(kit.Services));
        var (applicationId, userId, email) = await RegisteredAsync(host);
        var users = host.GetRequiredService<IUserStore>();
        race.WhileWriting = Changing(users, applicationId, userId, user => user.Email = Unique.Email());

        var (before, loginAt) = await BeforeLoginAsync(host, race, applicationId, userId);
        var answer = await host.Client.LoginAsync(email);

        answer.StatusCode.Should().Be(HttpStatusCode.Conflict);
        race.Written.Should().Be(1);
        (await ActiveSessionsAsync(host, applicationId, userId)).Should().Equal(before, "the new session is revoked");
    }

    [Fact]
    public async Task Another_sign_in_of_the_same_user_meanwhile_does_not_refuse_this_one()
    {
        var race = new SessionWriteRace();
        await using var host = await TestHost.StartAsync(kit: kit => race.Wrap(kit.Services));
        var (applicationId, userId, email) = await RegisteredAsync(host);
        var users = host.GetRequiredService<IUserStore>();
        var otherSignInAt = host.Time.GetUtcNow().AddSeconds(30);
        race.WhileWriting = async () =>
        {
            // What a second device's sign-in writes: a new stamp and its own last-login time, nothing the check compares.
            var user = (await users.FindByIdAsync(applicationId, userId, default))!;
            (await users.RecordSignInAsync(user, otherSignInAt, default)).Should().BeTrue();
        };

        var (before, loginAt) = await BeforeLoginAsync(host, race, applicationId, userId);
        var answer = await host.Client.LoginAsync(email);

        answer.StatusCode.Should().Be(HttpStatusCode.OK, "the stamp changed but nothing that was checked did");
        (await ActiveSessionsAsync(host, applicationId, userId)).Should().HaveCount(before.Count + 1);
        (await users.FindByIdAsync(applicationId, userId, default))!.LastLoginAt.Should().Be(otherSignInAt, "this sign-in's write did not land on the changed row");
    }

    [Fact]
    public async Task Without_a_race_the_sign_in_records_its_last_login()
    {
        var race = new SessionWriteRace();
        await using var host = await TestHost.StartAsync(kit: kit => race.Wrap(kit.Services));
        var (applicationId, userId, email) = await RegisteredAsync(host);

        var (before, loginAt) = await BeforeLoginAsync(host, race, applicationId, userId);
        (await host.Client.LoginAsync(email)).StatusCode.Should().Be(HttpStatusCode.OK);

        race.Written.Should().Be(1);
        (await ActiveSessionsAsync(host, applicationId, userId)).Should().HaveCount(before.Count + 1);
        (await host.GetRequiredService<IUserStore>().FindByIdAsync(applicationId, userId, default))!.LastLoginAt.Should().Be(loginAt);
    }

    [Fact]
    public async Task A_password_changed_while_the_password_is_checked_refuses_the_sign_in_through_the_one_transaction_write()
    {
        var race = new HashRace();
        await using var host = await TestHost.StartAsync(kit: kit => race.Wrap(kit.Services));
        host.GetRequiredService<ISignInWriter>().GetType().Name.Should().StartWith("EntityFrameworkSignInWriter");
        var (applicationId, userId, email) = await RegisteredAsync(host);
        var users = host.GetRequiredService<IUserStore>();
        race.AfterVerify = Changing(users, applicationId, userId,
            user => user.PasswordHash = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$changedchangedchangedchangedchangedchangedc");

        var (before, loginAt) = await BeforeLoginAsync(host, new SessionWriteRace(), applicationId, userId);
        var answer = await host.Client.LoginAsync(email);

        answer.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await answer.ProblemCodeAsync()).Should().Be("conflict");
        race.AfterVerify.Should().BeNull("the change ran while the password was checked");
        (await ActiveSessionsAsync(host, applicationId, userId)).Should().Equal(before, "the session made with the old password is revoked");
        var events = (await host.GetRequiredService<JwtAuthKit.Audit.IAuditStore>().QueryAsync(applicationId,
            new JwtAuthKit.Audit.AuditEventFilter(UserId: userId), JwtAuthKit.PageRequest.Create(1, 50).Value!, default)).Items;
        events.Should().Contain(e => e.Type == JwtAuthKit.Audit.AuditEventTypes.SignIn && e.CreatedAt >= loginAt, "the event went with the session");
        events.Should().Contain(e => e.Type == JwtAuthKit.Audit.AuditEventTypes.SignInFailed && e.Data["reason"] == "changed_concurrently",
            "the refusal is recorded after it");
        (await users.FindByIdAsync(applicationId, userId, default))!.LastLoginAt.Should().NotBe(loginAt, "the last login is written only on an unchanged user");
    }

    [Fact]
    public async Task Another_sign_in_while_the_password_is_checked_does_not_refuse_this_one_and_keeps_its_last_login()
    {
        var race = new HashRace();
        await using var host = await TestHost.StartAsync(kit: kit => race.Wrap(kit.Services));
        var (applicationId, userId, email) = await RegisteredAsync(host);
        var users = host.GetRequiredService<IUserStore>();
        var otherSignInAt = host.Time.GetUtcNow().AddSeconds(30);
        race.AfterVerify = async () =>
        {
            var user = (await users.FindByIdAsync(applicationId, userId, default))!;
            (await users.RecordSignInAsync(user, otherSignInAt, default)).Should().BeTrue();
        };

        var (before, _) = await BeforeLoginAsync(host, new SessionWriteRace(), applicationId, userId);
        var answer = await host.Client.LoginAsync(email);

        answer.StatusCode.Should().Be(HttpStatusCode.OK, "the stamp changed but nothing that was checked did");
        (await ActiveSessionsAsync(host, applicationId, userId)).Should().HaveCount(before.Count + 1);
        (await users.FindByIdAsync(applicationId, userId, default))!.LastLoginAt.Should().Be(otherSignInAt, "this sign-in's write did not land on the changed row");
    }

    /// <summary>An administrator's change of the user, saved with <see cref="IUserStore.UpdateAsync"/> (which gives a new stamp).</summary>
    private static Func<Task> Changing(IUserStore users, string applicationId, string userId, Action<User> change) => async () =>
    {
        var user = (await users.FindByIdAsync(applicationId, userId, default))!;
        change(user);
        (await users.UpdateAsync(user, default)).Should().BeTrue();
    };

    /// <summary>The sessions the registration left, and the sign-in's time (a minute on, so it differs from the registration's).</summary>
    private static async Task<(List<string> Before, DateTimeOffset LoginAt)> BeforeLoginAsync(TestHost host, SessionWriteRace race, string applicationId, string userId)
    {
        var before = await ActiveSessionsAsync(host, applicationId, userId);
        host.Time.Advance(TimeSpan.FromMinutes(1));
        race.Written = 0;
        return (before, host.Time.GetUtcNow());
    }

    private static async Task<List<string>> ActiveSessionsAsync(TestHost host, string applicationId, string userId) =>
        [.. (await host.GetRequiredService<ISessionStore>().ListActiveAsync(applicationId, userId, host.Time.GetUtcNow(), default)).Select(s => s.Id).Order()];

    private static async Task<(string ApplicationId, string UserId, string Email)> RegisteredAsync(TestHost host)
    {
        var email = Unique.Email();
        var registered = await (await host.Client.RegisterAsync(email)).JsonAsync();
        var applicationId = (await host.GetRequiredService<JwtAuthKit.Applications.IApplicationStore>().ListAsync(default)).Single().Id;
        return (applicationId, registered.GetProperty("user").GetProperty("id").GetString()!, email);
    }

    /// <summary>The real session store, except that after writing a session of a sign-in it runs <see cref="WhileWriting"/>.</summary>
    private sealed class SessionWriteRace
    {
        public Func<Task>? WhileWriting { get; set; }

        public int Written { get; set; }

        public void Wrap(IServiceCollection services)
        {
            var real = services.Last(d => d.ServiceType == typeof(ISessionStore));
            services.Replace(ServiceDescriptor.Singleton<ISessionStore>(sp =>
                new Racing((ISessionStore)ActivatorUtilities.CreateInstance(sp, real.ImplementationType!), this)));
        }

        private sealed class Racing(ISessionStore inner, SessionWriteRace race) : ISessionStore
        {
            public async Task CreateAsync(Session session, RefreshToken refreshToken, CancellationToken cancellationToken)
            {
                await inner.CreateAsync(session, refreshToken, cancellationToken);
                race.Written++;
                if (race.WhileWriting is { } change)
                {
                    race.WhileWriting = null;
                    await change();
                }
            }

            public Task<RefreshTokenMatch?> FindRefreshTokenAsync(string tokenHash, CancellationToken cancellationToken) =>
                inner.FindRefreshTokenAsync(tokenHash, cancellationToken);

            public Task<bool> TryRotateAsync(string consumedTokenId, DateTimeOffset consumedAt, byte[] sealedSuccessor, RefreshToken successor, CancellationToken cancellationToken) =>
                inner.TryRotateAsync(consumedTokenId, consumedAt, sealedSuccessor, successor, cancellationToken);

            public Task<Session?> FindAsync(string applicationId, string sessionId, CancellationToken cancellationToken) =>
                inner.FindAsync(applicationId, sessionId, cancellationToken);

            public Task<IReadOnlyList<Session>> ListActiveAsync(string applicationId, string userId, DateTimeOffset now, CancellationToken cancellationToken) =>
                inner.ListActiveAsync(applicationId, userId, now, cancellationToken);

            public Task<IReadOnlyList<string>> RevokeAsync(string applicationId, string userId, string? sessionId, string? exceptSessionId, string reason, DateTimeOffset now, CancellationToken cancellationToken) =>
                inner.RevokeAsync(applicationId, userId, sessionId, exceptSessionId, reason, now, cancellationToken);

            public Task<IReadOnlyList<RevokedSession>> ListRevokedSinceAsync(DateTimeOffset since, CancellationToken cancellationToken) =>
                inner.ListRevokedSinceAsync(since, cancellationToken);
        }
    }

    /// <summary>The real password hasher, except that after one verification it runs <see cref="AfterVerify"/>.</summary>
    private sealed class HashRace
    {
        public Func<Task>? AfterVerify { get; set; }

        public void Wrap(IServiceCollection services) =>
            services.Replace(ServiceDescriptor.Singleton<JwtAuthKit.Passwords.IPasswordHasher>(sp =>
                new Racing(sp.GetRequiredService<JwtAuthKit.Passwords.MigratingPasswordHasher>(), this)));

        private sealed class Racing(JwtAuthKit.Passwords.IPasswordHasher inner, HashRace race) : JwtAuthKit.Passwords.IPasswordHasher
        {
            public Task<string> HashAsync(string password, CancellationToken cancellationToken) => inner.HashAsync(password, cancellationToken);

            public async Task<JwtAuthKit.Passwords.PasswordVerificationResult> VerifyAsync(string hash, string password, CancellationToken cancellationToken)
            {
                var result = await inner.VerifyAsync(hash, password, cancellationToken);
                if (race.AfterVerify is { } change)
                {
                    race.AfterVerify = null;
                    await change();
                }

                return result;
            }
        }
    }
}
