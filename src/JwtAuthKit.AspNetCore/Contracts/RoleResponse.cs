using System.Text.Json.Serialization;
using JwtAuthKit.Roles;

namespace JwtAuthKit.AspNetCore.Contracts;

/// <summary>A role of the HTTP contract.</summary>
internal sealed class RoleResponse
{
    /// <summary>The role name.</summary>
    [JsonPropertyName("name")] public required string Name { get; init; }

    /// <summary>What the role is for.</summary>
    [JsonPropertyName("description")] public string? Description { get; init; }

    /// <summary>The permissions it grants; <c>*</c> is every permission.</summary>
    [JsonPropertyName("permissions")] public required IReadOnlyList<string> Permissions { get; init; }

    /// <summary>Whether it is <c>admin</c> or <c>user</c>, which cannot change.</summary>
    [JsonPropertyName("built_in")] public bool BuiltIn { get; init; }

    internal static RoleResponse From(Role role) => new()
    {
        Name = role.Name,
        Description = role.Description,
        Permissions = [.. role.Permissions],
        BuiltIn = BuiltInRoles.IsBuiltIn(role.Name),
    };
}
