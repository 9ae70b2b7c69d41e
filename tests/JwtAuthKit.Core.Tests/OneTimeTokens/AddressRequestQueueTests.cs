using JwtAuthKit.Hosting;
using JwtAuthKit.OneTimeTokens;
using Microsoft.Extensions.Logging.Abstractions;

namespace JwtAuthKit.Core.Tests.OneTimeTokens;

public sealed class AddressRequestQueueTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task The_caller_is_answered_before_the_per_address_work_runs()
    {
        using var queue = new AddressRequestQueue(new ImmediateCallerAnswer(), NullLogger<AddressRequestQueue>.Instance);
        await queue.StartAsync(CancellationToken.None);
        var release = new TaskCompletionSource();
        var finished = new TaskCompletionSource();

        await queue.RunAfterAnswerAsync("a@example.com", async _ =>
        {
            await release.Task;
            finished.SetResult();
        }, CancellationToken.None).WaitAsync(Patience);

        finished.Task.IsCompleted.Should().BeFalse("the work waits for its release, and the caller did not wait for the work");
        release.SetResult();
        await finished.Task.WaitAsync(Patience);
        await queue.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task The_work_starts_only_once_the_callers_answer_has_been_sent()
    {
        var answer = new HeldAnswer();
        using var queue = new AddressRequestQueue(answer, NullLogger<AddressRequestQueue>.Instance);
        await queue.StartAsync(CancellationToken.None);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        await queue.RunAfterAnswerAsync("a@example.com", _ =>
        {
            started.SetResult();
            return Task.CompletedTask;
        }, CancellationToken.None).WaitAsync(Patience);

        // The lane is free and the work is queued; only the answer still being written holds it back.
        var first = await Task.WhenAny(started.Task, Task.Delay(TimeSpan.FromMilliseconds(200)));
        first.Should().NotBe(started.Task, "the answer has not been sent yet");
        var sentAt = System.Diagnostics.Stopwatch.GetTimestamp();
        answer.Send();
        await started.Task.WaitAsync(Patience);
        System.Diagnostics.Stopwatch.GetElapsedTime(sentAt).Should().BeGreaterThanOrEqualTo(AddressRequestQueue.AfterAnswer - TimeSpan.FromMilliseconds(1),
            "the work also leaves the caller a moment to read the answer before it takes the processors");
        await queue.WhenIdleAsync(CancellationToken.None).WaitAsync(Patience);
        await queue.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Stopping_does_not_wait_for_answers_past_the_hosts_shutdown_time()
    {
        var answer = new HeldAnswer();
        using var queue = new AddressRequestQueue(answer, NullLogger<AddressRequestQueue>.Instance);
        await queue.StartAsync(CancellationToken.None);
        var ran = false;
        await queue.RunAfterAnswerAsync("a@example.com", _ =>
        {
            ran = true;
            return Task.CompletedTask;
        }, CancellationToken.None);

        using var shutdown = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        await queue.StopAsync(shutdown.Token).WaitAsync(Patience);

        ran.Should().BeFalse("an answer that never went out held the work until the host gave up, and then it was abandoned");
    }

    [Fact]
    public async Task One_address_is_served_in_order_and_work_that_fails_does_not_stop_the_lane()
    {
        using var queue = new AddressRequestQueue(new ImmediateCallerAnswer(), NullLogger<AddressRequestQueue>.Instance);
        await queue.StartAsync(CancellationToken.None);
        var order = new List<int>();
        var done = new TaskCompletionSource();

        for (var i = 0; i < 50; i++)
        {
            var n = i;
            await queue.RunAfterAnswerAsync("same@example.com", async _ =>
            {
                await Task.Yield();
                lock (order)
                {
                    order.Add(n);
                }

                if (n == 10)
                {
                    throw new InvalidOperationException("the store is gone");
                }

                if (n == 49)
                {
                    done.SetResult();
                }
            }, CancellationToken.None);
        }

        await done.Task.WaitAsync(Patience);
        order.Should().Equal(Enumerable.Range(0, 50));
        await queue.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Stopping_finishes_queued_work_and_later_work_runs_inline()
    {
        using var queue = new AddressRequestQueue(new ImmediateCallerAnswer(), NullLogger<AddressRequestQueue>.Instance);
        await queue.StartAsync(CancellationToken.None);
        var ran = 0;
        for (var i = 0; i < 20; i++)
        {
            await queue.RunAfterAnswerAsync($"u{i}@example.com", async token =>
            {
                await Task.Delay(5, token);
                Interlocked.Increment(ref ran);
            }, CancellationToken.None);
        }

        await queue.StopAsync(CancellationToken.None).WaitAsync(Patience);
        ran.Should().Be(20, "a graceful stop finishes what was queued");

        await queue.RunAfterAnswerAsync("late@example.com", _ =>
        {
            Interlocked.Increment(ref ran);
            return Task.CompletedTask;
        }, CancellationToken.None);
        ran.Should().Be(21, "after the stop, the work runs before the call returns");
    }

    [Fact]
    public async Task A_queue_that_was_never_started_runs_the_work_inline()
    {
        using var queue = new AddressRequestQueue(new ImmediateCallerAnswer(), NullLogger<AddressRequestQueue>.Instance);
        var ran = false;

        await queue.RunAfterAnswerAsync("a@example.com", _ =>
        {
            ran = true;
            return Task.CompletedTask;
        }, CancellationToken.None);

        ran.Should().BeTrue();
    }

    /// <summary>An answer that is sent when the test says so.</summary>
    private sealed class HeldAnswer : ICallerAnswer
    {
        private readonly TaskCompletionSource _sent = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task WhenAnswerSent() => _sent.Task;

        public void Send() => _sent.SetResult();
    }
}
