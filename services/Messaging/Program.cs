using WebRtcChat.Messaging.Apis;
using WebRtcChat.Messaging.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddMessagingService();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapRooms();
app.MapMessages();
app.Run();
