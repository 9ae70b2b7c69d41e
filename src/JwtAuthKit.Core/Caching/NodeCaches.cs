using JwtAuthKit.Applications;
using JwtAuthKit.Roles;
using JwtAuthKit.Tokens;

namespace JwtAuthKit.Caching;

/// <summary>The caches of shared state that a change announced by the <see cref="IChangeFeed"/> makes out of date.</summary>
internal sealed class NodeCaches(ApplicationResolver applications, PermissionResolver permissions, SigningKeyManager signingKeys)
{
    public void Forget(ChangeKinds changed)
    {
        if (changed.HasFlag(ChangeKinds.Applications))
        {
            applications.Invalidate();
            permissions.Invalidate();
        }

        if (changed.HasFlag(ChangeKinds.SigningKeys))
        {
            signingKeys.MarkStale();
        }
    }
}
