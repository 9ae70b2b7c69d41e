using JwtAuthKit.Email;

namespace JwtAuthKit.Platform;

/// <summary>A message of an application's email outbox as administrators see it: its delivery, never its body.</summary>
/// <param name="Id">The message id.</param>
/// <param name="Kind">The kind (<see cref="EmailKind"/>).</param>
/// <param name="To">The recipient.</param>
/// <param name="Subject">The subject line (templates cannot put a code or link in it).</param>
/// <param name="Status">Where delivery stands.</param>
/// <param name="Attempts">Delivery attempts made.</param>
/// <param name="LastError">Why the last attempt failed, or <see langword="null"/>.</param>
/// <param name="CreatedAt">When it was queued.</param>
/// <param name="NextAttemptAt">When the next attempt is due (pending messages).</param>
/// <param name="SentAt">When it was delivered, or <see langword="null"/>.</param>
public sealed record OutboxMessage(string Id, string Kind, string To, string Subject, EmailStatus Status, int Attempts, string? LastError, DateTimeOffset CreatedAt, DateTimeOffset NextAttemptAt, DateTimeOffset? SentAt);

/// <summary>One page of outbox messages, newest first, and where the next one starts.</summary>
/// <param name="Items">The messages.</param>
/// <param name="NextBefore">The value of <c>before</c> for the next (older) page, or <see langword="null"/> on the last page.</param>
public sealed record OutboxPage(IReadOnlyList<OutboxMessage> Items, string? NextBefore);
