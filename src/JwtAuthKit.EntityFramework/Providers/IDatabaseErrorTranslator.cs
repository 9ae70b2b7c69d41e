using System.Data.Common;

namespace JwtAuthKit.EntityFramework.Providers;

/// <summary>
/// What one database provider tells about its own failures. Each provider folder holds one; the stores ask every known
/// translator (<see cref="DatabaseErrors"/>), so a store on an application's own context needs no provider named.
/// </summary>
internal interface IDatabaseErrorTranslator
{
    /// <summary>Whether <paramref name="exception"/> is this provider's unique-index or primary-key violation.</summary>
    bool IsUniqueViolation(DbException exception);
}
