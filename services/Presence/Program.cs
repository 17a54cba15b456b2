using WebRtcChat.Presence.Extensions;

var builder = WebApplication.CreateSlimBuilder(args);
builder.AddServiceDefaults();
builder.AddPresenceService();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapChatHub();
app.Run();
