using JwtAuthKit.Maintenance;

namespace JwtAuthKit.Specification;

/// <summary>
/// The contract of <see cref="IJobLeaseStore"/>: of nodes asking for a free lease at once, exactly one gets it, whether
/// the lease is new or has expired; a held lease is refused.
/// </summary>
/// <typeparam name="TFixture">The provider's fixture.</typeparam>
public abstract class JobLeaseStoreSpecification<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : StoreFixture
{
    private IJobLeaseStore Store => fixture.Get<IJobLeaseStore>();

    [Fact]
    public async Task Of_concurrent_callers_exactly_one_takes_a_new_lease_and_then_an_expired_one()
    {
        var job = "spec-" + Ids.New()[..16];
        var now = DateTimeOffset.UtcNow;

        var first = await Rows.AtOnceAsync(10, i => Store.TryAcquireAsync(job, $"node-{i}", now, now.AddMinutes(50), default));
        var whileHeld = await Store.TryAcquireAsync(job, "late", now.AddMinutes(49), now.AddMinutes(99), default);
        var later = await Rows.AtOnceAsync(10, i => Store.TryAcquireAsync(job, $"node-{i}", now.AddMinutes(60), now.AddMinutes(110), default));

        first.Count(won => won).Should().Be(1, "the first insert wins; the others lose on the primary key");
        whileHeld.Should().BeFalse();
        later.Count(won => won).Should().Be(1, "the conditional update of the expired lease lets one through");
    }

    [Fact]
    public async Task Leases_of_different_jobs_are_independent()
    {
        var now = DateTimeOffset.UtcNow;

        (await Store.TryAcquireAsync("spec-a-" + Ids.New()[..16], "node", now, now.AddMinutes(50), default)).Should().BeTrue();
        (await Store.TryAcquireAsync("spec-b-" + Ids.New()[..16], "node", now, now.AddMinutes(50), default)).Should().BeTrue();
    }
}
