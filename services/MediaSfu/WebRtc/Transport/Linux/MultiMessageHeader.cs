using System.Runtime.InteropServices;

namespace WebRtcChat.WebRtc.Transport.Linux;

/// <summary>struct iovec (x86-64 and arm64 Linux).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct IoVector
{
    public IntPtr Base;
    public nuint Length;
}

/// <summary>struct mmsghdr: a struct msghdr and the byte count the kernel sent or received for it (64 bytes).</summary>
[StructLayout(LayoutKind.Sequential, Size = 64)]
internal struct MultiMessageHeader
{
    public IntPtr Name;
    public uint NameLength;
    public IntPtr Vectors;
    public nuint VectorCount;
    public IntPtr Control;
    public nuint ControlLength;
    public int Flags;
    private readonly int flagsPadding; // struct msghdr ends on an 8-byte boundary before msg_len
    public uint TransferredLength;
}
