using System.Data.Common;
using System.Reflection;
using Microsoft.EntityFrameworkCore;

namespace JwtAuthKit.EntityFramework.Providers;

/// <summary>
/// Tells a unique-index violation (a result: "taken") from other database failures (exceptions), with the translators
/// of every provider folder in this assembly: adding a provider adds a translator, and nothing here changes.
/// </summary>
internal static class DatabaseErrors
{
    private static readonly IDatabaseErrorTranslator[] Translators = typeof(IDatabaseErrorTranslator).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IDatabaseErrorTranslator).IsAssignableFrom(t))
        .Select(t => (IDatabaseErrorTranslator)Activator.CreateInstance(t, BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic, null, null, null)!)
        .ToArray();

    public static bool IsUniqueViolation(DbUpdateException exception) =>
        exception.InnerException is DbException db && Translators.Any(t => t.IsUniqueViolation(db));
}
