using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using JwtAuthKit.Applications;

namespace JwtAuthKit.AspNetCore.Http;

/// <summary>
/// Application settings on the wire: every field in <c>snake_case</c>, unset ones as <see langword="null"/>, and a
/// JSON merge for <c>PATCH</c> that changes only the fields a body names (unknown ones are ignored).
/// </summary>
internal static class SettingsJson
{
    public static readonly JsonSerializerOptions Options = new(WireJson.Options) { DefaultIgnoreCondition = JsonIgnoreCondition.Never };

    private static readonly HashSet<string> Fields =
        [.. Options.GetTypeInfo(typeof(ApplicationSettings)).Properties.Select(p => p.Name)];

    private static readonly HashSet<string> Lists = ["allowed_origins", "redirect_urls", "mfa_required_roles", "email_templates"];

    public static JsonNode Write(ApplicationSettings settings) => JsonSerializer.SerializeToNode(settings, Options)!;

    /// <summary>Applies the fields of <paramref name="patch"/> to <paramref name="current"/>.</summary>
    public static Result<ApplicationSettings> Merge(ApplicationSettings current, JsonObject patch)
    {
        var merged = (JsonObject)Write(current);
        var errors = new Dictionary<string, string[]>();
        List<KeyValuePair<string, JsonNode?>> fields;
        try
        {
            fields = [.. patch];
        }
        catch (ArgumentException)
        {
            return Invalid(new Dictionary<string, string[]> { ["settings"] = ["names a field more than once"] });
        }

        foreach (var (name, value) in fields)
        {
            if (!Fields.Contains(name))
            {
                continue;
            }

            if (value is null && Lists.Contains(name))
            {
                errors[name] = ["must be a list, not null"];
                continue;
            }

            merged[name] = value?.DeepClone();
        }

        if (errors.Count > 0)
        {
            return Invalid(errors);
        }

        try
        {
            return merged.Deserialize<ApplicationSettings>(Options)!;
        }
        catch (JsonException ex)
        {
            var field = ex.Path is { Length: > 2 } path ? path[2..].Split('.', '[')[0] : "settings";
            return Invalid(new Dictionary<string, string[]> { [field] = ["has the wrong type"] });
        }
    }

    private static JwtAuthKitError Invalid(Dictionary<string, string[]> errors) =>
        new(JwtAuthKitErrors.ValidationFailed, "Some settings are invalid; nothing was changed.", errors);
}
