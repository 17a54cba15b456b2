using WebRtcChat.Identity.Apis;
using WebRtcChat.Identity.Auth;
using WebRtcChat.Identity.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddIdentityService();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapAuthorizeEndpoint();
app.MapTokenEndpoint();
app.MapOidcEndpoints();
app.MapLoginPage();
app.MapAuth();
app.MapExternalLogin();
app.MapUsers();
app.MapContacts();
app.MapBlocks();
app.Run();
