namespace JwtAuthKit.Caching;

/// <summary>
/// Tells this node that another node (or anyone writing to the shared database) may have changed something this node
/// keeps in memory: revoked sessions, role changes, applications and their keys and settings, signing keys. The store
/// package provides it: pushed where the database can push (PostgreSQL's <c>LISTEN/NOTIFY</c>), and otherwise nothing but
/// the poll interval passing. One consumer reads it and refreshes every cache; callers never poll per feature.
/// </summary>
public interface IChangeFeed
{
    /// <summary>
    /// Waits until a change is announced or <paramref name="timeout"/> passes on the <see cref="TimeProvider"/>, whichever
    /// comes first.
    /// </summary>
    /// <param name="timeout">The longest wait: the poll interval, after which the consumer polls anyway.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>What was announced since the last call; <see cref="ChangeKinds.None"/> when the timeout passed quietly.</returns>
    Task<ChangeKinds> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken);
}

/// <summary>What a change-feed announcement says changed.</summary>
[Flags]
public enum ChangeKinds
{
    /// <summary>Nothing announced.</summary>
    None = 0,

    /// <summary>A session was revoked.</summary>
    Sessions = 1,

    /// <summary>A user's roles changed (their older access tokens are <c>token_stale</c>).</summary>
    Roles = 2,

    /// <summary>An application, its settings, its roles' permissions or its API keys changed.</summary>
    Applications = 4,

    /// <summary>A signing key was added, rotated or retired.</summary>
    SigningKeys = 8,

    /// <summary>Everything: what the feed announces when it may have missed something (after reconnecting).</summary>
    All = Sessions | Roles | Applications | SigningKeys,
}
