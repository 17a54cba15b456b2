using Microsoft.AspNetCore.Http.HttpResults;
using WebRtcChat.MediaSfu.Calls;
using WebRtcChat.MediaSfu.Nodes;

namespace WebRtcChat.MediaSfu.Apis;

/// <summary>
/// Which node hosts a call, for the gateway's routing by call id (any node answers for every call). It tells any
/// signed-in user only where a call they name runs, not who is in it, so it asks Messaging nothing.
/// </summary>
public static class CallNodeApi
{
    public static RouteGroupBuilder MapCallNode(this RouteGroupBuilder calls)
    {
        calls.MapGet("/{callId:guid}/node", GetAsync);
        return calls;
    }

    public static async Task<Results<Ok<CallNodeDto>, ProblemHttpResult>> GetAsync(Guid callId, CallRegistry calls, NodeRegistry nodes)
    {
        if (await calls.GetAsync(callId) is not { } call)
        {
            return CallProblems.CallNotFound();
        }

        var node = await nodes.FindAsync(call.Node);
        return TypedResults.Ok(new CallNodeDto(callId, call.Node, node is not null, node?.HttpAddress, node?.MediaAddress));
    }
}
