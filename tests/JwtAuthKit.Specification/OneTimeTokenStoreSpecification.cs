using JwtAuthKit.OneTimeTokens;

namespace JwtAuthKit.Specification;

/// <summary>The contract of <see cref="IOneTimeTokenStore"/>: a token is used once, and its attempts are counted exactly.</summary>
/// <typeparam name="TFixture">The provider's fixture.</typeparam>
public abstract class OneTimeTokenStoreSpecification<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : StoreFixture
{
    private IOneTimeTokenStore Store => fixture.Get<IOneTimeTokenStore>();

    [Fact]
    public async Task Of_concurrent_uses_of_one_token_exactly_one_succeeds()
    {
        var now = DateTimeOffset.UtcNow;
        var token = await NewTokenAsync(now);

        var results = await Rows.AtOnceAsync(10, _ => Store.TryConsumeAsync(token.Id, now, default));

        results.Count(r => r).Should().Be(1);
        (await Store.FindBySecretHashAsync(token.SecretHash, default))!.ConsumedAt.Should().NotBeNull();
    }

    [Fact]
    public async Task An_expired_token_cannot_be_used()
    {
        var now = DateTimeOffset.UtcNow;
        var token = await NewTokenAsync(now);

        (await Store.TryConsumeAsync(token.Id, token.ExpiresAt.AddSeconds(1), default)).Should().BeFalse();
    }

    [Fact]
    public async Task Concurrent_attempts_take_no_more_than_the_allowance()
    {
        var now = DateTimeOffset.UtcNow;
        var token = await NewTokenAsync(now);

        var results = await Rows.AtOnceAsync(12, _ => Store.TryTakeAttemptAsync(token.Id, 5, now, default));

        results.Count(r => r).Should().Be(5);
        (await Store.FindBySecretHashAsync(token.SecretHash, default))!.FailedAttempts.Should().Be(5);
    }

    [Fact]
    public async Task A_new_token_of_a_purpose_ends_the_older_one()
    {
        var now = DateTimeOffset.UtcNow;
        var email = $"newest-{Ids.Tag()}@example.com";
        var older = Rows.OneTimeToken(fixture.Application.Id, email, now);
        var newer = Rows.OneTimeToken(fixture.Application.Id, email, now.AddSeconds(1));
        await Store.CreateWithMessageAsync(older, Rows.Message(fixture.Application.Id, email, now), default);
        await Store.CreateWithMessageAsync(newer, Rows.Message(fixture.Application.Id, email, now), default);

        (await Store.TryConsumeAsync(older.Id, now.AddSeconds(2), default)).Should().BeFalse();
        (await Store.TryConsumeAsync(newer.Id, now.AddSeconds(2), default)).Should().BeTrue();
    }

    private async Task<OneTimeToken> NewTokenAsync(DateTimeOffset now)
    {
        var email = $"ott-{Ids.Tag()}@example.com";
        var token = Rows.OneTimeToken(fixture.Application.Id, email, now);
        await Store.CreateWithMessageAsync(token, Rows.Message(fixture.Application.Id, email, now), default);
        return token;
    }
}
