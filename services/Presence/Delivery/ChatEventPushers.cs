using Microsoft.AspNetCore.SignalR;
using WebRtcChat.Contracts;
using WebRtcChat.Presence.Hubs;

namespace WebRtcChat.Presence.Delivery;

// One pusher per Messaging event: which client method, and who hears it. Each is its own MassTransit consumer (and queue).

public sealed class MessageSentPusher(IHubContext<ChatHub> hub) : ChatEventPusher<MessageSent>(hub)
{
    protected override string Method => ChatEventNames.MessageSent;

    protected override IEnumerable<Guid> RecipientsOf(MessageSent message) => message.MemberIds;
}

public sealed class MessageEditedPusher(IHubContext<ChatHub> hub) : ChatEventPusher<MessageEdited>(hub)
{
    protected override string Method => ChatEventNames.MessageEdited;

    protected override IEnumerable<Guid> RecipientsOf(MessageEdited message) => message.MemberIds;
}

public sealed class MessageDeletedPusher(IHubContext<ChatHub> hub) : ChatEventPusher<MessageDeleted>(hub)
{
    protected override string Method => ChatEventNames.MessageDeleted;

    protected override IEnumerable<Guid> RecipientsOf(MessageDeleted message) => message.MemberIds;
}

public sealed class ReactionChangedPusher(IHubContext<ChatHub> hub) : ChatEventPusher<ReactionChanged>(hub)
{
    protected override string Method => ChatEventNames.ReactionChanged;

    protected override IEnumerable<Guid> RecipientsOf(ReactionChanged message) => message.MemberIds;
}

public sealed class MessagesReadPusher(IHubContext<ChatHub> hub) : ChatEventPusher<MessagesRead>(hub)
{
    protected override string Method => ChatEventNames.MessagesRead;

    protected override IEnumerable<Guid> RecipientsOf(MessagesRead message) => message.MemberIds;
}

public sealed class MessageDeliveredPusher(IHubContext<ChatHub> hub) : ChatEventPusher<MessageDelivered>(hub)
{
    protected override string Method => ChatEventNames.MessageDelivered;

    protected override IEnumerable<Guid> RecipientsOf(MessageDelivered message) => message.MemberIds;
}

public sealed class RoomCreatedPusher(IHubContext<ChatHub> hub) : ChatEventPusher<RoomCreated>(hub)
{
    protected override string Method => ChatEventNames.RoomCreated;

    protected override IEnumerable<Guid> RecipientsOf(RoomCreated message) => message.MemberIds;
}

public sealed class RoomUpdatedPusher(IHubContext<ChatHub> hub) : ChatEventPusher<RoomUpdated>(hub)
{
    protected override string Method => ChatEventNames.RoomUpdated;

    protected override IEnumerable<Guid> RecipientsOf(RoomUpdated message) => message.MemberIds;
}

public sealed class RoomMemberAddedPusher(IHubContext<ChatHub> hub) : ChatEventPusher<RoomMemberAdded>(hub)
{
    protected override string Method => ChatEventNames.RoomMemberAdded;

    protected override IEnumerable<Guid> RecipientsOf(RoomMemberAdded message) => message.MemberIds;
}

public sealed class RoomMemberRemovedPusher(IHubContext<ChatHub> hub) : ChatEventPusher<RoomMemberRemoved>(hub)
{
    protected override string Method => ChatEventNames.RoomMemberRemoved;

    protected override IEnumerable<Guid> RecipientsOf(RoomMemberRemoved message) => [.. message.MemberIds, message.UserId];
}
