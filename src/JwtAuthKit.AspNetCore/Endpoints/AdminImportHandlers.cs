using System.Text.Json;
using JwtAuthKit.Administration;
using JwtAuthKit.AspNetCore.Contracts;
using JwtAuthKit.AspNetCore.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace JwtAuthKit.AspNetCore.Endpoints;

/// <summary>Bulk import and export of an application's users (<c>/api/admin/users/import</c>, <c>/users/export</c>).</summary>
internal static class AdminImportHandlers
{
    private static readonly ReadOnlyMemory<byte> NewLine = "\n"u8.ToArray();

    public static async Task<Results<Ok<UserImportResponse>, ProblemHttpResult>> ImportAsync(
        AdminCaller caller, HttpContext context, IUserImportService imports, CancellationToken cancellationToken)
    {
        var rows = await ImportBody.ReadAsync(context);
        if (!rows.Succeeded)
        {
            return rows.Error.ToProblem();
        }

        var result = await imports.ImportAsync(caller.Actor, rows.Value.ToAsyncEnumerable(), null, cancellationToken);
        return TypedResults.Ok(UserImportResponse.From(result));
    }

    public static async Task<Results<PushStreamHttpResult, ProblemHttpResult>> ExportAsync(
        AdminCaller caller, IUserImportService imports, [FromQuery(Name = "include_password_hashes")] bool? includePasswordHashes, CancellationToken cancellationToken)
    {
        var export = await imports.ExportAsync(caller.Actor, includePasswordHashes == true, cancellationToken);
        if (!export.Succeeded)
        {
            return export.Error.ToProblem();
        }

        return TypedResults.Stream(async stream =>
        {
            var written = 0;
            await foreach (var row in export.Value.WithCancellation(cancellationToken))
            {
                await stream.WriteAsync(JsonSerializer.SerializeToUtf8Bytes(UserImportRow.From(row), WireJson.Options), cancellationToken);
                await stream.WriteAsync(NewLine, cancellationToken);
                if (++written % 500 == 0)
                {
                    await stream.FlushAsync(cancellationToken);
                }
            }
        }, "application/x-ndjson");
    }
}
