using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using WebRtcChat.ServiceDefaults.ObjectStorage;
using WebRtcChat.ServiceDefaults.Tests.Support;
using WebRtcChat.Testing;

namespace WebRtcChat.ServiceDefaults.Tests;

[Collection(InfrastructureCollection.Name)]
public sealed class ObjectStoreTests(TestInfrastructure infra)
{
    [Fact]
    public async Task An_object_can_be_stored_read_downloaded_through_a_presigned_url_and_deleted()
    {
        await using var host = await TestHost.StartAsync("objects", new Dictionary<string, string?>
        {
            ["objectstore"] = infra.ObjectStoreConnectionString,
        }, builder => builder.AddObjectStore("objectstore", bucket: $"test-{Guid.NewGuid():N}"[..20]));
        await host.WaitForHealthAsync();
        var store = host.App.Services.GetRequiredService<ObjectStore>();
        var bytes = new byte[300_000];
        Random.Shared.NextBytes(bytes);
        var key = $"rooms/{Guid.CreateVersion7()}/voice note.webm";

        using (var upload = new MemoryStream(bytes))
        {
            await store.PutAsync(key, upload, bytes.Length, "audio/webm", CancellationToken.None);
        }

        Assert.True(await store.ExistsAsync(key, CancellationToken.None));
        await using (var stored = await store.GetAsync(key, CancellationToken.None))
        {
            Assert.NotNull(stored);
            Assert.Equal("audio/webm", stored.ContentType);
            Assert.Equal(bytes.Length, stored.Size);
            using var read = new MemoryStream();
            await stored.Content.CopyToAsync(read);
            Assert.Equal(bytes, read.ToArray());
        }

        var url = await store.GetPresignedGetUrlAsync(key, TimeSpan.FromMinutes(5));
        using (var http = new HttpClient())
        {
            Assert.Equal(bytes, await http.GetByteArrayAsync(url));
        }

        await store.DeleteAsync(key, CancellationToken.None);
        Assert.Null(await store.GetAsync(key, CancellationToken.None));
        Assert.False(await store.ExistsAsync(key, CancellationToken.None));
    }

    [Fact]
    public async Task Presigned_urls_point_at_the_public_endpoint_when_the_connection_string_names_one()
    {
        await using var host = await TestHost.StartAsync("objects", new Dictionary<string, string?>
        {
            ["objectstore"] = infra.ObjectStoreConnectionString + ";PublicEndpoint=https://files.example.test:9443",
        }, builder => builder.AddObjectStore("objectstore", bucket: $"test-{Guid.NewGuid():N}"[..20]));
        await host.WaitForHealthAsync();
        var store = host.App.Services.GetRequiredService<ObjectStore>();

        var url = await store.GetPresignedGetUrlAsync("rooms/r1/messages/m1/0", TimeSpan.FromMinutes(5));

        Assert.Equal("https://files.example.test:9443", url.GetLeftPart(UriPartial.Authority));
        Assert.Contains("X-Amz-Signature=", url.Query, StringComparison.Ordinal);
    }
}
