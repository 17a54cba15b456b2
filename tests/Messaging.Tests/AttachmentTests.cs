using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using WebRtcChat.Messaging.Model;
using WebRtcChat.ServiceDefaults.ObjectStorage;
using static WebRtcChat.Messaging.Tests.ChatClient;

namespace WebRtcChat.Messaging.Tests;

/// <summary>Files, images and videos: checked by content, measured, stored per room, downloaded by members only, deleted with their message.</summary>
[Collection(MessagingCollection.Name)]
public sealed class AttachmentTests(MessagingFixture fixture)
{
    [Fact]
    public async Task An_image_gets_its_size_and_a_smaller_thumbnail_and_downloads_byte_for_byte()
    {
        var alice = await fixture.RegisterAsync();
        var roomId = await alice.NewGroupAsync("Photos");
        var png = await MediaFiles.PngAsync(1200, 800);

        using var response = await alice.SendFilesAsync(roomId, null, "Look!", ("holiday.png", png));

        var message = await BodyAsync(response, HttpStatusCode.Created);
        Assert.Equal("image", message.GetProperty("messageType").GetString());
        Assert.Equal("Look!", message.GetProperty("content").GetString());
        var image = Assert.Single(message.GetProperty("attachments").EnumerateArray());
        Assert.Equal("holiday.png", image.GetProperty("filename").GetString());
        Assert.Equal("image/png", image.GetProperty("mimeType").GetString());
        Assert.Equal(png.Length, image.GetProperty("size").GetInt64());
        Assert.Equal(1200, image.GetProperty("width").GetInt32());
        Assert.Equal(800, image.GetProperty("height").GetInt32());
        using (var original = await alice.DownloadAsync(image.GetProperty("url").GetString()!))
        {
            Assert.Equal(png, await original.Content.ReadAsByteArrayAsync());
        }

        using var thumbnail = await alice.DownloadAsync(image.GetProperty("thumbnailUrl").GetString()!);
        Assert.Equal(HttpStatusCode.OK, thumbnail.StatusCode);
        Assert.Equal("image/webp", thumbnail.Content.Headers.ContentType?.MediaType);
        var thumbnailBytes = await thumbnail.Content.ReadAsByteArrayAsync();
        Assert.InRange(thumbnailBytes.Length, 100, png.Length / 4);
        Assert.Equal("WEBP", System.Text.Encoding.ASCII.GetString(thumbnailBytes, 8, 4));
    }

    [Fact]
    public async Task A_pdf_a_zip_and_a_text_file_are_files_with_sniffed_types_and_clean_names()
    {
        var alice = await fixture.RegisterAsync();
        var roomId = await alice.NewGroupAsync("Docs");

        using var response = await alice.SendFilesAsync(roomId, null, null,
            ("report.pdf", MediaFiles.Pdf), ("archive.bin", MediaFiles.Zip("notes.txt", "hello")), (@"..\..\etc\evil<name>.txt", "plain text ✓\n"u8.ToArray()));

        var message = await BodyAsync(response, HttpStatusCode.Created);
        Assert.Equal("file", message.GetProperty("messageType").GetString());
        var files = message.GetProperty("attachments").EnumerateArray().ToList();
        Assert.Equal(["application/pdf", "application/zip", "text/plain"], files.Select(f => f.GetProperty("mimeType").GetString()));
        Assert.Equal(["report.pdf", "archive.bin", "evil_name_.txt"], files.Select(f => f.GetProperty("filename").GetString()));
        Assert.All(files, f => Assert.Equal(JsonValueKind.Null, f.GetProperty("thumbnailUrl").ValueKind));
        var sent = Assert.Single(await OutboxEvents.BodiesAsync(fixture.Database, "MessageSent", "roomId", roomId));
        Assert.Equal(3, sent.GetProperty("attachmentCount").GetInt32());
        var keys = await fixture.MessageKeysAsync(message.GetProperty("id").GetGuid());
        Assert.Equal(3, (await fixture.StoredAsync(keys)).Count);
        Assert.All(keys, key => Assert.StartsWith($"rooms/{roomId}/", key, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_video_is_measured_and_gets_a_thumbnail()
    {
        var alice = await fixture.RegisterAsync();
        var roomId = await alice.NewGroupAsync("Clips");

        using var response = await alice.SendFilesAsync(roomId, null, null, ("clip.webm", await MediaFiles.WebmVideoAsync(320, 240)));

        var message = await BodyAsync(response, HttpStatusCode.Created);
        Assert.Equal("video", message.GetProperty("messageType").GetString());
        var video = Assert.Single(message.GetProperty("attachments").EnumerateArray());
        Assert.Equal("video/webm", video.GetProperty("mimeType").GetString());
        Assert.Equal(320, video.GetProperty("width").GetInt32());
        Assert.Equal(240, video.GetProperty("height").GetInt32());
        using var thumbnail = await alice.DownloadAsync(video.GetProperty("thumbnailUrl").GetString()!);
        Assert.Equal(HttpStatusCode.OK, thumbnail.StatusCode);
    }

    [Theory]
    [InlineData("photo.png", "application/x-elf")]
    [InlineData("setup.png", "application/x-msdownload")]
    public async Task A_disallowed_type_named_as_an_image_is_refused_and_nothing_is_stored(string name, string sniffed)
    {
        var alice = await fixture.RegisterAsync();
        var roomId = await alice.NewGroupAsync("Docs");
        byte[] bytes = sniffed == "application/x-elf" ? MediaFiles.Elf : [(byte)'M', (byte)'Z', .. new byte[200]];

        using var response = await alice.SendFilesAsync(roomId, null, null, ("fine.pdf", MediaFiles.Pdf), (name, bytes));

        await AssertFieldErrorAsync(response, "files", sniffed);
        await fixture.AssertNothingStoredAsync(alice, roomId);
    }

    [Fact]
    public async Task A_file_over_the_size_limit_is_refused_with_413_and_nothing_is_stored()
    {
        var alice = await fixture.RegisterAsync();
        var roomId = await alice.NewGroupAsync("Docs");

        using var response = await alice.SendFilesAsync(roomId, null, null, ("big.pdf", [.. MediaFiles.Pdf, .. new byte[25 * 1024 * 1024]]));

        var problem = await BodyAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("big.pdf", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await fixture.AssertNothingStoredAsync(alice, roomId);
    }

    [Fact]
    public async Task An_upload_without_files_or_with_a_bad_reply_names_the_field()
    {
        var alice = await fixture.RegisterAsync();
        var roomId = await alice.NewGroupAsync("Docs");

        using (var none = await alice.SendFilesAsync(roomId, null, "caption only"))
        {
            await AssertFieldErrorAsync(none, "files", "1 to 10 files");
        }

        using (var notMultipart = await alice.GetPathAsync("/api/messages/attachments"))
        {
            Assert.Equal(HttpStatusCode.MethodNotAllowed, notMultipart.StatusCode);
        }

        await fixture.AssertNothingStoredAsync(alice, roomId);
    }

    [Fact]
    public async Task Only_members_get_a_download_link_and_it_expires_soon()
    {
        var alice = await fixture.RegisterAsync();
        var mallory = await fixture.RegisterAsync();
        var roomId = await alice.NewGroupAsync("Private");
        using var response = await alice.SendFilesAsync(roomId, null, null, ("secret.pdf", MediaFiles.Pdf));
        var url = (await BodyAsync(response, HttpStatusCode.Created)).GetProperty("attachments")[0].GetProperty("url").GetString()!;

        using (var stranger = await mallory.GetPathAsync(url))
        {
            Assert.Equal(HttpStatusCode.NotFound, stranger.StatusCode);
        }

        using (var strangerLink = await mallory.GetPathAsync(url + "/link"))
        {
            Assert.Equal(HttpStatusCode.NotFound, strangerLink.StatusCode);
        }

        using (var missing = await alice.GetPathAsync(url.Replace("/attachments/0", "/attachments/1", StringComparison.Ordinal)))
        {
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        }

        using var link = await alice.GetPathAsync(url + "/link");
        var body = await BodyAsync(link, HttpStatusCode.OK);
        Assert.InRange(body.GetProperty("expiresAt").GetDateTimeOffset(), DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddMinutes(6));
        Assert.Contains("X-Amz-Expires=300", body.GetProperty("url").GetString(), StringComparison.Ordinal);
        using var store = new HttpClient();
        Assert.Equal(MediaFiles.Pdf, await store.GetByteArrayAsync(body.GetProperty("url").GetString()));
    }

    [Fact]
    public async Task Deleting_the_message_removes_its_objects_from_the_store()
    {
        var alice = await fixture.RegisterAsync();
        var roomId = await alice.NewGroupAsync("Photos");
        using var response = await alice.SendFilesAsync(roomId, null, null, ("a.png", await MediaFiles.PngAsync(640, 480)), ("b.pdf", MediaFiles.Pdf));
        var message = await BodyAsync(response, HttpStatusCode.Created);
        var messageId = message.GetProperty("id").GetGuid();
        var keys = await fixture.MessageKeysAsync(messageId);
        Assert.Equal(3, keys.Count); // two files and the image's thumbnail
        Assert.Equal(keys, await fixture.StoredAsync(keys));

        using (var delete = await alice.DeleteAsync(messageId))
        {
            Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        }

        Assert.Empty(await fixture.StoredAsync(keys));
        Assert.Empty(await fixture.PendingCleanupsAsync(roomId));
        var tombstone = Assert.Single(await alice.AllMessagesAsync(roomId));
        Assert.Empty(tombstone.GetProperty("attachments").EnumerateArray());
        using var gone = await alice.GetPathAsync(message.GetProperty("attachments")[0].GetProperty("url").GetString()!);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task Retried_uploads_with_one_client_message_id_store_one_message_and_one_set_of_objects()
    {
        var alice = await fixture.RegisterAsync();
        var roomId = await alice.NewGroupAsync("Retries");
        var png = await MediaFiles.PngAsync(400, 300);
        var clientMessageId = Guid.NewGuid().ToString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => alice.SendFilesAsync(roomId, clientMessageId, null, ("p.png", png))));
        using var retry = await alice.SendFilesAsync(roomId, clientMessageId, null, ("p.png", png));

        var ids = new HashSet<Guid>();
        foreach (var response in responses.Append(retry))
        {
            ids.Add((await BodyAsync(response, response.StatusCode)).GetProperty("id").GetGuid());
            response.Dispose();
        }

        var id = Assert.Single(ids);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Single(await alice.AllMessagesAsync(roomId));
        var keys = await fixture.MessageKeysAsync(id);
        Assert.Equal(2, keys.Count);
        Assert.Equal(keys, await fixture.StoredAsync(keys));
        Assert.Empty(await fixture.PendingCleanupsAsync(roomId)); // the losing retries' uploads were deleted, not left behind
    }

    [Fact]
    public async Task The_sweeper_deletes_an_upload_that_no_message_claimed()
    {
        var roomId = Guid.CreateVersion7();
        var key = $"rooms/{roomId}/messages/{Guid.CreateVersion7()}/0";
        var store = fixture.Messaging.Services.GetRequiredService<ObjectStore>();
        using (var content = new MemoryStream(MediaFiles.Pdf))
        {
            await store.PutAsync(key, content, content.Length, "application/pdf", CancellationToken.None);
        }

        await using (var scope = fixture.Messaging.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Data.MessagingDbContext>();
            db.ObjectCleanups.Add(new ObjectCleanup { Key = key, DueAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        }

        await fixture.WaitForAsync(db => Task.FromResult(!db.ObjectCleanups.Any(c => c.Key == key)), "The sweeper never removed the cleanup row");
        Assert.False(await store.ExistsAsync(key, CancellationToken.None));
    }
}
