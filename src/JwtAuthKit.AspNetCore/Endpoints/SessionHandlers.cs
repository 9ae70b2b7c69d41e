using JwtAuthKit.AspNetCore.Contracts;
using JwtAuthKit.AspNetCore.Http;
using JwtAuthKit.Sessions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace JwtAuthKit.AspNetCore.Endpoints;

/// <summary>The signed-in user's sessions.</summary>
internal static class SessionHandlers
{
    public static async Task<Ok<SessionListResponse>> ListAsync(CurrentUser current, IUserSessionService sessions, CancellationToken cancellationToken)
    {
        var list = await sessions.ListAsync(current.User, cancellationToken);
        return TypedResults.Ok(new SessionListResponse([.. list.Select(s => SessionResponse.From(s, current.User.SessionId))]));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> EndAsync(CurrentUser current, string id, IUserSessionService sessions, CancellationToken cancellationToken)
    {
        var result = await sessions.EndAsync(current.User, id, cancellationToken);
        return result.Succeeded ? TypedResults.NoContent() : result.Error.ToProblem();
    }
}
