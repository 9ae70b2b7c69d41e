using JwtAuthKit.Sessions;
using JwtAuthKit.Users;

namespace JwtAuthKit.Specification;

/// <summary>The contract of <see cref="ISessionStore"/>: one winner per rotation, revocations visible to every node.</summary>
/// <typeparam name="TFixture">The provider's fixture.</typeparam>
public abstract class SessionStoreSpecification<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : StoreFixture
{
    private ISessionStore Store => fixture.Get<ISessionStore>();

    [Fact]
    public async Task Of_concurrent_rotations_of_one_token_exactly_one_wins()
    {
        var (session, token) = await NewSessionAsync();
        var now = DateTimeOffset.UtcNow;

        var results = await Rows.AtOnceAsync(10, _ => Store.TryRotateAsync(token.Id, now, [1, 2, 3], Rows.Token(session.Id, now), default));

        results.Count(r => r).Should().Be(1);
        var consumed = (await Store.FindRefreshTokenAsync(token.TokenHash, default))!;
        consumed.Token.ConsumedAt.Should().NotBeNull();
        consumed.Token.SealedSuccessor.Should().Equal(1, 2, 3);
    }

    [Fact]
    public async Task A_rotated_token_is_not_rotated_again_and_its_successor_is_found()
    {
        var (session, token) = await NewSessionAsync();
        var now = DateTimeOffset.UtcNow;
        var successor = Rows.Token(session.Id, now);
        (await Store.TryRotateAsync(token.Id, now, [9], successor, default)).Should().BeTrue();

        var again = await Store.TryRotateAsync(token.Id, now.AddSeconds(1), [8], Rows.Token(session.Id, now), default);

        again.Should().BeFalse();
        var found = (await Store.FindRefreshTokenAsync(successor.TokenHash, default))!;
        found.Session.Id.Should().Be(session.Id);
        found.Token.ConsumedAt.Should().BeNull();
    }

    [Fact]
    public async Task Concurrent_rotations_of_many_sessions_each_win_once_and_store_their_successor_and_last_use()
    {
        var chains = new List<(Session Session, RefreshToken Token)>();
        for (var i = 0; i < 24; i++)
        {
            chains.Add(await NewSessionAsync());
        }

        var now = DateTimeOffset.UtcNow.AddMinutes(1);
        var successors = chains.Select(c => Rows.Token(c.Session.Id, now)).ToArray();

        // Each token presented twice at once: 48 rotations racing, two per token (and, on SQLite, in shared batches).
        var results = await Rows.AtOnceAsync(48, i => Store.TryRotateAsync(chains[i % 24].Token.Id, now, [(byte)(i % 24)], successors[i % 24], default));

        for (var c = 0; c < 24; c++)
        {
            (results[c] ^ results[c + 24]).Should().BeTrue($"exactly one of the two rotations of token {c} wins");
            var consumed = (await Store.FindRefreshTokenAsync(chains[c].Token.TokenHash, default))!;
            consumed.Token.SealedSuccessor.Should().Equal((byte)c);
            var next = (await Store.FindRefreshTokenAsync(successors[c].TokenHash, default))!;
            next.Token.ConsumedAt.Should().BeNull();
            next.Session.LastUsedAt.ToUnixTimeMilliseconds().Should().Be(now.ToUnixTimeMilliseconds());
        }
    }

    [Fact]
    public async Task A_rotation_that_cannot_be_stored_fails_alone_and_leaves_its_token_unconsumed()
    {
        var good = await NewSessionAsync();
        var bad = await NewSessionAsync();
        var now = DateTimeOffset.UtcNow;
        var clash = Rows.Token(bad.Session.Id, now);
        // The successor reuses the id of an existing token: the insert violates the primary key.
        var broken = new RefreshToken { Id = good.Token.Id, SessionId = bad.Session.Id, TokenHash = clash.TokenHash, CreatedAt = now, ExpiresAt = clash.ExpiresAt };
        var goodSuccessor = Rows.Token(good.Session.Id, now);

        var rotations = new[]
        {
            Store.TryRotateAsync(bad.Token.Id, now, [1], broken, default),
            Store.TryRotateAsync(good.Token.Id, now, [2], goodSuccessor, default),
        };
        var failed = async () => await rotations[0];

        await failed.Should().ThrowAsync<Exception>();
        (await rotations[1]).Should().BeTrue("a rotation beside a broken one is not failed with it");
        (await Store.FindRefreshTokenAsync(bad.Token.TokenHash, default))!.Token.ConsumedAt.Should().BeNull("a failed rotation writes nothing");
        (await Store.FindRefreshTokenAsync(goodSuccessor.TokenHash, default)).Should().NotBeNull();
    }

    [Fact]
    public async Task Revocation_ends_the_chosen_sessions_once_and_is_listed_since_its_time()
    {
        var user = Rows.User(fixture.Application.Id, $"rev-{Ids.Tag()}@example.com");
        (await fixture.Get<IUserStore>().CreateAsync(user, default)).Should().BeTrue();
        var now = DateTimeOffset.UtcNow;
        var kept = Rows.Session(fixture.Application.Id, user.Id, now);
        var ended = Rows.Session(fixture.Application.Id, user.Id, now);
        await Store.CreateAsync(kept.Session, kept.Token, default);
        await Store.CreateAsync(ended.Session, ended.Token, default);

        var revoked = await Store.RevokeAsync(fixture.Application.Id, user.Id, null, kept.Session.Id, "signed_out", now, default);
        var twice = await Store.RevokeAsync(fixture.Application.Id, user.Id, ended.Session.Id, null, "signed_out", now, default);

        revoked.Should().Equal(ended.Session.Id);
        twice.Should().BeEmpty();
        (await Store.ListActiveAsync(fixture.Application.Id, user.Id, now, default)).Select(s => s.Id).Should().Equal(kept.Session.Id);
        (await Store.ListRevokedSinceAsync(now.AddSeconds(-1), default)).Select(r => r.SessionId).Should().Contain(ended.Session.Id);
        (await Store.FindAsync(fixture.Application.Id, ended.Session.Id, default))!.RevokedReason.Should().Be("signed_out");
    }

    [Fact]
    public async Task Times_come_back_as_the_same_instant_in_utc()
    {
        var (session, _) = await NewSessionAsync();

        var found = (await Store.FindAsync(fixture.Application.Id, session.Id, default))!;

        found.CreatedAt.Offset.Should().Be(TimeSpan.Zero);
        found.CreatedAt.ToUnixTimeMilliseconds().Should().Be(session.CreatedAt.ToUnixTimeMilliseconds());
        found.ExpiresAt.ToUnixTimeMilliseconds().Should().Be(session.ExpiresAt.ToUnixTimeMilliseconds());
    }

    private async Task<(Session Session, RefreshToken Token)> NewSessionAsync()
    {
        var user = Rows.User(fixture.Application.Id, $"s-{Ids.Tag()}@example.com");
        (await fixture.Get<IUserStore>().CreateAsync(user, default)).Should().BeTrue();
        var created = Rows.Session(fixture.Application.Id, user.Id, DateTimeOffset.UtcNow);
        await Store.CreateAsync(created.Session, created.Token, default);
        return created;
    }
}
