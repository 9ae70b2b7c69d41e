namespace JwtAuthKit.AspNetCore.OpenApi;

/// <summary>
/// The JSON body an endpoint reads, for the OpenAPI document only. (ASP.NET Core's own <c>AcceptsMetadata</c> would also
/// make routing answer a wrong content type itself, with an empty 415, before JwtAuthKit can answer with a problem.)
/// </summary>
/// <param name="Type">The body's type.</param>
internal sealed record RequestBodyMetadata(Type Type);
