namespace JwtAuthKit;

/// <summary>Which page of a list to return: <see cref="Number"/> from 1, <see cref="Size"/> from 1 to <see cref="MaxSize"/>.</summary>
public readonly record struct PageRequest
{
    /// <summary>The size of a page when none is asked for.</summary>
    public const int DefaultSize = 20;

    /// <summary>The largest page size.</summary>
    public const int MaxSize = 100;

    /// <summary>The largest page number (a bound on the work of a skip).</summary>
    public const int MaxNumber = 1_000_000;

    private PageRequest(int number, int size)
    {
        Number = number;
        Size = size;
    }

    /// <summary>The page number, from 1.</summary>
    public int Number { get; }

    /// <summary>The number of items per page.</summary>
    public int Size { get; }

    /// <summary>How many items come before this page.</summary>
    public int Skip => (Number - 1) * Size;

    /// <summary>The first page of the default size.</summary>
    public static PageRequest First { get; } = new(1, DefaultSize);

    /// <summary>Checks a page number and size; a missing value takes its default.</summary>
    /// <param name="number">The page number, or <see langword="null"/> for 1.</param>
    /// <param name="size">The page size, or <see langword="null"/> for <see cref="DefaultSize"/>.</param>
    /// <returns>The page, or <c>validation_failed</c> naming <c>page</c> and <c>page_size</c>.</returns>
    public static Result<PageRequest> Create(int? number, int? size)
    {
        var errors = new Dictionary<string, string[]>();
        if (number is < 1 or > MaxNumber)
        {
            errors["page"] = ["must be a whole number from 1"];
        }

        if (size is < 1 or > MaxSize)
        {
            errors["page_size"] = [$"must be a whole number from 1 to {MaxSize}"];
        }

        return errors.Count == 0
            ? new PageRequest(number ?? 1, size ?? DefaultSize)
            : new JwtAuthKitError(JwtAuthKitErrors.ValidationFailed, "The paging values are invalid.", errors);
    }
}
