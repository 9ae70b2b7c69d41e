using System.Text.Json;
using FluentAssertions.Execution;
using FluentAssertions.Primitives;

namespace JwtAuthKit.AspNetCore.Tests.Infrastructure;

/// <summary><c>response.Should().HaveProblem("code")</c>: a problem-details answer with that stable code.</summary>
public static class ProblemAssertions
{
    public static AndConstraint<HttpResponseMessageAssertions> HaveProblem(this HttpResponseMessageAssertions assertions, string code, string because = "", params object[] becauseArgs)
    {
        var response = assertions.Subject;
        var body = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
        string? actual = null;
        if (response.Content.Headers.ContentType?.MediaType == "application/problem+json")
        {
            try
            {
                actual = JsonDocument.Parse(body).RootElement.TryGetProperty("code", out var value) ? value.GetString() : null;
            }
            catch (JsonException)
            {
            }
        }

        Execute.Assertion.BecauseOf(because, becauseArgs)
            .ForCondition(actual == code)
            .FailWith("Expected a problem with code {0}{reason}, but got {1} {2}.", code, (int)response.StatusCode, body);
        return new AndConstraint<HttpResponseMessageAssertions>(assertions);
    }
}
