using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace JwtAuthKit.EntityFramework.DataProtection;

/// <summary>
/// Keeps the Data Protection key ring in JwtAuthKit's database (the <c>jak_data_protection_keys</c> table of
/// <see cref="JwtAuthKitModelBuilderExtensions.UseJwtAuthKit"/>), so signing keys and mail stay readable after a restart
/// on another machine and on every node of one database. Unlike the package's own repository it needs neither a scoped
/// context nor <c>IDataProtectionKeyContext</c> on the application's context.
/// </summary>
internal sealed class EntityFrameworkXmlRepository<TContext>(JwtAuthKitContextSource<TContext> contexts, JwtAuthKitSchemaGate gate) : IJwtAuthKitXmlRepository
    where TContext : DbContext
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        gate.WaitUntilReady();
        using var db = contexts.Create();
        return [.. db.Set<DataProtectionKey>().AsNoTracking().OrderBy(k => k.Id).AsEnumerable()
            .Where(k => !string.IsNullOrEmpty(k.Xml)).Select(k => XElement.Parse(k.Xml!))];
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        gate.WaitUntilReady();
        using var db = contexts.Create();
        db.Add(new DataProtectionKey { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        db.SaveChanges();
    }
}
