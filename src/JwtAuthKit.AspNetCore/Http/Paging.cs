using System.Globalization;

namespace JwtAuthKit.AspNetCore.Http;

/// <summary>Reads <c>page</c> and <c>page_size</c> query values into a <see cref="PageRequest"/>, which checks them.</summary>
internal static class Paging
{
    public static Result<PageRequest> Parse(string? page, string? pageSize) => PageRequest.Create(Number(page), Number(pageSize));

    // Not a whole number: 0, which the page request refuses with the field's message.
    private static int? Number(string? value) =>
        string.IsNullOrEmpty(value) ? null : int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
}
