using JwtAuthKit.Hosting;
using Microsoft.AspNetCore.Http;

namespace JwtAuthKit.AspNetCore.Http;

/// <summary>
/// <see cref="ICallerAnswer"/> for HTTP: the answer is sent when the current request's response has completed
/// (<see cref="HttpResponse.OnCompleted(Func{object, Task}, object)"/>), so an email request's per-address work never
/// shares the processor with its own answer. Outside a request (a worker, a command) the answer counts as sent.
/// </summary>
internal sealed class HttpResponseCallerAnswer(IHttpContextAccessor accessor) : ICallerAnswer
{
    public Task WhenAnswerSent()
    {
        if (accessor.HttpContext is not { } context)
        {
            return Task.CompletedTask;
        }

        // When the response completes its bytes are in the transport's pipe, and the transport's send is queued on the
        // thread pool's global queue. The work is released by an item queued behind it on that same queue: released
        // inline (or through this thread's local queue, which runs first) it would start before the bytes went out.
        var sent = new TaskCompletionSource();
        try
        {
            context.Response.OnCompleted(static state =>
            {
                ThreadPool.UnsafeQueueUserWorkItem(static sent => sent.TrySetResult(), (TaskCompletionSource)state, preferLocal: false);
                return Task.CompletedTask;
            }, sent);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ObjectDisposedException)
        {
            // The request is already over (a context seen after its end): nothing left to wait for.
            return Task.CompletedTask;
        }

        return sent.Task;
    }
}
