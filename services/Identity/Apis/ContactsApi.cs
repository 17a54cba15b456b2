using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using WebRtcChat.Contracts;
using WebRtcChat.Identity.Avatars;
using WebRtcChat.Identity.Model;

namespace WebRtcChat.Identity.Apis;

/// <summary>The caller's contacts: add (idempotent), remove, list.</summary>
public static class ContactsApi
{
    public static RouteGroupBuilder MapContacts(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/contacts").WithTags("Contacts").RequireAuthorization(AuthApi.Bearer);
        group.MapGet("/", ListAsync);
        group.MapPost("/{userId:guid}", AddAsync);
        group.MapDelete("/{userId:guid}", RemoveAsync);
        return group;
    }

    public static async Task<Ok<List<ContactDto>>> ListAsync([AsParameters] SocialServices services, CancellationToken cancellationToken)
    {
        var caller = services.CallerId;
        var contacts = await services.Db.Contacts.AsNoTracking()
            .Where(c => c.OwnerId == caller)
            .Join(services.Db.Users, c => c.ContactId, u => u.Id, (c, u) => new { c.CreatedAt, u })
            .OrderBy(x => x.u.UserName)
            .Select(x => new ContactDto(x.u.Id, x.u.UserName!, x.u.DisplayName, x.u.Status, AvatarStore.UrlOf(x.u.Id, x.u.AvatarKey), x.CreatedAt))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(contacts);
    }

    public static async Task<Results<Created<ContactDto>, Ok<ContactDto>, ProblemHttpResult>> AddAsync(
        Guid userId, [AsParameters] SocialServices services, CancellationToken cancellationToken)
    {
        var caller = services.CallerId;
        if (userId == caller)
        {
            return SocialProblems.Self("add as a contact");
        }

        var db = services.Db;
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null || await db.Blocks.AnyAsync(b => b.BlockerId == userId && b.BlockedId == caller, cancellationToken))
        {
            return SocialProblems.UserNotFound();
        }

        if (await db.Blocks.AnyAsync(b => b.BlockerId == caller && b.BlockedId == userId, cancellationToken))
        {
            return SocialProblems.BlockedByYou();
        }

        if (await db.Contacts.AsNoTracking().SingleOrDefaultAsync(c => c.OwnerId == caller && c.ContactId == userId, cancellationToken) is { } existing)
        {
            return TypedResults.Ok(ToDto(user, existing.CreatedAt));
        }

        var now = services.Time.GetUtcNow();
        db.Contacts.Add(new Contact { OwnerId = caller, ContactId = userId, CreatedAt = now });
        db.AddIntegrationEvent(new ContactAdded(caller, userId, now));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A concurrent request added it first: the same outcome as a retry.
            db.ChangeTracker.Clear();
            var raced = await db.Contacts.AsNoTracking().SingleAsync(c => c.OwnerId == caller && c.ContactId == userId, cancellationToken);
            return TypedResults.Ok(ToDto(user, raced.CreatedAt));
        }

        return TypedResults.Created($"/api/users/{userId}", ToDto(user, now));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> RemoveAsync(
        Guid userId, [AsParameters] SocialServices services, CancellationToken cancellationToken)
    {
        if (await services.CheckOtherUserAsync(userId, "remove as a contact", cancellationToken) is { } problem)
        {
            return problem;
        }

        var caller = services.CallerId;
        var db = services.Db;

        var contact = await db.Contacts.SingleOrDefaultAsync(c => c.OwnerId == caller && c.ContactId == userId, cancellationToken);
        if (contact is not null)
        {
            db.Contacts.Remove(contact);
            db.AddIntegrationEvent(new ContactRemoved(caller, userId, services.Time.GetUtcNow()));
            await db.SaveChangesAsync(cancellationToken);
        }

        return TypedResults.NoContent();
    }

    private static ContactDto ToDto(User user, DateTimeOffset addedAt) => new(user.Id, user.UserName!, user.DisplayName, user.Status, AvatarStore.UrlOf(user), addedAt);
}
