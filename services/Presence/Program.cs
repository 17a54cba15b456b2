using WebRtcChat.Presence.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddPresenceService();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapChatHub();
app.Run();
