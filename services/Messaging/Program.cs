using WebRtcChat.Messaging.Apis;
using WebRtcChat.Messaging.Extensions;

var builder = WebApplication.CreateSlimBuilder(args);
builder.AddServiceDefaults();
builder.AddMessagingService();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapRooms();
app.MapMessages();
app.Run();
