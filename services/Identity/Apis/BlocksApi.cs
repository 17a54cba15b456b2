using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using WebRtcChat.Contracts;
using WebRtcChat.Identity.Model;

namespace WebRtcChat.Identity.Apis;

/// <summary>Blocking: a block ends the contact both ways and hides the blocker from the blocked user.</summary>
public static class BlocksApi
{
    public static RouteGroupBuilder MapBlocks(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/block").WithTags("Blocks").RequireAuthorization(AuthApi.Bearer);
        group.MapGet("/", ListAsync);
        group.MapPost("/{userId:guid}", BlockAsync);
        group.MapDelete("/{userId:guid}", UnblockAsync);
        return group;
    }

    public static async Task<Ok<List<BlockedUserDto>>> ListAsync([AsParameters] SocialServices services, CancellationToken cancellationToken)
    {
        var caller = services.CallerId;
        var blocked = await services.Db.Blocks.AsNoTracking()
            .Where(b => b.BlockerId == caller)
            .Join(services.Db.Users, b => b.BlockedId, u => u.Id, (b, u) => new { b.CreatedAt, u.Id, u.UserName })
            .OrderBy(x => x.UserName)
            .Select(x => new BlockedUserDto(x.Id, x.UserName!, x.CreatedAt))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(blocked);
    }

    public static async Task<Results<Created<BlockedUserDto>, Ok<BlockedUserDto>, ProblemHttpResult>> BlockAsync(
        Guid userId, [AsParameters] SocialServices services, CancellationToken cancellationToken)
    {
        var caller = services.CallerId;
        if (userId == caller)
        {
            return SocialProblems.Self("block");
        }

        var db = services.Db;
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null)
        {
            return SocialProblems.UserNotFound();
        }

        if (await db.Blocks.AsNoTracking().SingleOrDefaultAsync(b => b.BlockerId == caller && b.BlockedId == userId, cancellationToken) is { } existing)
        {
            return TypedResults.Ok(new BlockedUserDto(userId, user.UserName!, existing.CreatedAt));
        }

        var now = services.Time.GetUtcNow();
        db.Blocks.Add(new Block { BlockerId = caller, BlockedId = userId, CreatedAt = now });
        var contacts = await db.Contacts
            .Where(c => (c.OwnerId == caller && c.ContactId == userId) || (c.OwnerId == userId && c.ContactId == caller))
            .ToListAsync(cancellationToken);
        foreach (var contact in contacts)
        {
            db.Contacts.Remove(contact);
            db.AddIntegrationEvent(new ContactRemoved(contact.OwnerId, contact.ContactId, now));
        }

        db.AddIntegrationEvent(new UserBlocked(caller, userId, now));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A concurrent request blocked first (or changed the contacts under us): report the block that exists.
            db.ChangeTracker.Clear();
            var raced = await db.Blocks.AsNoTracking().SingleAsync(b => b.BlockerId == caller && b.BlockedId == userId, cancellationToken);
            return TypedResults.Ok(new BlockedUserDto(userId, user.UserName!, raced.CreatedAt));
        }

        return TypedResults.Created("/api/block", new BlockedUserDto(userId, user.UserName!, now));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> UnblockAsync(
        Guid userId, [AsParameters] SocialServices services, CancellationToken cancellationToken)
    {
        if (await services.CheckOtherUserAsync(userId, "unblock", cancellationToken) is { } problem)
        {
            return problem;
        }

        var caller = services.CallerId;
        var db = services.Db;

        var block = await db.Blocks.SingleOrDefaultAsync(b => b.BlockerId == caller && b.BlockedId == userId, cancellationToken);
        if (block is not null)
        {
            db.Blocks.Remove(block);
            db.AddIntegrationEvent(new UserUnblocked(caller, userId, services.Time.GetUtcNow()));
            await db.SaveChangesAsync(cancellationToken);
        }

        return TypedResults.NoContent();
    }
}
