using WebRtcChat.Testing;

namespace WebRtcChat.Bench.Messaging;

/// <summary>Message bodies of chat-like lengths: mostly short, some a few sentences, now and then a mention.</summary>
internal static class SampleText
{
    /// <summary>About 1,000 characters of prose to cut messages from (the SQL seeding uses it too).</summary>
    public const string Prose =
        "Sounds good, see you at the standup tomorrow. Can someone review the pull request before lunch? " +
        "The deploy went fine, but the dashboard still shows the old build number for a few minutes after rollout. " +
        "I think we should move the retro to Thursday because half the team is out on Wednesday for the offsite. " +
        "Here is the summary of what we agreed: the API stays backwards compatible, the migration runs in two steps, " +
        "and we keep the feature flag until every client has the new version. Thanks everyone for the quick turnaround! " +
        "Has anyone seen the latency spike around noon? It lines up with the batch import, so it may be the database. " +
        "Lunch order is in, pizza arrives at half past twelve. Remember to update the runbook when you change the alerts. " +
        "Quick question: do we still need the old endpoint, or can we delete it in the next release after the announcement? " +
        "Great work on the release, the numbers look much better than last week and the error rate dropped to almost zero.";

    public static string Message(int worker, int call, IReadOnlyList<TestUser> users)
    {
        var start = ((worker * 131) + (call * 17)) % 400;
        var length = (call % 10) switch
        {
            0 => 300,
            1 or 2 => 120,
            _ => 20 + ((call * 7) % 50),
        };
        var text = Prose.Substring(start, length).Trim();
        return call % 10 == 5 ? $"@{users[(worker + 1) % users.Count].Name} {text}" : text;
    }
}
