using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;

namespace JwtAuthKit.EntityFramework.DataProtection;

/// <summary>
/// Puts the Data Protection key ring in JwtAuthKit's database unless the application chose a store itself
/// (<c>AddDataProtection().PersistKeysToFileSystem(…)</c>, <c>…ToDbContext</c>, a cloud store): a post-configuration, so
/// it sees every choice the application made, in any order.
/// </summary>
internal sealed class KeyRingInDatabaseSetup(IJwtAuthKitXmlRepository repository) : IPostConfigureOptions<KeyManagementOptions>
{
    public void PostConfigure(string? name, KeyManagementOptions options) => options.XmlRepository ??= repository;
}

/// <summary>The key-ring repository over the context JwtAuthKit's stores use.</summary>
internal interface IJwtAuthKitXmlRepository : IXmlRepository;
