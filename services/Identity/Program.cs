using WebRtcChat.Identity.Apis;
using WebRtcChat.Identity.Auth;
using WebRtcChat.Identity.Extensions;
using WebRtcChat.Identity.Security;

var builder = WebApplication.CreateSlimBuilder(args);
builder.AddServiceDefaults();
builder.AddIdentityService();

var app = builder.Build();
if (KeysCommand.TryRun(app, args, out var exitCode))
{
    return exitCode;
}

app.MapDefaultEndpoints();
app.MapAuthorizeEndpoint();
app.MapTokenEndpoint();
app.MapOidcEndpoints();
app.MapLoginPage();
app.MapAuth();
app.MapExternalLogin();
app.MapUsers();
app.MapAvatars();
app.MapContacts();
app.MapBlocks();
app.Run();
return 0;
