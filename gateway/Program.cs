using WebRtcChat.Gateway.Extensions;

// The edge keeps the full builder (HTTPS endpoints from configuration, HTTP/3); the services behind it use the slim one.
var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddGateway();

var app = builder.Build();
app.UseGatewayEdge();
app.MapDefaultEndpoints();
app.MapGateway();
app.Run();
