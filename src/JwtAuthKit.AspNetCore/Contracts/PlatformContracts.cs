using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using JwtAuthKit.Applications;

namespace JwtAuthKit.AspNetCore.Contracts;

/// <summary>A client application on the platform API.</summary>
internal sealed class ApplicationResponse
{
    /// <summary>The application id.</summary>
    [JsonPropertyName("id")] public required string Id { get; init; }

    /// <summary>The name.</summary>
    [JsonPropertyName("name")] public required string Name { get; init; }

    /// <summary>The client id (the <c>aud</c> of its tokens).</summary>
    [JsonPropertyName("client_id")] public required string ClientId { get; init; }

    /// <summary>When it was created (UTC).</summary>
    [JsonPropertyName("created_at")] public DateTime CreatedAt { get; init; }

    /// <summary>When it last changed (UTC).</summary>
    [JsonPropertyName("updated_at")] public DateTime UpdatedAt { get; init; }

    /// <summary>Its authentication settings (on single-application answers).</summary>
    [JsonPropertyName("settings")] public JsonNode? Settings { get; init; }

    /// <summary>The values of its first keys, on creation only: shown once.</summary>
    [JsonPropertyName("keys")] public IReadOnlyList<ApiKeyResponse>? Keys { get; init; }

    internal static ApplicationResponse From(Application application, bool withSettings, IReadOnlyList<ApiKeyResponse>? keys = null) => new()
    {
        Id = application.Id,
        Name = application.Name,
        ClientId = application.ClientId,
        CreatedAt = WireTime.Utc(application.CreatedAt),
        UpdatedAt = WireTime.Utc(application.UpdatedAt),
        Settings = withSettings ? Http.SettingsJson.Write(application.Settings) : null,
        Keys = keys,
    };
}

/// <summary>An API key on the platform API. <see cref="Key"/> is present only in the answer that created it.</summary>
internal sealed class ApiKeyResponse
{
    /// <summary>The key id.</summary>
    [JsonPropertyName("id")] public required string Id { get; init; }

    /// <summary><c>publishable</c> or <c>secret</c>.</summary>
    [JsonPropertyName("kind")] public required string Kind { get; init; }

    /// <summary>The name.</summary>
    [JsonPropertyName("name")] public required string Name { get; init; }

    /// <summary>The first characters, to tell keys apart.</summary>
    [JsonPropertyName("prefix")] public required string Prefix { get; init; }

    /// <summary>The whole key: only when it was just created.</summary>
    [JsonPropertyName("key")] public string? Key { get; init; }

    /// <summary>When it was created (UTC).</summary>
    [JsonPropertyName("created_at")] public DateTime CreatedAt { get; init; }

    /// <summary>When it was last used (UTC, to the minute).</summary>
    [JsonPropertyName("last_used_at")] public DateTime? LastUsedAt { get; init; }

    /// <summary>When it was revoked (UTC).</summary>
    [JsonPropertyName("revoked_at")] public DateTime? RevokedAt { get; init; }

    internal static ApiKeyResponse From(ApiKey key, string? value = null) => new()
    {
        Id = key.Id,
        Kind = key.Kind == ApiKeyKind.Secret ? "secret" : "publishable",
        Name = key.Name,
        Prefix = key.Prefix,
        Key = value,
        CreatedAt = WireTime.Utc(key.CreatedAt),
        LastUsedAt = key.LastUsedAt is { } used ? WireTime.Utc(used) : null,
        RevokedAt = key.RevokedAt is { } revoked ? WireTime.Utc(revoked) : null,
    };
}

/// <summary>Body of <c>POST /api/platform/apps</c> and <c>PATCH /api/platform/apps/{id}</c>.</summary>
internal sealed class ApplicationRequest
{
    /// <summary>The name.</summary>
    [JsonPropertyName("name")] public string? Name { get; set; }

    /// <summary>Settings fields to change, as in <c>PATCH /api/admin/settings</c>.</summary>
    [JsonPropertyName("settings")] public JsonObject? Settings { get; set; }
}

/// <summary>Body of <c>POST /api/platform/apps/{id}/keys</c>.</summary>
internal sealed class CreateKeyRequest
{
    /// <summary><c>publishable</c> or <c>secret</c>.</summary>
    [JsonPropertyName("kind")] public string? Kind { get; set; }

    /// <summary>A name to tell it apart.</summary>
    [JsonPropertyName("name")] public string? Name { get; set; }
}

/// <summary>A member of an application on the platform API.</summary>
internal sealed class MemberResponse
{
    /// <summary>The account id.</summary>
    [JsonPropertyName("account_id")] public required string AccountId { get; init; }

    /// <summary>The account's address.</summary>
    [JsonPropertyName("email")] public required string Email { get; init; }

    /// <summary><c>viewer</c>, <c>admin</c> or <c>owner</c>.</summary>
    [JsonPropertyName("role")] public required string Role { get; init; }

    /// <summary>When the account became a member (UTC).</summary>
    [JsonPropertyName("added_at")] public DateTime AddedAt { get; init; }

    internal static MemberResponse From(Platform.ApplicationMember member) => new()
    {
        AccountId = member.AccountId,
        Email = member.Email,
        Role = Platform.MemberRoles.Name(member.Role),
        AddedAt = WireTime.Utc(member.AddedAt),
    };
}

/// <summary>A pending invitation on the platform API.</summary>
internal sealed class InvitationResponse
{
    /// <summary>The invitation id.</summary>
    [JsonPropertyName("id")] public required string Id { get; init; }

    /// <summary>The application id.</summary>
    [JsonPropertyName("application_id")] public required string ApplicationId { get; init; }

    /// <summary>The invited address.</summary>
    [JsonPropertyName("email")] public required string Email { get; init; }

    /// <summary>The role on accepting.</summary>
    [JsonPropertyName("role")] public required string Role { get; init; }

    /// <summary>When it was sent (UTC).</summary>
    [JsonPropertyName("created_at")] public DateTime CreatedAt { get; init; }

    /// <summary>When its link stops working (UTC).</summary>
    [JsonPropertyName("expires_at")] public DateTime ExpiresAt { get; init; }

    internal static InvitationResponse From(Platform.PendingInvitation invitation) => new()
    {
        Id = invitation.Id,
        ApplicationId = invitation.ApplicationId,
        Email = invitation.Email,
        Role = Platform.MemberRoles.Name(invitation.Role),
        CreatedAt = WireTime.Utc(invitation.CreatedAt),
        ExpiresAt = WireTime.Utc(invitation.ExpiresAt),
    };
}

/// <summary>Answer of <c>GET /api/platform/apps/{id}/members</c>.</summary>
internal sealed class MembersResponse
{
    /// <summary>The members, oldest first.</summary>
    [JsonPropertyName("members")] public required IReadOnlyList<MemberResponse> Members { get; init; }

    /// <summary>The pending invitations, newest first.</summary>
    [JsonPropertyName("invitations")] public required IReadOnlyList<InvitationResponse> Invitations { get; init; }
}

/// <summary>What an invitation link offers (<c>POST /api/platform/invitations/lookup</c>).</summary>
internal sealed class InvitationPreviewResponse
{
    /// <summary>The invitation.</summary>
    [JsonPropertyName("invitation")] public required InvitationResponse Invitation { get; init; }

    /// <summary>The application's name.</summary>
    [JsonPropertyName("application_name")] public required string ApplicationName { get; init; }

    /// <summary>The inviter's address.</summary>
    [JsonPropertyName("invited_by")] public string? InvitedBy { get; init; }

    /// <summary>Whether a dashboard account has the invited address (sign in to accept) or not (create one).</summary>
    [JsonPropertyName("account_exists")] public bool AccountExists { get; init; }
}

/// <summary>Body of <c>POST /api/platform/apps/{id}/members</c>.</summary>
internal sealed class InviteMemberRequest
{
    /// <summary>The address to invite.</summary>
    [JsonPropertyName("email")] public string? Email { get; set; }

    /// <summary><c>viewer</c>, <c>admin</c> or <c>owner</c>.</summary>
    [JsonPropertyName("role")] public string? Role { get; set; }
}

/// <summary>Body of <c>PATCH /api/platform/apps/{id}/members/{account_id}</c>.</summary>
internal sealed class MemberRoleRequest
{
    /// <summary><c>viewer</c>, <c>admin</c> or <c>owner</c>.</summary>
    [JsonPropertyName("role")] public string? Role { get; set; }
}

/// <summary>Body of the invitation endpoints: the link's token, and a password for a new account.</summary>
internal sealed class InvitationTokenRequest
{
    /// <summary>The token from the invitation link.</summary>
    [JsonPropertyName("token")] public string? Token { get; set; }

    /// <summary>The new account's password (<c>accept-new</c> only).</summary>
    [JsonPropertyName("password")] public string? Password { get; set; }
}
