using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace JwtAuthKit.AspNetCore.Http;

/// <summary>Log lines about request bodies the client did not finish sending.</summary>
internal static partial class RequestBodyLog
{
    private const string Category = "JwtAuthKit.AspNetCore.Http.RequestBody";

    /// <summary>Notes, at Debug and without a stack trace, that a client did not finish its body.</summary>
    public static void Incomplete(HttpContext context, Exception reason)
    {
        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(Category);
        if (logger.IsEnabled(LogLevel.Debug))
        {
            var name = reason.GetType().Name;
            LogIncomplete(logger, name);
        }
    }

    [LoggerMessage(EventId = 2101, Level = LogLevel.Debug, Message = "The request body was incomplete ({Reason}); answered 400.")]
    private static partial void LogIncomplete(ILogger logger, string reason);
}
