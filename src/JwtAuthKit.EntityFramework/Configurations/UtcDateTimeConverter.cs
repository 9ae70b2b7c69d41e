using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace JwtAuthKit.EntityFramework.Configurations;

/// <summary>Stores a <see cref="DateTimeOffset"/> as the UTC <see cref="DateTime"/> of the same instant.</summary>
internal sealed class UtcDateTimeConverter : ValueConverter<DateTimeOffset, DateTime>
{
    public static UtcDateTimeConverter Instance { get; } = new();

    private UtcDateTimeConverter()
        : base(value => value.UtcDateTime, stored => new DateTimeOffset(DateTime.SpecifyKind(stored, DateTimeKind.Utc)))
    {
    }
}
