namespace JwtAuthKit;

/// <summary>One page of a longer list, and how many items the whole list holds.</summary>
/// <typeparam name="T">The item type.</typeparam>
/// <param name="Items">The items of this page.</param>
/// <param name="Total">How many items match in all.</param>
/// <param name="Request">The page that was asked for.</param>
public sealed record Page<T>(IReadOnlyList<T> Items, int Total, PageRequest Request);
