using WebRtcChat.Recording.Data;

namespace WebRtcChat.Recording.Extensions;

public static class RecordingExtensions
{
    /// <summary>The Recording service's stores: its PostgreSQL database (with the outbox) and the event bus and the object store; bearer tokens validated against Identity.</summary>
    public static IHostApplicationBuilder AddRecordingService(this IHostApplicationBuilder builder)
    {
        builder.AddNpgsqlDbContext<RecordingDbContext>("recordingdb");
        builder.AddOutbox<RecordingDbContext>();
        builder.AddEventBus("eventbus");
        builder.AddObjectStore("objectstore", bucket: "recordings");
        builder.AddDefaultAuthentication();
        return builder;
    }
}
