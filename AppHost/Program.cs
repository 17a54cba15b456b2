using Aspire.Hosting.ApplicationModel;

var builder = DistributedApplication.CreateBuilder(args);

var postgres = builder.AddPostgres("postgres");
var identityDb = postgres.AddDatabase("identitydb");
var messagingDb = postgres.AddDatabase("messagingdb");
var recordingDb = postgres.AddDatabase("recordingdb");
var searchDb = postgres.AddDatabase("searchdb");
var analyticsDb = postgres.AddDatabase("analyticsdb");
var redis = builder.AddRedis("redis");
var eventBus = builder.AddRabbitMQ("eventbus");
var objectStore = builder.AddS3ObjectStore("objectstore");
var mail = builder.AddMailDev("mail");
var turn = builder.AddTurnServer("turn")
    .WithListeningIp(builder.Configuration["Turn:ListeningIp"])
    .WithExternalIp(builder.Configuration["Turn:ExternalIp"])
    .WithRelayPorts(builder.Configuration.GetValue("Turn:MinPort", 49152), builder.Configuration.GetValue("Turn:MaxPort", 65535));

var identity = builder.AddProject<Projects.Identity>("identity")
    .WithReference(identityDb).WaitFor(identityDb)
    .WithReference(redis).WaitFor(redis)
    .WithReference(eventBus).WaitFor(eventBus)
    .WithReference(objectStore).WaitFor(objectStore)
    .WithReference(mail).WaitFor(mail)
    .WithHttpHealthCheck("/health");

var messaging = builder.AddProject<Projects.Messaging>("messaging")
    .WithReference(messagingDb).WaitFor(messagingDb)
    .WithReference(eventBus).WaitFor(eventBus)
    .WithReference(objectStore).WaitFor(objectStore)
    .WithReference(identity)
    .WithHttpHealthCheck("/health");

var presence = builder.AddProject<Projects.Presence>("presence")
    .WithReference(redis).WaitFor(redis)
    .WithReference(turn).WaitFor(turn)
    .WithReference(eventBus).WaitFor(eventBus)
    .WithReference(identity)
    .WithHttpHealthCheck("/health");

// Two SFU nodes: a group call lives on the node it was created on; the gateway routes its requests there by call id.
var mediaSfuNodes = new[] { "mediasfu", "mediasfu-2" }.Select(name => builder.AddProject<Projects.MediaSfu>(name)
    .WithReference(redis).WaitFor(redis)
    .WithReference(eventBus).WaitFor(eventBus)
    .WithReference(identity)
    .WithReference(messaging)
    .WithEnvironment("MediaSfu__Node", name)
    .WithHttpHealthCheck("/health")).ToArray();
foreach (var node in mediaSfuNodes)
{
    node.WithEnvironment("MediaSfu__HttpAddress", ReferenceExpression.Create($"{node.Resource.GetEndpoint("http")}"));
}

var recording = builder.AddProject<Projects.Recording>("recording")
    .WithReference(recordingDb).WaitFor(recordingDb)
    .WithReference(eventBus).WaitFor(eventBus)
    .WithReference(objectStore).WaitFor(objectStore)
    .WithReference(identity)
    .WithHttpHealthCheck("/health");

var search = builder.AddProject<Projects.Search>("search")
    .WithReference(searchDb).WaitFor(searchDb)
    .WithReference(eventBus).WaitFor(eventBus)
    .WithReference(identity)
    .WithHttpHealthCheck("/health");

var analytics = builder.AddProject<Projects.Analytics>("analytics")
    .WithReference(analyticsDb).WaitFor(analyticsDb)
    .WithReference(eventBus).WaitFor(eventBus)
    .WithReference(identity)
    .WithHttpHealthCheck("/health");

var gateway = builder.AddProject<Projects.Gateway>("gateway")
    .WithHttpEndpoint(port: builder.Configuration.GetValue("Gateway:Port", 8080))
    .WithExternalHttpEndpoints()
    .WithReference(identity).WaitFor(identity)
    .WithReference(messaging).WaitFor(messaging)
    .WithReference(presence).WaitFor(presence)
    .WithReference("mediasfu", mediaSfuNodes).WaitFor(mediaSfuNodes[0]).WaitFor(mediaSfuNodes[1])
    .WithReference(recording).WaitFor(recording)
    .WithReference(search).WaitFor(search)
    .WithReference(analytics).WaitFor(analytics)
    .WithHttpHealthCheck("/health");

// Tokens carry one issuer, the public (gateway) address (also the base of links in account mails), whichever address Identity was reached on. The resource
// services fetch discovery and keys from Identity directly (services:identity) but accept only that issuer.
var publicUrl = ReferenceExpression.Create($"{gateway.Resource.GetEndpoint("http")}");
identity.WithEnvironment("Auth__Issuer", publicUrl)
    .WithEnvironment("Auth__PublicUrl", publicUrl);
var resourceServices = new[] { messaging, presence, recording, search, analytics }.Concat(mediaSfuNodes).ToArray();
foreach (var service in resourceServices)
{
    service.WithEnvironment("Identity__Issuer", publicUrl);
}

// The services behind the gateway run workstation GC, whose smallest gen-0 budget is otherwise sized from the CPU's L3
// cache (about 20 MB on a 36 MB L3): an idle service touches all of it within minutes. A 2 MB budget left each 6-21 MB
// less resident after 10 minutes idle (bench/README.md); under load the GC still grows the budget as survival asks.
foreach (var service in resourceServices.Prepend(identity))
{
    service.WithEnvironment("DOTNET_GCgen0size", "0x200000");
}

builder.Build().Run();
