using System.Globalization;

namespace JwtAuthKit.AspNetCore.Http;

/// <summary>Reads <c>page</c> and <c>page_size</c> query values: page from 1, size 1 to 100 (default 20).</summary>
internal static class Paging
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    public static Result<(int Page, int PageSize)> Parse(string? page, string? pageSize)
    {
        var errors = new Dictionary<string, string[]>();
        var pageNumber = 1;
        var size = DefaultPageSize;
        if (!string.IsNullOrEmpty(page) && (!int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out pageNumber) || pageNumber < 1 || pageNumber > 1_000_000))
        {
            errors["page"] = ["must be a whole number from 1"];
        }

        if (!string.IsNullOrEmpty(pageSize) && (!int.TryParse(pageSize, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size < 1 || size > MaxPageSize))
        {
            errors["page_size"] = [$"must be a whole number from 1 to {MaxPageSize}"];
        }

        return errors.Count == 0 ? (pageNumber, size) : new JwtAuthKitError(JwtAuthKitErrors.ValidationFailed, "The paging values are invalid.", errors);
    }
}
