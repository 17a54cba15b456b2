using System.Runtime.InteropServices;

namespace Microsoft.Extensions.Hosting;

/// <summary>The C library's heap (what the runtime, the JIT and native libraries allocate with malloc).</summary>
internal static partial class NativeHeap
{
    private static bool unsupported = !OperatingSystem.IsLinux();

    /// <summary>
    /// Hands the heap's free pages back to the system (glibc's <c>malloc_trim(0)</c>); false where the C library has
    /// no such call (not Linux, or musl), and from then on without trying again.
    /// </summary>
    public static bool TryTrim()
    {
        if (unsupported)
        {
            return false;
        }

        try
        {
            MallocTrim(0);
            return true;
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            unsupported = true;
            return false;
        }
    }

    [LibraryImport("libc", EntryPoint = "malloc_trim")]
    private static partial int MallocTrim(nuint pad);
}
