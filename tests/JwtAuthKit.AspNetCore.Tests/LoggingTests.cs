using System.Reflection;
using Microsoft.Extensions.Logging;

namespace JwtAuthKit.AspNetCore.Tests;

public sealed class LoggingTests
{
    [Fact]
    public void Every_LoggerMessage_event_id_is_unique_across_the_packages()
    {
        var assemblies = new[]
        {
            typeof(JwtAuthKitOptions).Assembly,
            typeof(JwtAuthKitAspNetCoreBuilderExtensions).Assembly,
            typeof(JwtAuthKit.EntityFramework.JwtAuthKitDbContext).Assembly,
            typeof(JwtAuthKit.Smtp.SmtpOptions).Assembly,
        };

        var ids = assemblies
            .SelectMany(a => a.GetTypes())
            .SelectMany(t => t.GetMethods(BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public | BindingFlags.DeclaredOnly))
            .Select(m => (Method: m, Attribute: m.GetCustomAttribute<LoggerMessageAttribute>()))
            .Where(x => x.Attribute is not null)
            .Select(x => (x.Attribute!.EventId, Name: x.Method.DeclaringType!.Name + "." + x.Method.Name))
            .ToList();

        ids.Should().HaveCountGreaterThan(8, "the packages log through [LoggerMessage]");
        ids.Should().OnlyContain(x => x.EventId > 0);
        ids.GroupBy(x => x.EventId).Where(g => g.Count() > 1).Should().BeEmpty();
    }
}
