using System.Runtime.InteropServices;
using WebRtcChat.WebRtc.Srtp;

namespace WebRtcChat.WebRtc.Tests.Srtp;

/// <summary>
/// The reference SRTP implementation browsers use, libsrtp 2 (Debian's libsrtp2-1, installed with Janus), as the
/// other end of interop tests: one session per direction, keyed with one master key and salt.
/// </summary>
internal sealed partial class LibSrtp : IDisposable
{
    private const string Library = "libsrtp2.so.1";
    private const int AnyInbound = 2;
    private const int AnyOutbound = 3;

    private readonly IntPtr session;
    private GCHandle keyHandle;

    static LibSrtp() => Check(srtp_init(), "srtp_init");

    public LibSrtp(SrtpProfile profile, byte[] masterKey, byte[] masterSalt, bool outbound)
    {
        keyHandle = GCHandle.Alloc(masterKey.Concat(masterSalt).ToArray(), GCHandleType.Pinned);
        var crypto = new CryptoPolicy();
        if (profile == SrtpProfile.AeadAes128Gcm)
        {
            srtp_crypto_policy_set_aes_gcm_128_16_auth(ref crypto);
        }
        else
        {
            srtp_crypto_policy_set_rtp_default(ref crypto);
        }

        var policy = new Policy
        {
            SsrcType = outbound ? AnyOutbound : AnyInbound,
            Rtp = crypto,
            Rtcp = crypto,
            Key = keyHandle.AddrOfPinnedObject(),
            WindowSize = 128,
        };
        Check(srtp_create(out session, ref policy), "srtp_create");
    }

    /// <summary>Protects buffer[..length] (the buffer needs room for the tag); returns the new length.</summary>
    public int ProtectRtp(byte[] buffer, int length) => Call(srtp_protect(session, buffer, ref length), length, "srtp_protect");

    public int UnprotectRtp(byte[] buffer, int length) => Call(srtp_unprotect(session, buffer, ref length), length, "srtp_unprotect");

    public int ProtectRtcp(byte[] buffer, int length) => Call(srtp_protect_rtcp(session, buffer, ref length), length, "srtp_protect_rtcp");

    public int UnprotectRtcp(byte[] buffer, int length) => Call(srtp_unprotect_rtcp(session, buffer, ref length), length, "srtp_unprotect_rtcp");

    public void Dispose()
    {
        srtp_dealloc(session);
        keyHandle.Free();
    }

    private static int Call(int status, int length, string function)
    {
        Check(status, function);
        return length;
    }

    private static void Check(int status, string function) => Assert.True(status == 0, $"{function} failed with libsrtp status {status}");

    [LibraryImport(Library)]
    private static partial int srtp_init();

    [LibraryImport(Library)]
    private static partial int srtp_create(out IntPtr session, ref Policy policy);

    [LibraryImport(Library)]
    private static partial int srtp_dealloc(IntPtr session);

    [LibraryImport(Library)]
    private static partial void srtp_crypto_policy_set_rtp_default(ref CryptoPolicy policy);

    [LibraryImport(Library)]
    private static partial void srtp_crypto_policy_set_aes_gcm_128_16_auth(ref CryptoPolicy policy);

    [LibraryImport(Library)]
    private static partial int srtp_protect(IntPtr session, [In, Out] byte[] packet, ref int length);

    [LibraryImport(Library)]
    private static partial int srtp_unprotect(IntPtr session, [In, Out] byte[] packet, ref int length);

    [LibraryImport(Library)]
    private static partial int srtp_protect_rtcp(IntPtr session, [In, Out] byte[] packet, ref int length);

    [LibraryImport(Library)]
    private static partial int srtp_unprotect_rtcp(IntPtr session, [In, Out] byte[] packet, ref int length);

    /// <summary>srtp_crypto_policy_t.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct CryptoPolicy
    {
        public int CipherType;
        public int CipherKeyLength;
        public int AuthType;
        public int AuthKeyLength;
        public int AuthTagLength;
        public int SecurityServices;
    }

    /// <summary>srtp_policy_t of libsrtp 2.x.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct Policy
    {
        public int SsrcType;
        public uint SsrcValue;
        public CryptoPolicy Rtp;
        public CryptoPolicy Rtcp;
        public IntPtr Key;
        public IntPtr Keys;
        public nuint NumMasterKeys;
        public IntPtr DeprecatedEkt;
        public nuint WindowSize;
        public int AllowRepeatTx;
        public IntPtr EncryptedExtensionHeaders;
        public int EncryptedExtensionHeaderCount;
        public IntPtr Next;
    }
}
