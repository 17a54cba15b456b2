using WebRtcChat.Gateway.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddGateway();

var app = builder.Build();
app.UseGatewayEdge();
app.MapDefaultEndpoints();
app.MapGateway();
app.Run();
