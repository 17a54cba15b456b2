using WebRtcChat.Gateway.Extensions;

var builder = WebApplication.CreateSlimBuilder(args);
builder.AddServiceDefaults();
builder.AddGateway();

var app = builder.Build();
app.UseGatewayEdge();
app.MapDefaultEndpoints();
app.MapGateway();
app.Run();
