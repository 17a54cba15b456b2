namespace WebRtcChat.Messaging.Attachments;

/// <summary>The form fields and spooled files of one multipart upload; disposing deletes the files.</summary>
public sealed class UploadBatch(string folder) : IDisposable
{
    public Dictionary<string, string> Fields { get; } = new(StringComparer.OrdinalIgnoreCase);

    public List<UploadedFile> Files { get; } = [];

    public string Folder => folder;

    public long TotalBytes => Files.Sum(f => f.Length);

    public string? Field(string name) => Fields.GetValueOrDefault(name);

    public void Dispose()
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (IOException)
        {
            // The temp folder is cleaned by the system eventually; a failed delete must not fail the request.
        }
    }
}
