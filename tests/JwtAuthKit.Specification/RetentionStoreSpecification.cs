using JwtAuthKit.Audit;
using JwtAuthKit.Maintenance;
using JwtAuthKit.Sessions;
using JwtAuthKit.Throttling;
using JwtAuthKit.Users;

namespace JwtAuthKit.Specification;

/// <summary>
/// The contract of <see cref="IRetentionStore"/>: a batch deletes at most its size, only rows before the cut-off, and
/// batches run by several nodes at once delete each row once.
/// </summary>
/// <typeparam name="TFixture">The provider's fixture.</typeparam>
public abstract class RetentionStoreSpecification<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : StoreFixture
{
    private IRetentionStore Store => fixture.Get<IRetentionStore>();

    [Fact]
    public async Task A_batch_deletes_at_most_its_size_and_only_rows_before_the_cut_off()
    {
        // Far in the past, so no other test's events are in the window.
        var old = DateTimeOffset.UtcNow.AddYears(-20);
        for (var i = 0; i < 5; i++)
        {
            await fixture.Get<IAuditStore>().AddAsync(Event(old.AddMinutes(i)), default);
        }

        var kept = Event(old.AddDays(1));
        await fixture.Get<IAuditStore>().AddAsync(kept, default);

        var batches = new List<int>();
        int batch;
        do
        {
            batch = await Store.DeleteBatchAsync(ExpiredRecords.AuditEvents, old.AddHours(1), 2, default);
            batches.Add(batch);
        }
        while (batch == 2);

        batches.Should().Equal(2, 2, 1);
        var left = await fixture.Get<IAuditStore>().QueryAsync(fixture.Application.Id, new AuditEventFilter(), JwtAuthKit.PageRequest.Create(1, 100).Value, default);
        left.Items.Select(e => e.Id).Should().Contain(kept.Id);
        left.Items.Should().NotContain(e => e.CreatedAt < old.AddHours(1));
    }

    [Fact]
    public async Task Batches_run_at_once_by_several_nodes_delete_each_row_once()
    {
        var old = DateTimeOffset.UtcNow.AddYears(-30);
        var counters = fixture.Get<IAttemptCounterStore>();
        for (var i = 0; i < 12; i++)
        {
            await counters.IncrementAsync(fixture.Application.Id, Ids.Hash(), old.AddSeconds(i), default);
        }

        var deleted = await Rows.AtOnceAsync(4, async _ =>
        {
            var total = 0;
            int batch;
            do
            {
                batch = await Store.DeleteBatchAsync(ExpiredRecords.AttemptCounters, old.AddHours(1), 3, default);
                total += batch;
            }
            while (batch >= 3);

            return total;
        });

        deleted.Sum().Should().Be(12);
        (await Store.DeleteBatchAsync(ExpiredRecords.AttemptCounters, old.AddHours(1), 3, default)).Should().Be(0);
    }

    [Fact]
    public async Task Deleting_an_ended_session_deletes_its_refresh_tokens_and_keeps_live_ones()
    {
        var now = DateTimeOffset.UtcNow;
        var user = Rows.User(fixture.Application.Id, $"retention.{Ids.New()}@example.com");
        (await fixture.Get<IUserStore>().CreateAsync(user, default)).Should().BeTrue();
        var sessions = fixture.Get<ISessionStore>();
        var (ended, endedToken) = Rows.Session(fixture.Application.Id, user.Id, now.AddYears(-40));
        var (live, liveToken) = Rows.Session(fixture.Application.Id, user.Id, now);
        await sessions.CreateAsync(ended, endedToken, default);
        await sessions.CreateAsync(live, liveToken, default);

        var deleted = await Store.DeleteBatchAsync(ExpiredRecords.Sessions, now.AddYears(-39), 1000, default);

        deleted.Should().Be(1);
        (await sessions.FindRefreshTokenAsync(endedToken.TokenHash, default)).Should().BeNull();
        (await sessions.FindRefreshTokenAsync(liveToken.TokenHash, default)).Should().NotBeNull();
    }

    private AuditEvent Event(DateTimeOffset at) => new()
    {
        Id = Ids.New(), ApplicationId = fixture.Application.Id, Type = AuditEventTypes.SignIn, CreatedAt = at,
    };
}
