using WebRtcChat.MediaSfu.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddMediaSfuService();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapMediaSfu();
app.Run();
