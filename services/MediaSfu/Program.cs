using WebRtcChat.MediaSfu.Extensions;

var builder = WebApplication.CreateSlimBuilder(args);
builder.AddServiceDefaults();
builder.AddMediaSfuService();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapMediaSfu();
app.Run();
