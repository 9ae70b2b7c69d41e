using System.Diagnostics.CodeAnalysis;

namespace JwtAuthKit;

/// <summary>The outcome of a service call: either a value or a <see cref="JwtAuthKitError"/>.</summary>
/// <typeparam name="T">The type of the value on success.</typeparam>
public readonly struct Result<T>
{
    private Result(T? value, JwtAuthKitError? error)
    {
        Value = value;
        Error = error;
    }

    /// <summary>The value; set when <see cref="Succeeded"/> is <see langword="true"/>.</summary>
    public T? Value { get; }

    /// <summary>The error; set when <see cref="Succeeded"/> is <see langword="false"/>.</summary>
    public JwtAuthKitError? Error { get; }

    /// <summary>Whether the call succeeded.</summary>
    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Error is null;

    /// <summary>A successful result.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The result.</returns>
#pragma warning disable CA1000 // A factory on the generic type reads best at call sites.
    public static Result<T> Success(T value) => new(value, null);

    /// <summary>A failed result.</summary>
    /// <param name="error">The error.</param>
    /// <returns>The result.</returns>
    public static Result<T> Failure(JwtAuthKitError error) => new(default, error);
#pragma warning restore CA1000

    /// <summary>Converts an error into a failed result.</summary>
    /// <param name="error">The error.</param>
    public static implicit operator Result<T>(JwtAuthKitError error) => Failure(error);

    /// <summary>Converts a value into a successful result.</summary>
    /// <param name="value">The value.</param>
    public static implicit operator Result<T>(T value) => Success(value);
}
