using JwtAuthKit.AspNetCore.OpenApi;
using Microsoft.AspNetCore.Builder;

namespace JwtAuthKit.AspNetCore.Http;

/// <summary>What a binding adds to its endpoint's metadata: the error codes it may answer and the credentials it reads.</summary>
internal static class BindingMetadata
{
    public static void Add(EndpointBuilder builder, string[] codes, params string[] credentials)
    {
        builder.Metadata.Add(new ProblemCodesMetadata(codes));
        if (credentials.Length > 0)
        {
            builder.Metadata.Add(new CredentialMetadata(credentials));
        }
    }
}
