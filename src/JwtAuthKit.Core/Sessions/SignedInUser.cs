using JwtAuthKit.Applications;

namespace JwtAuthKit.Sessions;

/// <summary>
/// The acting party of a self-service call: a user of <paramref name="Application"/>, signed in on session
/// <paramref name="SessionId"/>, as an access token proves it (<c>aud</c>, <c>sub</c>, <c>sid</c>).
/// </summary>
/// <param name="Application">The application the user belongs to.</param>
/// <param name="UserId">The user's id.</param>
/// <param name="SessionId">The session the request was made on.</param>
public sealed record SignedInUser(Application Application, string UserId, string SessionId);
