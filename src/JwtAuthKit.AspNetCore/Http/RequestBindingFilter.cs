using Microsoft.AspNetCore.Http;

namespace JwtAuthKit.AspNetCore.Http;

/// <summary>Answers with the first binding failure among the handler's arguments, in parameter order.</summary>
internal sealed class RequestBindingFilter : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        foreach (var argument in context.Arguments)
        {
            if (argument is IRequestBinding { BindingError: { } error })
            {
                return ValueTask.FromResult<object?>(error.ToProblem());
            }
        }

        return next(context);
    }
}
