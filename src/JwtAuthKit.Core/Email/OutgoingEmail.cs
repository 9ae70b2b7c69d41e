namespace JwtAuthKit.Email;

/// <summary>A message ready to send, decrypted, as an <see cref="IEmailSender"/> receives it.</summary>
/// <param name="Id">A unique id, the base of the Message-ID header.</param>
/// <param name="To">The recipient.</param>
/// <param name="Subject">The subject.</param>
/// <param name="TextBody">The plain-text part.</param>
/// <param name="HtmlBody">The HTML part.</param>
/// <param name="FromAddress">The sender address, or <see langword="null"/> for the mailer's default.</param>
/// <param name="FromName">The sender name, or <see langword="null"/> for the mailer's default.</param>
public sealed record OutgoingEmail(string Id, string To, string Subject, string TextBody, string HtmlBody, string? FromAddress, string? FromName);
