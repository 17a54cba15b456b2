using WebRtcChat.Identity.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddIdentityService();

var app = builder.Build();
app.MapDefaultEndpoints();
app.Run();
