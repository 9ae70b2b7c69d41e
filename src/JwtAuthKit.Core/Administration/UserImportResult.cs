namespace JwtAuthKit.Administration;

/// <summary>The outcome of an import: how many users were created, how many rows matched an existing user, and what was refused.</summary>
/// <param name="Created">Users created.</param>
/// <param name="Unchanged">Rows whose address already has an account in the application: left exactly as it was.</param>
/// <param name="Refused">Rows refused, in order; a refused row wrote nothing.</param>
public sealed record UserImportResult(int Created, int Unchanged, IReadOnlyList<RefusedImportRow> Refused);

/// <summary>A row an import refused.</summary>
/// <param name="Index">The row's position in the input, from 0.</param>
/// <param name="Email">The row's email as given (may be invalid or missing).</param>
/// <param name="Code">A stable code: <c>invalid_email</c>, <c>validation_failed</c>, <c>unknown_role</c>, <c>forbidden</c>, <c>unsupported_password_hash</c>, <c>duplicate_row</c>.</param>
/// <param name="Detail">What is wrong, in words.</param>
public sealed record RefusedImportRow(int Index, string? Email, string Code, string Detail);
