using System.Text.Json;
using System.Text.Json.Serialization;

namespace JwtAuthKit.AspNetCore.Http;

/// <summary>JSON settings of the wire contract, independent of the host application's own JSON options.</summary>
internal static class WireJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.General)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        PropertyNameCaseInsensitive = false,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    };
}
