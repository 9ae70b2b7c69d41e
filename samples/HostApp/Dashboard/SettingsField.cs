namespace JwtAuthKit.HostApp.Dashboard;

/// <summary>One settings field as the form shows it: its API name (which the service's validation messages use), label,
/// value, input kind, hint and the messages for it.</summary>
internal sealed record SettingsField(string Name, string Label, string? Value, string Kind = "text", string? Hint = null, IReadOnlyList<string>? Errors = null)
{
    public string Id => "f-" + Name.Replace('.', '-');

    public string DescribedBy => string.Join(' ', new[] { Hint is null ? null : Id + "-hint", Errors is { Count: > 0 } ? Id + "-error" : null }.Where(x => x is not null));
}
