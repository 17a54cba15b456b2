using Microsoft.EntityFrameworkCore;

namespace WebRtcChat.Identity.Data;

/// <summary>Lets <c>dotnet ef</c> build the model without starting the service.</summary>
internal sealed class IdentityDbContextFactory : NpgsqlDesignTimeDbContextFactory<IdentityDbContext>;
