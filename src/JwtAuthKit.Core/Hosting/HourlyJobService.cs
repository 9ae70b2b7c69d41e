using Microsoft.Extensions.Hosting;

namespace JwtAuthKit.Hosting;

/// <summary>
/// Runs a scheduled job 10 s after start (start-up and migrations first) and then every hour, on the
/// <see cref="TimeProvider"/>'s clock, one delay at a time so a paused process catches up once. A failed run is reported
/// and tried again at the next hour. Every node runs it: each job makes itself safe with several nodes (a lease or a
/// conditional update in the database), never with an in-process lock.
/// </summary>
internal abstract class HourlyJobService(TimeProvider time) : BackgroundService
{
    private static readonly TimeSpan FirstRunAfter = TimeSpan.FromSeconds(10);

    /// <summary>The time between two runs.</summary>
    internal static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    /// <summary>The clock the runs and the jobs' cut-offs follow.</summary>
    protected TimeProvider Time { get; } = time;

    /// <summary>One run of the job.</summary>
    protected abstract Task RunJobAsync(CancellationToken cancellationToken);

    /// <summary>Reports a failed run (the next one comes an hour later).</summary>
    protected abstract void OnFailed(Exception exception);

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(FirstRunAfter, Time, stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await RunJobAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    OnFailed(ex);
                }

                await Task.Delay(Interval, Time, stoppingToken);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
