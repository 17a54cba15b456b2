using WebRtcChat.Recording.Extensions;

var builder = WebApplication.CreateSlimBuilder(args);
builder.AddServiceDefaults();
builder.AddRecordingService();

var app = builder.Build();
app.MapDefaultEndpoints();
app.Run();
