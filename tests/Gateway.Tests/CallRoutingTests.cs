using System.Net;
using WebRtcChat.Gateway.Tests.Infrastructure;

namespace WebRtcChat.Gateway.Tests;

/// <summary>
/// The gateway in front of two SFU nodes (stand-ins that say which node hosts a call): every request about a call goes
/// to its node, the answer is remembered for the cache duration, and an unknown call or a call whose node is gone goes
/// to any node.
/// </summary>
public sealed class CallRoutingTests(CallRoutingTests.Cluster cluster) : IClassFixture<CallRoutingTests.Cluster>
{
    private const int Requests = 20;

    [Fact]
    public async Task Every_request_about_a_call_reaches_the_node_hosting_it_and_the_node_is_asked_once()
    {
        var callId = cluster.Place(Guid.CreateVersion7(), cluster.B);
        var lookups = cluster.Lookups;

        var reached = await cluster.ServicesReachedAsync(callId, Requests);

        Assert.All(reached, service => Assert.Equal("mediasfu-b", service));
        Assert.Equal(lookups + 1, cluster.Lookups);
    }

    [Fact]
    public async Task The_hosting_node_is_asked_again_once_the_remembered_answer_expires()
    {
        var callId = cluster.Place(Guid.CreateVersion7(), cluster.A);
        Assert.Equal(["mediasfu-a"], await cluster.ServicesReachedAsync(callId, 1));
        cluster.Place(callId, cluster.B);

        Assert.Equal(["mediasfu-a"], await cluster.ServicesReachedAsync(callId, 1));
        await Task.Delay(Cluster.CacheDuration + TimeSpan.FromMilliseconds(200));
        Assert.Equal(["mediasfu-b"], await cluster.ServicesReachedAsync(callId, 1));
    }

    [Fact]
    public async Task A_call_no_node_knows_goes_to_any_node_and_is_asked_about_every_time()
    {
        var callId = Guid.CreateVersion7();
        var lookups = cluster.Lookups;

        var reached = await cluster.ServicesReachedAsync(callId, Requests);

        Assert.All(reached, service => Assert.Contains(service, new[] { "mediasfu-a", "mediasfu-b" }));
        Assert.Equal(lookups + Requests, cluster.Lookups);
    }

    [Fact]
    public async Task A_call_whose_node_left_the_cluster_goes_to_any_node_and_is_not_remembered()
    {
        var callId = cluster.Place(Guid.CreateVersion7(), new Uri("http://127.0.0.1:9"));
        var lookups = cluster.Lookups;

        var reached = await cluster.ServicesReachedAsync(callId, Requests);

        Assert.Equal(["mediasfu-a", "mediasfu-b"], reached.Distinct().Order());
        Assert.Equal(lookups + Requests, cluster.Lookups);
    }

    [Fact]
    public async Task A_call_whose_node_turned_unhealthy_goes_to_the_healthy_node()
    {
        var callId = cluster.Place(Guid.CreateVersion7(), cluster.B);
        // The call's node in rotation first: on a loaded machine a probe can time out and keep B out until the next one.
        await cluster.WaitUntilReachedAsync(callId, "mediasfu-b");
        cluster.B.Healthy = false;
        try
        {
            await cluster.WaitUntilReachedAsync(callId, "mediasfu-a");
            Assert.All(await cluster.ServicesReachedAsync(callId, Requests), service => Assert.Equal("mediasfu-a", service));
        }
        finally
        {
            // Back in the cluster before the next test runs.
            cluster.B.Healthy = true;
            await cluster.WaitUntilReachedAsync(callId, "mediasfu-b");
        }
    }

    /// <summary>Two SFU node stand-ins (probed at /health every 200 ms) and one stand-in for every other service.</summary>
    public sealed class Cluster : IAsyncLifetime
    {
        // Long enough for the 20 requests of a test to stay within it on a loaded CI machine (at 1 s they once did not).
        public static readonly TimeSpan CacheDuration = TimeSpan.FromSeconds(5);

        private Backend others = null!;
        private GatewayHost gateway = null!;
        private HttpClient client = null!;

        public Backend A { get; private set; } = null!;

        public Backend B { get; private set; } = null!;

        public int Lookups => A.NodeLookups + B.NodeLookups;

        /// <summary>Both nodes say <paramref name="callId"/> is hosted at <paramref name="node"/> (any node answers for every call).</summary>
        public Guid Place(Guid callId, Uri node)
        {
            A.CallNodes[callId] = node;
            B.CallNodes[callId] = node;
            return callId;
        }

        public Guid Place(Guid callId, Backend node) => Place(callId, node.Address);

        /// <summary>The service each of <paramref name="count"/> requests about <paramref name="callId"/> reached.</summary>
        public async Task<List<string>> ServicesReachedAsync(Guid callId, int count)
        {
            var reached = new List<string>();
            for (var i = 0; i < count; i++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/calls/{callId}/stats").WithBearer("caller");
                using var response = await client.SendAsync(request);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                reached.Add((await response.ReadEchoAsync()).Service);
            }

            return reached;
        }

        /// <summary>Waits until a request about <paramref name="callId"/> reaches <paramref name="service"/> (as the health probes catch up).</summary>
        public async Task WaitUntilReachedAsync(Guid callId, string service)
        {
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
            while ((await ServicesReachedAsync(callId, 1))[0] != service)
            {
                Assert.True(DateTime.UtcNow < deadline, $"requests about the call never reached {service}");
                await Task.Delay(50);
            }
        }

        public async Task InitializeAsync()
        {
            var started = await Task.WhenAll(new[] { "mediasfu-a", "mediasfu-b", "other" }.Select(Backend.StartAsync));
            (A, B, others) = (started[0], started[1], started[2]);
            var settings = new Dictionary<string, string?>
            {
                ["Gateway:RateLimiting:PerIp:PermitLimit"] = "100000",
                ["Gateway:RateLimiting:PerUser:PermitLimit"] = "100000",
                ["Gateway:CallRouting:CacheDuration"] = CacheDuration.ToString(),
                ["ReverseProxy:Clusters:mediasfu:HealthCheck:Active:Interval"] = "00:00:00.2",
                // A stand-in answers its probe in milliseconds, but on a loaded CI machine one has taken over the
                // production timeout (1 s), which takes a healthy node out of rotation; these tests are about routing.
                ["ReverseProxy:Clusters:mediasfu:HealthCheck:Active:Timeout"] = "00:00:05",
                ["ReverseProxy:Clusters:mediasfu:HealthCheck:Active:Path"] = "/health",
                ["services:mediasfu:http:0"] = A.Address.AbsoluteUri.TrimEnd('/'),
                ["services:mediasfu:http:1"] = B.Address.AbsoluteUri.TrimEnd('/'),
            };
            foreach (var service in GatewayFixture.ServiceNames.Where(name => name != "mediasfu"))
            {
                settings[$"services:{service}:http:0"] = others.Address.AbsoluteUri.TrimEnd('/');
            }

            gateway = GatewayHost.Start(settings);
            client = gateway.CreateNetworkClient();
        }

        public async Task DisposeAsync()
        {
            client.Dispose();
            await gateway.DisposeAsync();
            foreach (var backend in new[] { A, B, others })
            {
                await backend.DisposeAsync();
            }
        }
    }
}
