using JwtAuthKit.Applications;
using JwtAuthKit.Audit;
using JwtAuthKit.Sessions;
using JwtAuthKit.Specification;
using JwtAuthKit.Testing;
using JwtAuthKit.Users;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace JwtAuthKit.EntityFramework.Tests.PostgreSql;

/// <summary>
/// The sign-in's one-batch write on PostgreSQL against a change of the user that holds the row: the write's update waits
/// for the row's lock, then finds the new stamp and does not land, so the caller re-reads and refuses.
/// </summary>
public sealed class PostgreSqlSignInWriterTests
{
    [Fact]
    public async Task A_change_holding_the_user_row_makes_the_write_wait_and_then_miss()
    {
        var connectionString = await PostgreSqlServer.CreateDatabaseAsync();
        await using var services = (ServiceProvider)await StoreServices.BuildAsync(kit => kit.UsePostgreSql(connectionString));
        var now = DateTimeOffset.UtcNow;
        var application = new Application { Id = Ids.New(), Name = "lock", ClientId = "lock-" + Ids.New(), CreatedAt = now, UpdatedAt = now };
        (await services.GetRequiredService<IApplicationStore>().CreateAsync(application, [], default)).Should().BeTrue();
        var users = services.GetRequiredService<IUserStore>();
        var user = Rows.User(application.Id, $"lock-{Ids.Tag()}@example.com");
        (await users.CreateAsync(user, default)).Should().BeTrue();
        var copy = (await users.FindByIdAsync(application.Id, user.Id, default))!;

        // A password change in flight: the row is updated (new stamp) and locked until its transaction commits.
        await using var change = new NpgsqlConnection(connectionString);
        await change.OpenAsync();
        await using var transaction = await change.BeginTransactionAsync();
        await using (var update = new NpgsqlCommand("UPDATE jak_users SET \"PasswordHash\" = 'changed', \"ConcurrencyStamp\" = 'changed-stamp' WHERE \"Id\" = @id", change, transaction))
        {
            update.Parameters.AddWithValue("id", user.Id);
            (await update.ExecuteNonQueryAsync()).Should().Be(1);
        }

        var (session, token) = Rows.Session(application.Id, user.Id, now);
        var signedIn = new AuditEvent { Id = Ids.New(), ApplicationId = application.Id, Type = AuditEventTypes.SignIn, UserId = user.Id, CreatedAt = now };
        var write = services.GetRequiredService<ISignInWriter>().WriteAsync(session, token, signedIn, copy, now, default);
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        write.IsCompleted.Should().BeFalse("the write's update waits for the lock the change holds on the user's row");

        await transaction.CommitAsync();
        var recorded = await write;

        recorded.Should().BeFalse("the update re-checks the row the change committed and finds another stamp");
        var stored = (await users.FindByIdAsync(application.Id, user.Id, default))!;
        stored.ConcurrencyStamp.Should().Be("changed-stamp");
        stored.LastLoginAt.Should().BeNull();
        (await services.GetRequiredService<ISessionStore>().FindRefreshTokenAsync(token.TokenHash, default))!.Session.Id
            .Should().Be(session.Id, "the session is written, for the caller's re-read to revoke");
    }
}
