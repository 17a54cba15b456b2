using WebRtcChat.Recording.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddRecordingService();

var app = builder.Build();
app.MapDefaultEndpoints();
app.Run();
