using Microsoft.EntityFrameworkCore;

namespace WebRtcChat.Recording.Data;

/// <summary>Lets <c>dotnet ef</c> build the model without starting the service.</summary>
internal sealed class RecordingDbContextFactory : NpgsqlDesignTimeDbContextFactory<RecordingDbContext>;
