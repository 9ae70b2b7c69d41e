using JwtAuthKit.Throttling;

namespace JwtAuthKit.Specification;

/// <summary>The contract of <see cref="IAttemptCounterStore"/>: concurrent failures are all counted, from any node.</summary>
/// <typeparam name="TFixture">The provider's fixture.</typeparam>
public abstract class AttemptCounterStoreSpecification<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : StoreFixture
{
    private IAttemptCounterStore Store => fixture.Get<IAttemptCounterStore>();

    [Fact]
    public async Task Concurrent_increments_of_a_new_counter_are_all_counted()
    {
        var key = Ids.New();
        var now = DateTimeOffset.UtcNow;

        await Rows.AtOnceAsync(20, async _ =>
        {
            await Store.IncrementAsync(fixture.Application.Id, key, now, default);
            return true;
        });

        (await Store.FindAsync(fixture.Application.Id, key, default))!.Failures.Should().Be(20);
    }

    [Fact]
    public async Task Delete_forgets_one_counter_and_old_counters_are_cleaned_up()
    {
        var now = DateTimeOffset.UtcNow;
        var (old, recent, reset) = (Ids.New(), Ids.New(), Ids.New());
        await Store.IncrementAsync(fixture.Application.Id, old, now.AddDays(-2), default);
        await Store.IncrementAsync(fixture.Application.Id, recent, now, default);
        await Store.IncrementAsync(fixture.Application.Id, reset, now, default);

        await Store.DeleteAsync(fixture.Application.Id, reset, default);
        var removed = await Store.DeleteOlderThanAsync(now.AddDays(-1), default);

        removed.Should().BeGreaterThanOrEqualTo(1);
        (await Store.FindAsync(fixture.Application.Id, old, default)).Should().BeNull();
        (await Store.FindAsync(fixture.Application.Id, reset, default)).Should().BeNull();
        (await Store.FindAsync(fixture.Application.Id, recent, default))!.LastFailureAt.ToUnixTimeMilliseconds().Should().Be(now.ToUnixTimeMilliseconds());
    }
}
