using WebRtcChat.Search.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddSearchService();

var app = builder.Build();
app.MapDefaultEndpoints();
app.Run();
