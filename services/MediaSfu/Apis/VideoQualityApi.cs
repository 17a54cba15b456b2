using Microsoft.AspNetCore.Http.HttpResults;
using WebRtcChat.MediaSfu.Media;

namespace WebRtcChat.MediaSfu.Apis;

/// <summary>
/// A participant's requested video quality: the largest height it wants from one publisher or from everyone (e.g. 180
/// for thumbnails, 720 for a spotlight); 0 pauses video, audio keeps flowing. The SFU forwards the best simulcast layer
/// within it that the participant's bandwidth carries.
/// </summary>
public static class VideoQualityApi
{
    public static RouteGroupBuilder MapVideoQuality(this RouteGroupBuilder calls)
    {
        calls.MapPut("/{callId:guid}/participants/{participantId:guid}/video", SetAsync);
        return calls;
    }

    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> SetAsync(
        Guid callId, Guid participantId, VideoQualityRequest request, VideoQualityControl control, [AsParameters] CallServices services, CancellationToken cancellationToken)
    {
        if (request.MaxHeight is not (>= 0 and <= VideoQualityControl.MaxHeightLimit and var height))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>(StringComparer.Ordinal)
            {
                ["maxHeight"] = [$"maxHeight is required: the largest video height in pixels, 0 to {VideoQualityControl.MaxHeightLimit} (0 pauses video)."],
            });
        }

        if (await services.FindAsRoomMemberAsync(callId, cancellationToken) is null)
        {
            return CallProblems.CallNotFound();
        }

        var media = services.Node.FindCall(callId);
        if (media?.Find(participantId) is not { } subscriber || subscriber.UserId != services.CallerId)
        {
            return CallProblems.ParticipantNotFound();
        }

        if (request.PublisherParticipantId is { } publisher && (publisher == participantId || media.Find(publisher) is null))
        {
            return CallProblems.PublisherNotFound();
        }

        control.Apply([subscriber], height, request.PublisherParticipantId);
        return TypedResults.NoContent();
    }
}
