using WebRtcChat.Analytics.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddAnalyticsService();

var app = builder.Build();
app.MapDefaultEndpoints();
app.Run();
