using System.Globalization;
using System.Net.Mail;
using System.Text;

namespace JwtAuthKit.Users;

/// <summary>Normalizes and checks email addresses.</summary>
/// <remarks>
/// Accounts are unique by the normalized form, so two addresses that look alike must not both be accepted (OWASP ASVS
/// 5.1.4, UTS #39 confusables, RFC 8264 §9). The rules, recorded in docs/decisions.md:
/// the local part is ASCII (what every SMTP server delivers without the SMTPUTF8 extension of RFC 6531, and where
/// <c>admın</c> with a dotless ı or a full-width <c>ａdmin</c> cannot pass for <c>admin</c>); the domain is ASCII or a
/// valid internationalized domain name (<see cref="IdnMapping"/>, IDNA 2008 / UTS #46), kept in its Unicode form;
/// no format characters (category Cf: zero-width space, soft hyphen, bidi controls) anywhere; nothing that NFKC would
/// change (full-width and other compatibility look-alikes); and no IP-literal domain (<c>x@[127.0.0.1]</c>).
/// </remarks>
public static class EmailAddress
{
    /// <summary>The longest address accepted (RFC 5321 §4.5.3.1.3 path limit less the brackets).</summary>
    public const int MaxLength = 254;

    private static readonly IdnMapping Idn = new() { UseStd3AsciiRules = true, AllowUnassigned = false };

    /// <summary>
    /// Trims, lower-cases (culture-invariant) and composes (Unicode NFC) an address; an ASCII-encoded domain
    /// (<c>xn--…</c>) is written in its Unicode form. Accounts are unique by this form.
    /// </summary>
    /// <param name="email">The address as typed.</param>
    /// <returns>The normalized address.</returns>
    public static string Normalize(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        var normalized = email.Trim().ToLowerInvariant();
        try
        {
            normalized = normalized.Normalize(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            // Unpaired surrogates: IsValid refuses the address.
            return normalized;
        }

        var at = normalized.LastIndexOf('@');
        if (at > 0 && at < normalized.Length - 1 && normalized.AsSpan(at + 1).Contains("xn--", StringComparison.Ordinal))
        {
            try
            {
                normalized = normalized[..(at + 1)] + Idn.GetUnicode(normalized[(at + 1)..]);
            }
            catch (ArgumentException)
            {
                // Not a valid IDN: IsValid refuses it.
            }
        }

        return normalized;
    }

    /// <summary>Whether a normalized address is a plain <c>local@domain</c> mailbox we can send to.</summary>
    /// <param name="normalized">The normalized address.</param>
    /// <returns><see langword="true"/> when it is valid.</returns>
    public static bool IsValid(string normalized)
    {
        if (normalized.Length is < 3 or > MaxLength || normalized.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || IsInvisibleOrUnsafe(c)))
        {
            return false;
        }

        // Full-width letters, ligatures, superscripts and the like: their NFKC form differs from what was typed.
        if (!normalized.IsNormalized(NormalizationForm.FormC) || normalized.Normalize(NormalizationForm.FormKC) != normalized)
        {
            return false;
        }

        var at = normalized.LastIndexOf('@');
        if (at < 1 || at > 64 || at == normalized.Length - 1)
        {
            return false;
        }

        var local = normalized[..at];
        var domain = normalized[(at + 1)..];
        if (!Ascii.IsValid(local) || domain.Contains('[', StringComparison.Ordinal) || domain.Contains(']', StringComparison.Ordinal))
        {
            return false;
        }

        if (!domain.Contains('.', StringComparison.Ordinal) || domain.StartsWith('.') || domain.EndsWith('.') || domain.Contains("..", StringComparison.Ordinal))
        {
            return false;
        }

        if (!IsAsciiOrValidIdn(domain))
        {
            return false;
        }

        // MailAddress also accepts display-name forms ("A <a@b.c>"); insist that it read back unchanged.
        return MailAddress.TryCreate(normalized, out var parsed) && parsed.Address == normalized && parsed.DisplayName.Length == 0;
    }

    private static bool IsInvisibleOrUnsafe(char c) => char.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.Surrogate
        or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;

    private static bool IsAsciiOrValidIdn(string domain)
    {
        try
        {
            var ascii = Idn.GetAscii(domain);

            // The IDN form must say the same as what was typed: UTS #46 silently maps some characters to others.
            return Ascii.IsValid(domain) ? string.Equals(ascii, domain, StringComparison.Ordinal) : Idn.GetUnicode(ascii) == domain;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
