using System.Text.Json.Serialization;

namespace JwtAuthKit.AspNetCore.Contracts;

/// <summary>One page of a list.</summary>
/// <typeparam name="T">The item type.</typeparam>
internal sealed class PageResponse<T>
{
    /// <summary>The items of this page.</summary>
    [JsonPropertyName("items")] public required IReadOnlyList<T> Items { get; init; }

    /// <summary>How many items match in all.</summary>
    [JsonPropertyName("total")] public int Total { get; init; }

    /// <summary>The page number, from 1.</summary>
    [JsonPropertyName("page")] public int Page { get; init; }

    /// <summary>The page size.</summary>
    [JsonPropertyName("page_size")] public int PageSize { get; init; }

    internal static PageResponse<T> From<TSource>(Page<TSource> page, Func<TSource, T> map) => new()
    {
        Items = [.. page.Items.Select(map)],
        Total = page.Total,
        Page = page.Request.Number,
        PageSize = page.Request.Size,
    };
}
