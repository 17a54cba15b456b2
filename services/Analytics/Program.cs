using WebRtcChat.Analytics.Extensions;

var builder = WebApplication.CreateSlimBuilder(args);
builder.AddServiceDefaults();
builder.AddAnalyticsService();

var app = builder.Build();
app.MapDefaultEndpoints();
app.Run();
