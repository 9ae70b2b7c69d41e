using JwtAuthKit.Mfa;
using JwtAuthKit.Users;

namespace JwtAuthKit.Specification;

/// <summary>The contract of <see cref="IMfaChallengeStore"/>: a bounded number of attempts and a single completion.</summary>
/// <typeparam name="TFixture">The provider's fixture.</typeparam>
public abstract class MfaChallengeStoreSpecification<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : StoreFixture
{
    private IMfaChallengeStore Store => fixture.Get<IMfaChallengeStore>();

    [Fact]
    public async Task Concurrent_attempts_take_no_more_than_the_allowance_and_one_completion_wins()
    {
        var now = DateTimeOffset.UtcNow;
        var challenge = await NewChallengeAsync(now);

        var attempts = await Rows.AtOnceAsync(15, _ => Store.TryTakeAttemptAsync(challenge.Id, 5, now, default));
        var completions = await Rows.AtOnceAsync(6, _ => Store.TryConsumeAsync(challenge.Id, now, default));

        attempts.Count(a => a).Should().Be(5);
        completions.Count(c => c).Should().Be(1);
        var stored = (await Store.FindByTokenHashAsync(challenge.TokenHash, default))!;
        stored.Attempts.Should().Be(5);
        stored.ConsumedAt.Should().NotBeNull();
    }

    [Fact]
    public async Task An_expired_challenge_takes_no_attempt()
    {
        var now = DateTimeOffset.UtcNow;
        var challenge = await NewChallengeAsync(now);

        (await Store.TryTakeAttemptAsync(challenge.Id, 5, challenge.ExpiresAt.AddSeconds(1), default)).Should().BeFalse();
    }

    private async Task<MfaChallenge> NewChallengeAsync(DateTimeOffset now)
    {
        var user = Rows.User(fixture.Application.Id, $"mfa-{Ids.Tag()}@example.com");
        (await fixture.Get<IUserStore>().CreateAsync(user, default)).Should().BeTrue();
        var challenge = new MfaChallenge
        {
            Id = Ids.New(), ApplicationId = fixture.Application.Id, UserId = user.Id, TokenHash = Ids.Hash(),
            AuthenticationMethods = "pwd", CreatedAt = now, ExpiresAt = now.AddMinutes(5),
        };
        await Store.CreateAsync(challenge, default);
        return challenge;
    }
}
