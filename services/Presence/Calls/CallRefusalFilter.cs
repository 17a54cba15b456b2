using Microsoft.AspNetCore.SignalR;

namespace WebRtcChat.Presence.Calls;

/// <summary>Turns a refused call action into a <see cref="HubException"/>, so the client sees the reason (other errors stay hidden).</summary>
public sealed class CallRefusalFilter : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            return await next(invocationContext);
        }
        catch (CallRefusedException refused)
        {
            throw new HubException(refused.Message);
        }
    }
}
