namespace JwtAuthKit.Email;

/// <summary>The built-in templates: short, plain, and like a real product's mail.</summary>
internal static class DefaultEmailTemplates
{
    public static EmailTemplate For(string kind) => kind switch
    {
        EmailKind.VerifyEmail => Make(
            "Confirm your email for {{app_name}}",
            "Confirm your email address",
            "Please confirm that {{email}} is your email address for {{app_name}}. Confirming accepts the sign-up as it was made, with the password chosen then.",
            "Confirm email",
            "This link expires in {{expires_in}}. If you did not sign up, ignore this email: the account stays unconfirmed, and signing in with a link or code sent to this address makes it yours alone, without the password someone else chose."),
        EmailKind.PasswordReset => Make(
            "Reset your {{app_name}} password",
            "Reset your password",
            "Someone asked to reset the password of the {{app_name}} account for {{email}}.",
            "Choose a new password",
            "This link expires in {{expires_in}} and works once. If it was not you, ignore this email: your password stays the same."),
        EmailKind.MagicLink => Make(
            "Your sign-in link for {{app_name}}",
            "Sign in to {{app_name}}",
            "Use the button below to sign in as {{email}}.",
            "Sign in",
            "This link expires in {{expires_in}} and works once. If you did not ask for it, ignore this email."),
        EmailKind.EmailOtp => new EmailTemplate
        {
            Subject = "Your {{app_name}} sign-in code",
            Text = "Your {{app_name}} sign-in code is {{code}}.\n\nIt expires in {{expires_in}}. If you did not ask for it, ignore this email.\n",
            Html = Layout("Your sign-in code", "<p style=\"margin:0 0 16px\">Enter this code to sign in to {{app_name}}:</p>"
                + "<p style=\"font-size:32px;letter-spacing:8px;font-weight:bold;margin:0 0 16px\">{{code}}</p>"
                + "<p style=\"color:#666;font-size:13px;margin:0\">It expires in {{expires_in}}. If you did not ask for it, ignore this email.</p>"),
        },
        EmailKind.PasswordChanged => new EmailTemplate
        {
            Subject = "Your {{app_name}} password was changed",
            Text = "The password of the {{app_name}} account for {{email}} was just changed, and every other session was signed out.\n\nIf this was not you, reset your password right away.\n",
            Html = Layout("Your password was changed", "<p style=\"margin:0 0 16px\">The password of the {{app_name}} account for {{email}} was just changed, and every other session was signed out.</p>"
                + "<p style=\"color:#666;font-size:13px;margin:0\">If this was not you, reset your password right away.</p>"),
        },
        EmailKind.AccountExists => new EmailTemplate
        {
            Subject = "Someone tried to sign up to {{app_name}} with your address",
            Text = "Someone just tried to create a {{app_name}} account for {{email}}, but you already have one, so nothing was changed.\n\nIf it was you, sign in instead (or reset your password if you forgot it). If not, you can ignore this email.\n",
            Html = Layout("You already have an account", "<p style=\"margin:0 0 16px\">Someone just tried to create a {{app_name}} account for {{email}}, but you already have one, so nothing was changed.</p>"
                + "<p style=\"color:#666;font-size:13px;margin:0\">If it was you, sign in instead (or reset your password if you forgot it). If not, you can ignore this email.</p>"),
        },
        EmailKind.Invitation => Make(
            "You are invited to {{app_name}}",
            "Join {{app_name}}",
            "{{inviter}} invited {{email}} to manage {{app_name}} as {{role}}.",
            "Accept the invitation",
            "This link expires in {{expires_in}} and works once. If you did not expect it, ignore this email."),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown email kind."),
    };

    private static EmailTemplate Make(string subject, string heading, string intro, string button, string footer) => new()
    {
        Subject = subject,
        Text = $"{intro}\n\n{button}: {{{{link}}}}\n\n{footer}\n",
        Html = Layout(heading, $"<p style=\"margin:0 0 24px\">{intro}</p>"
            + $"<p style=\"margin:0 0 24px\"><a href=\"{{{{link}}}}\" style=\"background:#2563eb;color:#fff;padding:12px 20px;border-radius:6px;text-decoration:none;display:inline-block\">{button}</a></p>"
            + $"<p style=\"color:#666;font-size:13px;margin:0 0 8px\">Or paste this link into your browser: <a href=\"{{{{link}}}}\">{{{{link}}}}</a></p>"
            + $"<p style=\"color:#666;font-size:13px;margin:0\">{footer}</p>"),
    };

    private static string Layout(string heading, string content) =>
        "<!DOCTYPE html><html><body style=\"margin:0;padding:24px;background:#f4f4f5;font-family:-apple-system,Segoe UI,Helvetica,Arial,sans-serif;color:#111\">"
        + "<div style=\"max-width:520px;margin:0 auto;background:#fff;border-radius:8px;padding:32px\">"
        + $"<h1 style=\"font-size:20px;margin:0 0 16px\">{heading}</h1>{content}</div>"
        + "<p style=\"text-align:center;color:#999;font-size:12px\">{{app_name}}</p></body></html>";
}
