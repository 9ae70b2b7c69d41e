using JwtAuthKit.Audit;
using JwtAuthKit.Sessions;
using JwtAuthKit.Users;

namespace JwtAuthKit.Specification;

/// <summary>
/// The contract of <see cref="ISignInWriter"/>: the session, its refresh token and the audit event always written
/// together, the last login only on an unchanged user, and nothing at all when any part fails.
/// </summary>
/// <typeparam name="TFixture">The provider's fixture.</typeparam>
public abstract class SignInWriterSpecification<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : StoreFixture
{
    private ISignInWriter Writer => fixture.Get<ISignInWriter>();

    private IUserStore Users => fixture.Get<IUserStore>();

    private ISessionStore Sessions => fixture.Get<ISessionStore>();

    private string AppId => fixture.Application.Id;

    [Fact]
    public async Task An_unchanged_user_gets_the_session_the_event_and_its_last_login_and_nothing_else_of_the_copy()
    {
        var (user, copy) = await UserAsync("Kept Name");
        var readStamp = copy.ConcurrencyStamp;
        var at = DateTimeOffset.UtcNow.AddMinutes(5);
        var (session, token) = Rows.Session(AppId, user.Id, at);
        var signedIn = Event(user.Id, at);
        copy.Email = "changed-only-in-memory@example.com";

        var recorded = await Writer.WriteAsync(session, token, signedIn, copy, at, default);

        recorded.Should().BeTrue();
        var stored = (await Users.FindByIdAsync(AppId, user.Id, default))!;
        stored.LastLoginAt.Should().BeCloseTo(at, TimeSpan.FromMilliseconds(1));
        stored.UpdatedAt.Should().BeCloseTo(at, TimeSpan.FromMilliseconds(1));
        stored.ConcurrencyStamp.Should().NotBe(readStamp).And.Be(copy.ConcurrencyStamp, "the caller's copy carries the new stamp");
        stored.Email.Should().Be(user.Email, "only the sign-in's columns are written");
        stored.Name.Should().Be("Kept Name");
        copy.LastLoginAt.Should().Be(at);
        (await Sessions.FindRefreshTokenAsync(token.TokenHash, default))!.Session.Id.Should().Be(session.Id);
        (await EventsAsync(user.Id)).Should().ContainSingle(e => e.Id == signedIn.Id).Which.Data.Should().Contain("method", "password");
        var byName = await Users.SearchAsync(AppId, "kept name", PageRequest.Create(1, 10).Value!, default);
        byName.Items.Should().ContainSingle(u => u.Id == user.Id, "the name's search column is left as it was");
    }

    [Fact]
    public async Task A_user_changed_since_it_was_read_gets_the_session_and_the_event_but_not_the_last_login()
    {
        var (user, copy) = await UserAsync(null);
        var readStamp = copy.ConcurrencyStamp;
        var meanwhile = (await Users.FindByIdAsync(AppId, user.Id, default))!;
        meanwhile.Name = "Renamed meanwhile";
        (await Users.UpdateAsync(meanwhile, default)).Should().BeTrue();
        var at = DateTimeOffset.UtcNow.AddMinutes(5);
        var (session, token) = Rows.Session(AppId, user.Id, at);
        var signedIn = Event(user.Id, at);

        var recorded = await Writer.WriteAsync(session, token, signedIn, copy, at, default);

        recorded.Should().BeFalse("the stored user's stamp is not the one read");
        copy.ConcurrencyStamp.Should().Be(readStamp, "the caller's copy is left as it was");
        copy.LastLoginAt.Should().BeNull();
        var stored = (await Users.FindByIdAsync(AppId, user.Id, default))!;
        stored.LastLoginAt.Should().BeNull();
        stored.Name.Should().Be("Renamed meanwhile");
        stored.ConcurrencyStamp.Should().Be(meanwhile.ConcurrencyStamp);
        (await Sessions.FindAsync(AppId, session.Id, default)).Should().NotBeNull("the caller decides what becomes of the session");
        (await EventsAsync(user.Id)).Should().Contain(e => e.Id == signedIn.Id);
    }

    [Fact]
    public async Task When_a_part_cannot_be_written_nothing_is()
    {
        var (user, copy) = await UserAsync(null);
        var at = DateTimeOffset.UtcNow.AddMinutes(5);
        var (first, firstToken) = Rows.Session(AppId, user.Id, at);
        (await Writer.WriteAsync(first, firstToken, Event(user.Id, at), copy, at, default)).Should().BeTrue();
        var before = (await Users.FindByIdAsync(AppId, user.Id, default))!;
        var (second, _) = Rows.Session(AppId, user.Id, at.AddMinutes(1));
        var fresh = Rows.Token(second.Id, at.AddMinutes(1));
        var duplicateToken = new RefreshToken // refresh-token hashes are unique: this insert fails
        {
            Id = fresh.Id, SessionId = second.Id, TokenHash = firstToken.TokenHash, CreatedAt = fresh.CreatedAt, ExpiresAt = fresh.ExpiresAt,
        };
        var signedIn = Event(user.Id, at.AddMinutes(1));

        var write = () => Writer.WriteAsync(second, duplicateToken, signedIn, before, at.AddMinutes(1), default);

        await write.Should().ThrowAsync<Exception>();
        (await Sessions.FindAsync(AppId, second.Id, default)).Should().BeNull("the session went with the token that failed");
        (await EventsAsync(user.Id)).Should().NotContain(e => e.Id == signedIn.Id);
        var after = (await Users.FindByIdAsync(AppId, user.Id, default))!;
        after.ConcurrencyStamp.Should().Be(before.ConcurrencyStamp, "the last login was not written either");
        after.LastLoginAt.Should().Be(before.LastLoginAt);
    }

    private async Task<(User Stored, User Copy)> UserAsync(string? name)
    {
        var user = Rows.User(AppId, $"writer-{Ids.Tag()}@example.com", name);
        (await Users.CreateAsync(user, default)).Should().BeTrue();
        return (user, (await Users.FindByIdAsync(AppId, user.Id, default))!);
    }

    private AuditEvent Event(string userId, DateTimeOffset at) => new()
    {
        Id = Ids.New(), ApplicationId = AppId, Type = AuditEventTypes.SignIn, UserId = userId, Actor = "user:" + userId,
        IpAddress = "192.0.2.7", UserAgent = "spec", Data = new Dictionary<string, string> { ["method"] = "password" }, CreatedAt = at,
    };

    private async Task<IReadOnlyList<AuditEvent>> EventsAsync(string userId) =>
        (await fixture.Get<IAuditStore>().QueryAsync(AppId, new AuditEventFilter(UserId: userId), PageRequest.Create(1, 50).Value!, default)).Items;
}
