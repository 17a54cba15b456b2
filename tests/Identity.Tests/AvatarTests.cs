using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using WebRtcChat.ServiceDefaults.ObjectStorage;
using WebRtcChat.Testing;

namespace WebRtcChat.Identity.Tests;

/// <summary>Avatar upload, replacement, removal and serving, against the real object store.</summary>
[Collection(IdentityCollection.Name)]
public sealed class AvatarTests(IdentityFixture fixture)
{
    private const int MaxBytes = 5 * 1024 * 1024;

    private ObjectStore Store => fixture.Host.Services.GetRequiredService<ObjectStore>();

    public static TheoryData<string, string, int, int> Images => new()
    {
        { nameof(TestImages.Png), "image/png", 4, 2 },
        { nameof(TestImages.Jpeg), "image/jpeg", 2, 2 },
        { nameof(TestImages.WebpLossy), "image/webp", 4, 2 },
        { nameof(TestImages.WebpLossless), "image/webp", 4, 2 },
    };

    [Theory]
    [MemberData(nameof(Images))]
    public async Task An_image_is_recognised_by_its_content_and_served_back_with_its_type_ETag_and_cache_headers(
        string image, string contentType, int width, int height)
    {
        using var http = fixture.Host.CreateClient();
        var user = await SocialClient.RegisterAsync(http);
        var bytes = Image(image);

        // The declared type is ignored: the bytes decide.
        using var uploaded = await user.UploadAvatarAsync(bytes, "application/octet-stream", "upload.bin");
        Assert.Equal(HttpStatusCode.OK, uploaded.StatusCode);
        var body = await AuthClient.BodyAsync(uploaded);
        Assert.Equal(contentType, body.GetProperty("contentType").GetString());
        Assert.Equal(width, body.GetProperty("width").GetInt32());
        Assert.Equal(height, body.GetProperty("height").GetInt32());
        var url = body.GetProperty("avatar").GetString()!;
        Assert.Equal(url, await user.AvatarUrlAsync(user.Id));

        using var served = await http.GetAsync(url); // no token: the versioned URL is enough
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal(contentType, served.Content.Headers.ContentType?.MediaType);
        Assert.Equal(bytes, await served.Content.ReadAsByteArrayAsync());
        Assert.True(served.Headers.CacheControl?.Private);
        Assert.Contains("immutable", served.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        var etag = served.Headers.ETag;
        Assert.NotNull(etag);

        using var conditional = new HttpRequestMessage(HttpMethod.Get, url);
        conditional.Headers.IfNoneMatch.Add(etag);
        using var notModified = await http.SendAsync(conditional);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
    }

    [Fact]
    public async Task Replacing_an_avatar_deletes_the_old_object_and_removing_it_clears_the_profile()
    {
        using var http = fixture.Host.CreateClient();
        var user = await SocialClient.RegisterAsync(http);

        var first = await UploadAsync(user, TestImages.Png);
        Assert.True(await Store.ExistsAsync(KeyOf(first), CancellationToken.None));
        var second = await UploadAsync(user, TestImages.Jpeg);

        Assert.NotEqual(first, second);
        Assert.False(await Store.ExistsAsync(KeyOf(first), CancellationToken.None));
        Assert.True(await Store.ExistsAsync(KeyOf(second), CancellationToken.None));
        using (var stale = await http.GetAsync(first))
        {
            Assert.Equal(HttpStatusCode.NotFound, stale.StatusCode);
        }

        using (var removed = await user.DeleteAvatarAsync())
        {
            Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        }

        Assert.Null(await user.AvatarUrlAsync(user.Id));
        Assert.False(await Store.ExistsAsync(KeyOf(second), CancellationToken.None));
        using var gone = await user.GetWithTokenAsync($"/api/users/{user.Id}/avatar");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.EndsWith("/avatar-not-found", (await AuthClient.BodyAsync(gone)).GetProperty("type").GetString(), StringComparison.Ordinal);
    }

    public static TheoryData<string, byte[]> BrokenFiles => new()
    {
        { "truncated PNG", TestImages.Truncated(TestImages.Png, 60) },
        { "PNG signature then garbage", TestImages.SignatureThenGarbage(TestImages.Png, 8) },
        { "truncated JPEG", TestImages.Truncated(TestImages.Jpeg, TestImages.Jpeg.Length - 12) },
        { "JPEG signature then garbage", TestImages.SignatureThenGarbage(TestImages.Jpeg, 3) },
        { "truncated WebP", TestImages.Truncated(TestImages.WebpLossy, 40) },
        { "GIF", "GIF89a\u0001\u0000\u0001\u0000\u0000\u0000\u0000;"u8.ToArray() },
        { "text", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>"u8.ToArray() },
    };

    [Theory]
    [MemberData(nameof(BrokenFiles))]
    public async Task A_file_that_is_not_a_whole_PNG_JPEG_or_WebP_is_refused(string what, byte[] file)
    {
        using var http = fixture.Host.CreateClient();
        var user = await SocialClient.RegisterAsync(http);

        using var response = await user.UploadAvatarAsync(file, "image/png");

        Assert.True(HttpStatusCode.BadRequest == response.StatusCode, $"{what}: {response.StatusCode}");
        Assert.True((await SocialClient.ErrorsAsync(response)).TryGetProperty("file", out _), what);
        Assert.Null(await user.AvatarUrlAsync(user.Id));
    }

    [Fact]
    public async Task An_image_of_exactly_5_MiB_is_accepted_and_one_byte_more_is_413()
    {
        using var http = fixture.Host.CreateClient();
        var user = await SocialClient.RegisterAsync(http);

        using (var atLimit = await user.UploadAvatarAsync(TestJpeg.PaddedTo(MaxBytes), "image/jpeg"))
        {
            Assert.Equal(HttpStatusCode.OK, atLimit.StatusCode);
            Assert.Equal(MaxBytes, (await AuthClient.BodyAsync(atLimit)).GetProperty("size").GetInt32());
        }

        using var overLimit = await user.UploadAvatarAsync(TestJpeg.PaddedTo(MaxBytes + 1), "image/jpeg");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, overLimit.StatusCode);
        Assert.EndsWith("/avatar-too-large", (await AuthClient.BodyAsync(overLimit)).GetProperty("type").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Oversized_non_multipart_and_multi_file_uploads_get_problem_details()
    {
        using var http = fixture.Host.CreateClient();
        var user = await SocialClient.RegisterAsync(http);

        // Far beyond the limit: refused from its declared length, before the body is read.
        var tooLarge = new byte[MaxBytes * 2];
        TestImages.Png.CopyTo(tooLarge, 0);
        using (var response = await user.UploadAvatarAsync(tooLarge))
        {
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
            Assert.EndsWith("/avatar-too-large", (await AuthClient.BodyAsync(response)).GetProperty("type").GetString(), StringComparison.Ordinal);
        }

        using (var json = new HttpRequestMessage(HttpMethod.Post, "/api/users/avatar") { Content = JsonContent.Create(new { file = "x" }) })
        {
            json.Headers.Authorization = new AuthenticationHeaderValue("Bearer", user.Token);
            using var response = await http.SendAsync(json);
            Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        }

        using (var twoFiles = new HttpRequestMessage(HttpMethod.Post, "/api/users/avatar"))
        {
            using var form = new MultipartFormDataContent
            {
                { new ByteArrayContent(TestImages.Png), "file", "a.png" },
                { new ByteArrayContent(TestImages.Jpeg), "other", "b.jpg" },
            };
            twoFiles.Content = form;
            twoFiles.Headers.Authorization = new AuthenticationHeaderValue("Bearer", user.Token);
            using var response = await http.SendAsync(twoFiles);
            Assert.True((await SocialClient.ErrorsAsync(response)).TryGetProperty("file", out _));
        }

        Assert.Null(await user.AvatarUrlAsync(user.Id));
    }

    [Fact]
    public async Task A_hidden_profile_hides_the_avatar_from_other_users_but_its_link_works_for_who_has_it()
    {
        using var http = fixture.Host.CreateClient();
        var owner = await SocialClient.RegisterAsync(http);
        var stranger = await SocialClient.RegisterAsync(http);
        var url = await UploadAsync(owner, TestImages.Png);
        (await owner.SetVisibilityAsync("private")).Dispose();
        var unversioned = $"/api/users/{owner.Id}/avatar";

        using (var hidden = await stranger.GetWithTokenAsync(unversioned))
        {
            Assert.Equal(HttpStatusCode.Forbidden, hidden.StatusCode);
        }

        using (var anonymous = await http.GetAsync(unversioned))
        {
            Assert.Equal(HttpStatusCode.NotFound, anonymous.StatusCode);
        }

        using (var guessed = await http.GetAsync(unversioned + "?v=" + new string('0', 32)))
        {
            Assert.Equal(HttpStatusCode.NotFound, guessed.StatusCode);
        }

        using (var own = await owner.GetWithTokenAsync(unversioned))
        {
            Assert.Equal(HttpStatusCode.OK, own.StatusCode);
            Assert.True(own.Headers.CacheControl?.NoCache);
        }

        using var link = await http.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, link.StatusCode);
    }

    [Fact]
    public async Task Search_results_and_contact_lists_show_the_avatar_link()
    {
        using var http = fixture.Host.CreateClient();
        var owner = await SocialClient.RegisterAsync(http);
        var viewer = await SocialClient.RegisterAsync(http);
        var url = await UploadAsync(owner, TestImages.Png);
        (await viewer.AddContactAsync(owner.Id)).Dispose();

        using var search = await viewer.SearchAsync(owner.Name);
        var found = (await AuthClient.BodyAsync(search)).EnumerateArray().Single(u => u.GetProperty("id").GetGuid() == owner.Id);
        Assert.Equal(url, found.GetProperty("avatar").GetString());
        using var contacts = await viewer.ContactsAsync();
        var contact = (await AuthClient.BodyAsync(contacts)).EnumerateArray().Single(c => c.GetProperty("userId").GetGuid() == owner.Id);
        Assert.Equal(url, contact.GetProperty("avatar").GetString());
        using var image = await http.GetAsync(url);
        Assert.Equal(TestImages.Png, await image.Content.ReadAsByteArrayAsync());
    }

    private static async Task<string> UploadAsync(SocialClient user, byte[] image)
    {
        using var response = await user.UploadAvatarAsync(image);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await AuthClient.BodyAsync(response)).GetProperty("avatar").GetString()!;
    }

    /// <summary>The object key behind an avatar URL <c>/api/users/{id}/avatar?v={version}</c>.</summary>
    private static string KeyOf(string url)
    {
        var uri = new Uri(new Uri("http://localhost"), url);
        var id = uri.Segments[3].TrimEnd('/');
        var version = uri.Query["?v=".Length..];
        return $"avatars/{id}/{version}";
    }

    private static byte[] Image(string name) => name switch
    {
        nameof(TestImages.Png) => TestImages.Png,
        nameof(TestImages.Jpeg) => TestImages.Jpeg,
        nameof(TestImages.WebpLossy) => TestImages.WebpLossy,
        _ => TestImages.WebpLossless,
    };
}
