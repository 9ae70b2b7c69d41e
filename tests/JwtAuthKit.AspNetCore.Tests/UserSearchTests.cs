using JwtAuthKit.Administration;
using JwtAuthKit.Applications;
using JwtAuthKit.AspNetCore.Tests.Infrastructure;
using JwtAuthKit.Users;

namespace JwtAuthKit.AspNetCore.Tests;

/// <summary>User search reads index ranges (a prefix of the email or of the name) and its count and pages are bounded.</summary>
public sealed class UserSearchTests
{
    [Fact]
    public async Task Search_matches_a_prefix_of_the_email_or_name_case_insensitively_and_stops_counting_at_ten_thousand()
    {
        await using var host = await TestHost.StartAsync(configuration: TwoApplications.Configuration());
        var application = (await host.GetRequiredService<IApplicationStore>().FindByClientIdAsync("alpha-app", default))!;
        var now = host.Time.GetUtcNow();
        var many = Enumerable.Range(0, 10_050).Select(i => new User
        {
            Id = Guid.CreateVersion7(now.AddMilliseconds(i)).ToString(),
            ApplicationId = application.Id,
            Email = $"bulk{i:D5}@example.com",
            Name = i == 7 ? "  Élodie Ünal " : null,
            Roles = ["user"],
            CreatedAt = now.AddMilliseconds(i),
            UpdatedAt = now,
        }).ToList();
        (await host.GetRequiredService<IUserStore>().CreateManyAsync(application.Id, many, default)).Should().BeEmpty();
        var users = host.GetRequiredService<IUserAdministrationService>();
        var actor = AdminActor.System(application);

        var everyone = await users.SearchAsync(actor, null, PageRequest.Create(1, 100).Value, default);
        everyone.Total.Should().Be(10_000, "the count stops at 10 000");
        everyone.Items[0].Email.Should().Be("bulk10049@example.com", "newest first");
        (await users.SearchAsync(actor, null, PageRequest.Create(100, 100).Value, default)).Items.Should().HaveCount(100);
        (await users.SearchAsync(actor, null, PageRequest.Create(101, 100).Value, default)).Items.Should().BeEmpty("pages end where the count stops");

        var prefix = await users.SearchAsync(actor, "BULK0001", PageRequest.First, default);
        prefix.Total.Should().Be(10);
        prefix.Items.Select(u => u.Email).Should().Equal(Enumerable.Range(10, 10).Reverse().Select(i => $"bulk{i:D5}@example.com"), "a narrow search is sorted newest first too");
        var broad = await users.SearchAsync(actor, "bulk", PageRequest.First, default);
        broad.Total.Should().Be(10_000, "a search matching more than the cap counts to the cap");
        broad.Items[0].Email.Should().Be("bulk10049@example.com", "a broad search still starts at the newest of all matches, not of the counted ones");
        (await users.SearchAsync(actor, "élodie ü", PageRequest.First, default)).Items.Select(u => u.Email).Should().Equal("bulk00007@example.com");
        (await users.SearchAsync(actor, "ÉLO", PageRequest.First, default)).Total.Should().Be(1, "names are folded the same way as the query");
        (await users.SearchAsync(actor, "example.com", PageRequest.First, default)).Total.Should().Be(0, "a prefix, not a substring: an index range");
        (await users.SearchAsync(actor, "bulk_", PageRequest.First, default)).Total.Should().Be(0, "wildcards are literal");
        (await users.SearchAsync(AdminActor.System((await host.GetRequiredService<IApplicationStore>().FindByClientIdAsync("beta-app", default))!), "bulk", PageRequest.First, default))
            .Total.Should().Be(0, "another application's users are not searched");
    }
}
