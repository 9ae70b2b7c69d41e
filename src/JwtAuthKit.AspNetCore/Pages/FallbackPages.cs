using JwtAuthKit.OneTimeTokens;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace JwtAuthKit.AspNetCore.Pages;

/// <summary>
/// Plain pages that complete the emailed links when an application has no page of its own. A link only shows a
/// button: the token is spent by the POST, so mail scanners that open links do not use it up.
/// </summary>
internal static class FallbackPages
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var pages = endpoints.MapGroup("").WithMetadata(Http.SecurityHeaders.Pages);
        pages.MapGet(FallbackPagePaths.VerifyEmail, ShowVerify);
        pages.MapPost(FallbackPagePaths.VerifyEmail, VerifyAsync).DisableAntiforgery();
        pages.MapGet(FallbackPagePaths.ResetPassword, ShowReset);
        pages.MapPost(FallbackPagePaths.ResetPassword, ResetAsync).DisableAntiforgery();
        pages.MapGet(FallbackPagePaths.MagicLink, ShowMagicLink);
        pages.MapPost(FallbackPagePaths.MagicLink, SignInAsync).DisableAntiforgery();
    }

    private static IResult ShowVerify(string? token) => HtmlPage.Render("Confirm your email",
        "<h1>Confirm your email address</h1>" + Form(FallbackPagePaths.VerifyEmail, token, "", "Confirm email"));

    private static async Task<IResult> VerifyAsync(HttpContext http, IEmailVerificationService verification)
    {
        if (await ReadFormAsync(http) is not { } form)
        {
            return Failed(IncompleteForm);
        }

        var result = await verification.VerifyAsync(null, form["token"], Http.RequestClient.From(http), http.RequestAborted);
        return result.Succeeded
            ? HtmlPage.Render("Email confirmed", $"<h1 class=\"ok\">Email confirmed</h1><p>{HtmlPage.Encode(result.Value.Email)} is verified. You can close this page.</p>")
            : Failed("This link is invalid, used or expired. Ask for a new one.");
    }

    private static IResult ShowReset(string? token) => HtmlPage.Render("Choose a new password",
        "<h1>Choose a new password</h1>" + Form(FallbackPagePaths.ResetPassword, token,
            "<label for=\"new_password\">New password</label><input id=\"new_password\" name=\"new_password\" type=\"password\" autocomplete=\"new-password\" required minlength=\"8\">",
            "Save password"));

    private static async Task<IResult> ResetAsync(HttpContext http, IPasswordResetService resets)
    {
        if (await ReadFormAsync(http) is not { } form)
        {
            return Failed(IncompleteForm);
        }

        var result = await resets.ResetAsync(null, form["token"], form["new_password"], Http.RequestClient.From(http), http.RequestAborted);
        if (result.Succeeded)
        {
            return HtmlPage.Render("Password changed", "<h1 class=\"ok\">Password changed</h1><p>Sign in with your new password. Every other session was signed out.</p>");
        }

        return result.Error.Code == JwtAuthKitErrors.WeakPassword
            ? HtmlPage.Render("Choose a new password", $"<h1>Choose a new password</h1><p class=\"error\">{HtmlPage.Encode(result.Error.Message)}</p>"
                + Form(FallbackPagePaths.ResetPassword, form["token"], "<label for=\"new_password\">New password</label><input id=\"new_password\" name=\"new_password\" type=\"password\" autocomplete=\"new-password\" required>", "Save password"), 400)
            : Failed("This link is invalid, used or expired. Ask for a new one.");
    }

    private static IResult ShowMagicLink(string? token) => HtmlPage.Render("Sign in",
        "<h1>Sign in</h1>" + Form(FallbackPagePaths.MagicLink, token, "", "Sign in"));

    private static async Task<IResult> SignInAsync(HttpContext http, IMagicLinkService magicLinks)
    {
        if (await ReadFormAsync(http) is not { } form)
        {
            return Failed(IncompleteForm);
        }

        var result = await magicLinks.VerifyAsync(null, form["token"], Http.RequestClient.From(http), http.RequestAborted);
        if (!result.Succeeded)
        {
            return Failed("This link is invalid, used or expired. Ask for a new one.");
        }

        return result.Value.MfaRequired
            ? HtmlPage.Render("Second step needed", "<h1>One more step</h1><p>This account is protected by an authenticator app. Sign in from the app to enter its code.</p>")
            : HtmlPage.Render("Signed in", $"<h1 class=\"ok\">Signed in</h1><p>{HtmlPage.Encode(result.Value.Tokens.User.Email)} is signed in and verified. Return to the app to continue.</p>");
    }

    private const string IncompleteForm = "The form did not arrive in full. Go back and try again.";

    /// <summary>The posted form, or <see langword="null"/> when the client stopped sending it (logged at Debug, not as an error).</summary>
    private static async Task<IFormCollection?> ReadFormAsync(HttpContext http)
    {
        try
        {
            return await http.Request.ReadFormAsync(http.RequestAborted);
        }
        catch (Exception ex) when (ex is BadHttpRequestException or IOException or InvalidDataException
            || (ex is OperationCanceledException && http.RequestAborted.IsCancellationRequested))
        {
            Http.RequestBodyLog.Incomplete(http, ex);
            return null;
        }
    }

    private static string Form(string action, string? token, string fields, string button) =>
        $"<form method=\"post\" action=\"{action}\"><input type=\"hidden\" name=\"token\" value=\"{HtmlPage.Encode(token)}\">{fields}<button type=\"submit\">{HtmlPage.Encode(button)}</button></form>";

    private static IResult Failed(string message) => HtmlPage.Render("Link not valid", $"<h1 class=\"error\">Link not valid</h1><p>{HtmlPage.Encode(message)}</p>", 400);
}
