using WebRtcChat.Presence.Status;

namespace WebRtcChat.Presence.Calls;

/// <summary>Who may ring whom: nobody across a block (either way), and nobody who turned calls off (<c>allowCalls</c>).</summary>
public sealed class CallRules(SocialGraph graph)
{
    /// <summary>Why <paramref name="caller"/> may not ring <paramref name="callee"/>, or null when they may.</summary>
    public async Task<string?> RefusalAsync(Guid caller, Guid callee)
    {
        if (caller == callee)
        {
            return "You cannot call yourself.";
        }

        if (await graph.BlockedEitherWayAsync(caller, callee))
        {
            return "You cannot call this user.";
        }

        return await graph.AllowsCallsAsync(callee) ? null : "This user does not accept calls.";
    }
}
