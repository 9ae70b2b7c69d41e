using JwtAuthKit.Users;

namespace JwtAuthKit.Specification;

/// <summary>The contract of <see cref="IUserStore"/>: unique addresses per application, refused stale updates, search and paging.</summary>
/// <typeparam name="TFixture">The provider's fixture.</typeparam>
public abstract class UserStoreSpecification<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : StoreFixture
{
    private IUserStore Store => fixture.Get<IUserStore>();

    private string AppId => fixture.Application.Id;

    [Fact]
    public async Task Create_answers_false_for_an_address_taken_in_another_case()
    {
        var local = "dup-" + Ids.Tag();
        (await Store.CreateAsync(Rows.User(AppId, $"{local}@example.com"), default)).Should().BeTrue();

        var again = await Store.CreateAsync(Rows.User(AppId, $"{local.ToUpperInvariant()}@EXAMPLE.com"), default);

        again.Should().BeFalse("addresses are unique per application whatever their case");
        (await Store.FindByEmailAsync(AppId, EmailAddress.Normalize($"{local.ToUpperInvariant()}@Example.Com"), default)).Should().NotBeNull();
    }

    [Fact]
    public async Task Concurrent_creates_of_one_address_have_exactly_one_winner()
    {
        var email = $"race-{Ids.Tag()}@example.com";

        var results = await Rows.AtOnceAsync(8, i => Store.CreateAsync(Rows.User(AppId, i % 2 == 0 ? email : email.ToUpperInvariant()), default));

        results.Count(r => r).Should().Be(1);
    }

    [Fact]
    public async Task Update_from_a_stale_copy_is_refused_and_leaves_the_winner_in_place()
    {
        var user = Rows.User(AppId, $"stale-{Ids.Tag()}@example.com", "Before");
        (await Store.CreateAsync(user, default)).Should().BeTrue();
        var first = (await Store.FindByIdAsync(AppId, user.Id, default))!;
        var second = (await Store.FindByIdAsync(AppId, user.Id, default))!;

        first.Name = "First";
        (await Store.UpdateAsync(first, default)).Should().BeTrue();
        second.Name = "Second";
        var stale = await Store.UpdateAsync(second, default);

        stale.Should().BeFalse();
        (await Store.FindByIdAsync(AppId, user.Id, default))!.Name.Should().Be("First");
    }

    [Fact]
    public async Task Recording_a_sign_in_sets_only_its_times_and_a_new_stamp_and_refuses_a_stale_copy()
    {
        var user = Rows.User(AppId, $"signin-{Ids.Tag()}@example.com", "Kept");
        (await Store.CreateAsync(user, default)).Should().BeTrue();
        var copy = (await Store.FindByIdAsync(AppId, user.Id, default))!;
        var stale = (await Store.FindByIdAsync(AppId, user.Id, default))!;
        var at = DateTimeOffset.UtcNow.AddMinutes(5);
        var readStamp = copy.ConcurrencyStamp;
        copy.Name = "changed only in memory";

        (await Store.RecordSignInAsync(copy, at, default)).Should().BeTrue();
        var stored = (await Store.FindByIdAsync(AppId, user.Id, default))!;
        stale.Name = "Stale";
        var refused = await Store.RecordSignInAsync(stale, at.AddMinutes(1), default);

        stored.LastLoginAt.Should().BeCloseTo(at, TimeSpan.FromMilliseconds(1));
        stored.UpdatedAt.Should().BeCloseTo(at, TimeSpan.FromMilliseconds(1));
        stored.ConcurrencyStamp.Should().NotBe(readStamp).And.Be(copy.ConcurrencyStamp, "the caller's copy carries the new stamp");
        stored.Name.Should().Be("Kept", "a sign-in writes its own columns, nothing else of the copy");
        refused.Should().BeFalse("the stored user changed since that copy was read");
        stale.ConcurrencyStamp.Should().Be(readStamp, "a refused copy is left as it was");
        stale.LastLoginAt.Should().BeNull();
        (await Store.FindByIdAsync(AppId, user.Id, default))!.LastLoginAt.Should().BeCloseTo(at, TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public async Task Search_matches_part_of_an_address_or_a_name_in_any_case_and_pages_newest_first()
    {
        var tag = "srch" + Ids.Tag();
        var start = DateTimeOffset.UtcNow.AddMinutes(-30);
        for (var i = 0; i < 25; i++)
        {
            var user = Rows.User(AppId, $"{tag}-{i:D2}@example.com", i == 3 ? "Zed Q. " + tag.ToUpperInvariant() : null, start.AddSeconds(i));
            (await Store.CreateAsync(user, default)).Should().BeTrue();
        }

        var first = await Store.SearchAsync(AppId, tag.ToUpperInvariant(), PageRequest.Create(1, 10).Value!, default);
        var third = await Store.SearchAsync(AppId, tag, PageRequest.Create(3, 10).Value!, default);
        var byName = await Store.SearchAsync(AppId, "zed q. " + tag, PageRequest.First, default);

        first.Total.Should().Be(25);
        first.Items.Select(u => u.Email).Should().Equal(Enumerable.Range(15, 10).Reverse().Select(i => $"{tag}-{i:D2}@example.com"));
        third.Items.Select(u => u.Email).Should().Equal(Enumerable.Range(0, 5).Reverse().Select(i => $"{tag}-{i:D2}@example.com"));
        byName.Items.Should().ContainSingle().Which.Email.Should().Be($"{tag}-03@example.com");
    }

    [Fact]
    public async Task Users_created_in_the_same_instant_page_by_id_without_repeats_or_gaps()
    {
        var tag = "tie" + Ids.Tag();
        var instant = DateTimeOffset.UtcNow.AddMinutes(-20);
        var ids = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            var user = Rows.User(AppId, $"{tag}-{i}@example.com", null, instant);
            (await Store.CreateAsync(user, default)).Should().BeTrue();
            ids.Add(user.Id);
        }

        var expected = ids.OrderDescending(StringComparer.Ordinal).ToList();
        var pages = new List<string>();
        for (var number = 1; number <= 3; number++)
        {
            pages.AddRange((await Store.SearchAsync(AppId, tag, PageRequest.Create(number, 3).Value!, default)).Items.Select(u => u.Id));
        }

        pages.Should().Equal(expected, "ties on the creation time are broken by the id, the index's last column");
    }

    [Fact]
    public async Task Search_takes_wildcards_in_the_query_literally()
    {
        var tag = "wild" + Ids.Tag();
        (await Store.CreateAsync(Rows.User(AppId, $"{tag}_x@example.com"), default)).Should().BeTrue();
        (await Store.CreateAsync(Rows.User(AppId, $"{tag}ax@example.com"), default)).Should().BeTrue();

        var underscore = await Store.SearchAsync(AppId, tag + "_", PageRequest.First, default);
        var percent = await Store.SearchAsync(AppId, tag + "%x", PageRequest.First, default);

        underscore.Items.Should().ContainSingle().Which.Email.Should().Be($"{tag}_x@example.com");
        percent.Total.Should().Be(0);
    }

    [Fact]
    public async Task Removing_a_role_changes_only_its_holders_and_reports_them()
    {
        var role = "r" + Ids.Tag();
        var holder = Rows.User(AppId, $"holder-{Ids.Tag()}@example.com");
        holder.Roles = [role, "other"];
        var bystander = Rows.User(AppId, $"bystander-{Ids.Tag()}@example.com");
        bystander.Roles = [role + "x"];
        (await Store.CreateAsync(holder, default)).Should().BeTrue();
        (await Store.CreateAsync(bystander, default)).Should().BeTrue();
        var changedAt = DateTimeOffset.UtcNow;

        var changed = await Store.RemoveRoleAsync(AppId, role, changedAt, default);

        changed.Should().Equal(holder.Id);
        (await Store.FindByIdAsync(AppId, holder.Id, default))!.Roles.Should().Equal("other");
        (await Store.FindByIdAsync(AppId, bystander.Id, default))!.Roles.Should().Equal(role + "x");
        (await Store.ListRolesChangedSinceAsync(changedAt.AddSeconds(-1), default)).Select(c => c.UserId).Should().Contain(holder.Id).And.NotContain(bystander.Id);
    }

    [Fact]
    public async Task Import_skips_taken_addresses_and_export_lists_every_user_once()
    {
        var tag = "imp" + Ids.Tag();
        (await Store.CreateAsync(Rows.User(AppId, $"{tag}-0@example.com"), default)).Should().BeTrue();
        var batch = Enumerable.Range(0, 5).Select(i => Rows.User(AppId, $"{tag}-{i}@example.com")).ToList();

        var skipped = await Store.CreateManyAsync(AppId, batch, default);
        var exported = new List<User>();
        await foreach (var user in Store.ListAllAsync(AppId, default))
        {
            exported.Add(user);
        }

        skipped.Should().BeEquivalentTo([$"{tag}-0@example.com"]);
        exported.Where(u => u.Email.StartsWith(tag, StringComparison.Ordinal)).Should().HaveCount(5);
        exported.Select(u => u.Id).Should().OnlyHaveUniqueItems();
    }
}
