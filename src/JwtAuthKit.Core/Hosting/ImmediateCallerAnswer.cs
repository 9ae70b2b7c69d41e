namespace JwtAuthKit.Hosting;

/// <summary>The default <see cref="ICallerAnswer"/>: no front end is known, so the answer counts as sent.</summary>
internal sealed class ImmediateCallerAnswer : ICallerAnswer
{
    public Task WhenAnswerSent() => Task.CompletedTask;
}
