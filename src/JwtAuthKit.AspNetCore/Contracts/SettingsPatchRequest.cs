using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace JwtAuthKit.AspNetCore.Contracts;

/// <summary>Body of <c>PATCH /api/admin/settings</c>: any settings fields, in <c>snake_case</c>.</summary>
internal sealed class SettingsPatchRequest
{
    /// <summary>The fields the body names.</summary>
    [JsonExtensionData] public JsonObject Fields { get; set; } = [];
}
