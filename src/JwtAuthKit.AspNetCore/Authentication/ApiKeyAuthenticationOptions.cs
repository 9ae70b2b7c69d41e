using Microsoft.AspNetCore.Authentication;

namespace JwtAuthKit.AspNetCore.Authentication;

/// <summary>Options of the API-key authentication scheme (none beyond the ASP.NET Core defaults).</summary>
internal sealed class ApiKeyAuthenticationOptions : AuthenticationSchemeOptions
{
}
