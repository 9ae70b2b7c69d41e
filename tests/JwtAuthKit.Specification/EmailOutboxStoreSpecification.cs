using JwtAuthKit.Email;

namespace JwtAuthKit.Specification;

/// <summary>The contract of <see cref="IEmailOutboxStore"/>: a due message goes to exactly one claimer, and back after its lock.</summary>
/// <typeparam name="TFixture">The provider's fixture.</typeparam>
public abstract class EmailOutboxStoreSpecification<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : StoreFixture
{
    private IEmailOutboxStore Store => fixture.Get<IEmailOutboxStore>();

    [Fact]
    public async Task Concurrent_claims_never_hand_one_message_to_two_claimers()
    {
        var now = DateTimeOffset.UtcNow.AddYears(1); // later than any other test's messages in this database
        var added = new HashSet<string>();
        for (var i = 0; i < 30; i++)
        {
            var message = Rows.Message(fixture.Application.Id, $"claim{i}@example.com", now);
            await Store.AddAsync(message, default);
            added.Add(message.Id);
        }

        var claimed = new List<string>();
        for (var round = 0; round < 10 && claimed.Count < added.Count; round++)
        {
            var batches = await Rows.AtOnceAsync(5, _ => Store.ClaimDueAsync(now, now.AddMinutes(5), 10, default));
            claimed.AddRange(batches.SelectMany(b => b).Select(m => m.Id).Where(added.Contains));
        }

        claimed.Should().OnlyHaveUniqueItems("a claimed message is locked for its claimer alone");
        claimed.Should().BeEquivalentTo(added, "every due message is claimed in the end");
    }

    [Fact]
    public async Task A_claimed_message_is_due_again_only_after_its_lock_and_not_after_it_was_sent()
    {
        var now = DateTimeOffset.UtcNow.AddYears(2);
        var message = Rows.Message(fixture.Application.Id, "lock@example.com", now);
        await Store.AddAsync(message, default);
        (await Store.ClaimDueAsync(now, now.AddMinutes(1), 100, default)).Select(m => m.Id).Should().Contain(message.Id);

        var whileLocked = await Store.ClaimDueAsync(now.AddSeconds(30), now.AddMinutes(2), 100, default);
        var afterLock = await Store.ClaimDueAsync(now.AddMinutes(2), now.AddMinutes(3), 100, default);
        var claimedAgain = afterLock.Single(m => m.Id == message.Id);
        claimedAgain.Status = EmailStatus.Sent;
        claimedAgain.SentAt = now.AddMinutes(2);
        await Store.SaveAttemptAsync(claimedAgain, default);
        var afterSent = await Store.ClaimDueAsync(now.AddHours(1), now.AddHours(2), 100, default);

        whileLocked.Select(m => m.Id).Should().NotContain(message.Id);
        afterSent.Select(m => m.Id).Should().NotContain(message.Id);
        (await Store.FindAsync(message.Id, default))!.Status.Should().Be(EmailStatus.Sent);
    }

    [Fact]
    public async Task Recent_messages_are_counted_per_recipient_and_kind()
    {
        var now = DateTimeOffset.UtcNow;
        var to = $"count-{Ids.Tag()}@example.com";
        await Store.AddAsync(Rows.Message(fixture.Application.Id, to, now.AddMinutes(-10)), default);
        await Store.AddAsync(Rows.Message(fixture.Application.Id, to, now), default);

        (await Store.CountRecentAsync(fixture.Application.Id, to, "verify_email", now.AddMinutes(-5), default)).Should().Be(1);
        (await Store.HasRecentAsync(fixture.Application.Id, to, "reset_password", now.AddHours(-1), default)).Should().BeFalse();
    }
}
