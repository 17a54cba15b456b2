using Microsoft.EntityFrameworkCore;

namespace WebRtcChat.Search.Data;

/// <summary>Lets <c>dotnet ef</c> build the model without starting the service.</summary>
internal sealed class SearchDbContextFactory : NpgsqlDesignTimeDbContextFactory<SearchDbContext>;
