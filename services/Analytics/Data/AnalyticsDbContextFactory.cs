using Microsoft.EntityFrameworkCore;

namespace WebRtcChat.Analytics.Data;

/// <summary>Lets <c>dotnet ef</c> build the model without starting the service.</summary>
internal sealed class AnalyticsDbContextFactory : NpgsqlDesignTimeDbContextFactory<AnalyticsDbContext>;
