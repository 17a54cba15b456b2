using WebRtcChat.Search.Extensions;

var builder = WebApplication.CreateSlimBuilder(args);
builder.AddServiceDefaults();
builder.AddSearchService();

var app = builder.Build();
app.MapDefaultEndpoints();
app.Run();
