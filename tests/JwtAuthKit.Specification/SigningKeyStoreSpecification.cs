using JwtAuthKit.Tokens;

namespace JwtAuthKit.Specification;

/// <summary>
/// The contract of <see cref="ISigningKeyStore"/>: of several nodes scheduling one rotation, exactly one wins; a key made
/// ahead of its activation keeps that time; a key is listed until it expires.
/// </summary>
/// <typeparam name="TFixture">The provider's fixture.</typeparam>
public abstract class SigningKeyStoreSpecification<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : StoreFixture
{
    private ISigningKeyStore Store => fixture.Get<ISigningKeyStore>();

    [Fact]
    public async Task Of_concurrent_retirements_of_one_key_exactly_one_wins()
    {
        var now = DateTimeOffset.UtcNow;
        var key = Key(now, activatesAt: null);
        await Store.AddAsync(key, default);

        var results = await Rows.AtOnceAsync(10, i => Store.TryScheduleRetirementAsync(key.Id, now.AddDays(1).AddMinutes(i), now.AddDays(2), default));

        results.Count(won => won).Should().Be(1);
        var stored = (await Store.ListUnexpiredAsync(now, default)).Single(k => k.Id == key.Id);
        stored.RetiredAt.Should().NotBeNull();
        stored.ExpiresAt!.Value.ToUnixTimeMilliseconds().Should().Be(now.AddDays(2).ToUnixTimeMilliseconds());
        (await Store.TryScheduleRetirementAsync(key.Id, now, now, default)).Should().BeFalse("a retirement, once set, is not moved");
        (await Store.ListUnexpiredAsync(now.AddDays(3), default)).Should().NotContain(k => k.Id == key.Id, "an expired key is no longer listed");
    }

    [Fact]
    public async Task A_key_made_ahead_keeps_its_activation_time_and_a_key_that_signs_at_once_has_none()
    {
        var now = DateTimeOffset.UtcNow;
        var ahead = Key(now, activatesAt: now.AddDays(2));
        var atOnce = Key(now, activatesAt: null);
        await Store.AddAsync(ahead, default);
        await Store.AddAsync(atOnce, default);

        var listed = await Store.ListUnexpiredAsync(now, default);

        listed.Single(k => k.Id == ahead.Id).ActivatesAt!.Value.ToUnixTimeMilliseconds().Should().Be(now.AddDays(2).ToUnixTimeMilliseconds());
        listed.Single(k => k.Id == atOnce.Id).ActivatesAt.Should().BeNull();
    }

    private static SigningKey Key(DateTimeOffset now, DateTimeOffset? activatesAt) => new()
    {
        Id = Ids.Tag(), Algorithm = "ES256", ProtectedKey = "protected", CreatedAt = now, ActivatesAt = activatesAt,
    };
}
