using MassTransit;
using WebRtcChat.Contracts;

namespace WebRtcChat.Presence.Rooms;

/// <summary>Keeps <see cref="RoomMembers"/> current from the room events (each carries the members after the change).</summary>
public sealed class RoomMembershipProjector(RoomMembers members) :
    IConsumer<RoomCreated>, IConsumer<RoomMemberAdded>, IConsumer<RoomMemberRemoved>
{
    public Task Consume(ConsumeContext<RoomCreated> context) => Apply(context.Message.RoomId, context.Message.MemberIds, context.Message.OccurredAt);

    public Task Consume(ConsumeContext<RoomMemberAdded> context) => Apply(context.Message.RoomId, context.Message.MemberIds, context.Message.OccurredAt);

    public Task Consume(ConsumeContext<RoomMemberRemoved> context) => Apply(context.Message.RoomId, context.Message.MemberIds, context.Message.OccurredAt);

    private Task Apply(Guid roomId, IReadOnlyList<Guid> memberIds, DateTimeOffset occurredAt) => members.ReplaceAsync(roomId, memberIds, occurredAt);
}
