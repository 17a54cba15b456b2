using WebRtcChat.Identity.Apis;
using WebRtcChat.Identity.Auth;
using WebRtcChat.Identity.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddIdentityService();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapTokenEndpoint();
app.MapOidcEndpoints();
app.MapAuth();
app.MapUsers();
app.MapAvatars();
app.MapContacts();
app.MapBlocks();
app.Run();
