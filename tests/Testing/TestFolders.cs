namespace WebRtcChat.Testing;

/// <summary>
/// Scratch folders for test runs. Created world-traversable (0755): PostgreSQL runs as the
/// <c>postgres</c> user and must reach its data folder inside.
/// </summary>
public static class TestFolders
{
    public static string Create(string purpose)
    {
        var path = Path.Combine(Path.GetTempPath(), "webrtcchat-tests", $"{purpose}-{Guid.NewGuid():N}"[..(purpose.Length + 13)]);
        Directory.CreateDirectory(path);
        foreach (var folder in new[] { Path.GetDirectoryName(path)!, path })
        {
            File.SetUnixFileMode(folder, (UnixFileMode)0b111_101_101);
        }

        return path;
    }

    public static void Delete(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
            // A process that was just stopped may still be releasing a file; the folder is in /tmp.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>The repository root (the folder holding WebRtcChat.sln).</summary>
    public static string RepositoryRoot
    {
        get
        {
            for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "WebRtcChat.sln")))
                {
                    return folder.FullName;
                }
            }

            throw new InvalidOperationException("WebRtcChat.sln not found above " + AppContext.BaseDirectory);
        }
    }
}
