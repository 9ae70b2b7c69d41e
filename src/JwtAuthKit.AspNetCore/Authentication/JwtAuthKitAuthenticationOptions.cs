using Microsoft.AspNetCore.Authentication;

namespace JwtAuthKit.AspNetCore.Authentication;

/// <summary>Options of the JwtAuthKit authentication scheme (none beyond the ASP.NET Core defaults yet).</summary>
public sealed class JwtAuthKitAuthenticationOptions : AuthenticationSchemeOptions
{
}
