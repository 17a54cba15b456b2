using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using System.Security.Cryptography;
using AesNi = System.Runtime.Intrinsics.X86.Aes;

namespace WebRtcChat.WebRtc.Srtp;

/// <summary>
/// AES-128-GCM (NIST SP 800-38D) on AES-NI and PCLMULQDQ. The counter blocks are encrypted four at a time so the AES
/// rounds overlap; GHASH works on byte-reflected blocks (Intel's carry-less multiplication method: a 256-bit product,
/// shifted left one bit for the reflection, reduced modulo x^128 + x^7 + x^2 + x + 1) and folds four blocks into one
/// reduction with the precomputed H, H^2, H^3 and H^4. Nothing is allocated per call.
/// </summary>
public sealed class IntrinsicsAesGcm : GcmCipher
{
    private const int Block = 16;
    private const int Rounds = 10;

    private static readonly Vector128<byte> ByteReversal = Vector128.Create((byte)15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0);

    private Vector128<ulong> h1;
    private Vector128<ulong> h2;
    private Vector128<ulong> h3;
    private Vector128<ulong> h4;
    private RoundKeys keys;

    public IntrinsicsAesGcm(ReadOnlySpan<byte> key)
    {
        if (!IsSupported)
        {
            throw new PlatformNotSupportedException("This CPU lacks AES-NI, PCLMULQDQ or SSSE3; use GcmCipher.Create.");
        }

        if (key.Length != KeyLength)
        {
            throw new ArgumentException($"AES-128-GCM takes a {KeyLength}-byte key.", nameof(key));
        }

        ExpandKey(Vector128.Create(key), ref keys);
        h1 = Reflect(EncryptBlock(Vector128<byte>.Zero)).AsUInt64();
        h2 = Reduce(Multiply(h1, h1));
        h3 = Reduce(Multiply(h2, h1));
        h4 = Reduce(Multiply(h3, h1));
    }

    public static bool IsSupported => AesNi.IsSupported && Pclmulqdq.IsSupported && Ssse3.IsSupported;

    public override void Encrypt(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> plaintext, Span<byte> ciphertext, Span<byte> tag, ReadOnlySpan<byte> associatedData)
    {
        CheckLengths(nonce, plaintext.Length, ciphertext.Length, tag.Length);
        var counter = CounterBase(nonce);
        var hash = Transform(counter, plaintext, ciphertext, HashPadded(Vector128<ulong>.Zero, associatedData), encrypting: true);
        Tag(hash, counter, associatedData.Length, plaintext.Length).StoreUnsafe(ref MemoryMarshal.GetReference(tag));
    }

    public override bool TryDecrypt(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> ciphertext, ReadOnlySpan<byte> tag, Span<byte> plaintext, ReadOnlySpan<byte> associatedData)
    {
        CheckLengths(nonce, ciphertext.Length, plaintext.Length, tag.Length);
        var counter = CounterBase(nonce);
        var hash = Transform(counter, ciphertext, plaintext, HashPadded(Vector128<ulong>.Zero, associatedData), encrypting: false);
        Span<byte> expected = stackalloc byte[TagLength];
        Tag(hash, counter, associatedData.Length, ciphertext.Length).StoreUnsafe(ref MemoryMarshal.GetReference(expected));
        if (CryptographicOperations.FixedTimeEquals(expected, tag))
        {
            return true;
        }

        CryptographicOperations.ZeroMemory(plaintext);
        return false;
    }

    /// <summary>Forgets the key schedule and the hash key's powers.</summary>
    protected override void Dispose(bool disposing)
    {
        keys = default;
        (h1, h2, h3, h4) = (default, default, default, default);
    }

    /// <summary>
    /// XORs <paramref name="input"/> with the keystream of counters 2, 3, ... into <paramref name="output"/>, hashing the
    /// ciphertext side (the output when encrypting, the input when decrypting) into <paramref name="hash"/>.
    /// </summary>
    private Vector128<ulong> Transform(Vector128<uint> counterBase, ReadOnlySpan<byte> input, Span<byte> output, Vector128<ulong> hash, bool encrypting)
    {
        ref var source = ref MemoryMarshal.GetReference(input);
        ref var target = ref MemoryMarshal.GetReference(output);
        var counter = 2u;
        var offset = 0;
        for (; offset + (4 * Block) <= input.Length; offset += 4 * Block, counter += 4)
        {
            var k0 = CounterBlock(counterBase, counter);
            var k1 = CounterBlock(counterBase, counter + 1);
            var k2 = CounterBlock(counterBase, counter + 2);
            var k3 = CounterBlock(counterBase, counter + 3);
            EncryptBlocks(ref k0, ref k1, ref k2, ref k3);
            var in0 = Vector128.LoadUnsafe(ref source, (nuint)offset);
            var in1 = Vector128.LoadUnsafe(ref source, (nuint)(offset + Block));
            var in2 = Vector128.LoadUnsafe(ref source, (nuint)(offset + (2 * Block)));
            var in3 = Vector128.LoadUnsafe(ref source, (nuint)(offset + (3 * Block)));
            var out0 = in0 ^ k0;
            var out1 = in1 ^ k1;
            var out2 = in2 ^ k2;
            var out3 = in3 ^ k3;
            out0.StoreUnsafe(ref target, (nuint)offset);
            out1.StoreUnsafe(ref target, (nuint)(offset + Block));
            out2.StoreUnsafe(ref target, (nuint)(offset + (2 * Block)));
            out3.StoreUnsafe(ref target, (nuint)(offset + (3 * Block)));
            hash = encrypting ? HashFour(hash, out0, out1, out2, out3) : HashFour(hash, in0, in1, in2, in3);
        }

        for (; offset + Block <= input.Length; offset += Block, counter++)
        {
            var block = Vector128.LoadUnsafe(ref source, (nuint)offset);
            var result = block ^ EncryptBlock(CounterBlock(counterBase, counter));
            result.StoreUnsafe(ref target, (nuint)offset);
            hash = HashOne(hash, encrypting ? result : block);
        }

        if (offset < input.Length)
        {
            // The last, partial block: the hash takes the ciphertext zero-padded.
            var length = input.Length - offset;
            Span<byte> padded = stackalloc byte[Block];
            padded.Clear();
            input[offset..].CopyTo(padded);
            var block = Vector128.Create(padded);
            var result = block ^ EncryptBlock(CounterBlock(counterBase, counter));
            result.CopyTo(padded);
            padded[..length].CopyTo(output[offset..]);
            padded[length..].Clear();
            hash = HashOne(hash, encrypting ? Vector128.Create(padded) : block);
        }

        return hash;
    }

    private Vector128<ulong> HashPadded(Vector128<ulong> hash, ReadOnlySpan<byte> data)
    {
        for (; data.Length >= Block; data = data[Block..])
        {
            hash = HashOne(hash, Vector128.Create(data));
        }

        if (data.IsEmpty)
        {
            return hash;
        }

        Span<byte> padded = stackalloc byte[Block];
        padded.Clear();
        data.CopyTo(padded);
        return HashOne(hash, Vector128.Create(padded));
    }

    /// <summary>GHASH's last block (the bit lengths of the associated data and the text), then the tag: E(K, J0) XOR GHASH.</summary>
    private Vector128<byte> Tag(Vector128<ulong> hash, Vector128<uint> counterBase, int associatedLength, int textLength)
    {
        Span<byte> lengths = stackalloc byte[Block];
        BinaryPrimitives.WriteUInt64BigEndian(lengths, (ulong)associatedLength * 8);
        BinaryPrimitives.WriteUInt64BigEndian(lengths[8..], (ulong)textLength * 8);
        hash = HashOne(hash, Vector128.Create(lengths));
        return Reflect(hash.AsByte()) ^ EncryptBlock(CounterBlock(counterBase, 1));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Vector128<ulong> HashOne(Vector128<ulong> hash, Vector128<byte> block) =>
        Reduce(Multiply(hash ^ Reflect(block).AsUInt64(), h1));

    /// <summary>((((X ^ B0)·H ^ B1)·H ^ B2)·H ^ B3)·H, as (X ^ B0)·H^4 ^ B1·H^3 ^ B2·H^2 ^ B3·H with one reduction.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Vector128<ulong> HashFour(Vector128<ulong> hash, Vector128<byte> b0, Vector128<byte> b1, Vector128<byte> b2, Vector128<byte> b3)
    {
        var p0 = Multiply(hash ^ Reflect(b0).AsUInt64(), h4);
        var p1 = Multiply(Reflect(b1).AsUInt64(), h3);
        var p2 = Multiply(Reflect(b2).AsUInt64(), h2);
        var p3 = Multiply(Reflect(b3).AsUInt64(), h1);
        return Reduce((p0.Low ^ p1.Low ^ p2.Low ^ p3.Low, p0.High ^ p1.High ^ p2.High ^ p3.High));
    }

    /// <summary>The 256-bit carry-less product of two 128-bit values (schoolbook: four 64-bit multiplications).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector128<ulong> Low, Vector128<ulong> High) Multiply(Vector128<ulong> a, Vector128<ulong> b)
    {
        var low = Pclmulqdq.CarrylessMultiply(a, b, 0x00);
        var middle = Pclmulqdq.CarrylessMultiply(a, b, 0x10) ^ Pclmulqdq.CarrylessMultiply(a, b, 0x01);
        var high = Pclmulqdq.CarrylessMultiply(a, b, 0x11);
        low ^= Sse2.ShiftLeftLogical128BitLane(middle.AsByte(), 8).AsUInt64();
        high ^= Sse2.ShiftRightLogical128BitLane(middle.AsByte(), 8).AsUInt64();
        return (low, high);
    }

    /// <summary>Shifts the reflected 256-bit product left one bit, then reduces it modulo the GCM polynomial.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<ulong> Reduce((Vector128<ulong> Low, Vector128<ulong> High) product)
    {
        var low = product.Low.AsUInt32();
        var high = product.High.AsUInt32();
        var lowCarries = Sse2.ShiftRightLogical(low, 31);
        var highCarries = Sse2.ShiftRightLogical(high, 31);
        var crossing = Sse2.ShiftRightLogical128BitLane(lowCarries.AsByte(), 12).AsUInt32();
        low = Sse2.ShiftLeftLogical(low, 1) | Sse2.ShiftLeftLogical128BitLane(lowCarries.AsByte(), 4).AsUInt32();
        high = Sse2.ShiftLeftLogical(high, 1) | Sse2.ShiftLeftLogical128BitLane(highCarries.AsByte(), 4).AsUInt32() | crossing;

        var folded = Sse2.ShiftLeftLogical(low, 31) ^ Sse2.ShiftLeftLogical(low, 30) ^ Sse2.ShiftLeftLogical(low, 25);
        var spill = Sse2.ShiftRightLogical128BitLane(folded.AsByte(), 4).AsUInt32();
        low ^= Sse2.ShiftLeftLogical128BitLane(folded.AsByte(), 12).AsUInt32();
        var shifted = Sse2.ShiftRightLogical(low, 1) ^ Sse2.ShiftRightLogical(low, 2) ^ Sse2.ShiftRightLogical(low, 7) ^ spill;
        return (high ^ low ^ shifted).AsUInt64();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<byte> Reflect(Vector128<byte> value) => Ssse3.Shuffle(value, ByteReversal);

    /// <summary>J0 without its counter: the nonce in the first 12 bytes, zero in the last four.</summary>
    private static Vector128<uint> CounterBase(ReadOnlySpan<byte> nonce)
    {
        Span<byte> block = stackalloc byte[Block];
        nonce.CopyTo(block);
        block[NonceLength..].Clear();
        return Vector128.Create(block).AsUInt32();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<byte> CounterBlock(Vector128<uint> counterBase, uint counter) =>
        counterBase.WithElement(3, BinaryPrimitives.ReverseEndianness(counter)).AsByte();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Vector128<byte> EncryptBlock(Vector128<byte> block)
    {
        block ^= keys[0];
        for (var round = 1; round < Rounds; round++)
        {
            block = AesNi.Encrypt(block, keys[round]);
        }

        return AesNi.EncryptLast(block, keys[Rounds]);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void EncryptBlocks(ref Vector128<byte> b0, ref Vector128<byte> b1, ref Vector128<byte> b2, ref Vector128<byte> b3)
    {
        var key = keys[0];
        b0 ^= key;
        b1 ^= key;
        b2 ^= key;
        b3 ^= key;
        for (var round = 1; round < Rounds; round++)
        {
            key = keys[round];
            b0 = AesNi.Encrypt(b0, key);
            b1 = AesNi.Encrypt(b1, key);
            b2 = AesNi.Encrypt(b2, key);
            b3 = AesNi.Encrypt(b3, key);
        }

        key = keys[Rounds];
        b0 = AesNi.EncryptLast(b0, key);
        b1 = AesNi.EncryptLast(b1, key);
        b2 = AesNi.EncryptLast(b2, key);
        b3 = AesNi.EncryptLast(b3, key);
    }

    /// <summary>The AES-128 key schedule (FIPS 197 §5.2) with AESKEYGENASSIST, whose round constant must be an immediate.</summary>
    private static void ExpandKey(Vector128<byte> key, ref RoundKeys keys)
    {
        keys[0] = key;
        keys[1] = NextRoundKey(keys[0], AesNi.KeygenAssist(keys[0], 0x01));
        keys[2] = NextRoundKey(keys[1], AesNi.KeygenAssist(keys[1], 0x02));
        keys[3] = NextRoundKey(keys[2], AesNi.KeygenAssist(keys[2], 0x04));
        keys[4] = NextRoundKey(keys[3], AesNi.KeygenAssist(keys[3], 0x08));
        keys[5] = NextRoundKey(keys[4], AesNi.KeygenAssist(keys[4], 0x10));
        keys[6] = NextRoundKey(keys[5], AesNi.KeygenAssist(keys[5], 0x20));
        keys[7] = NextRoundKey(keys[6], AesNi.KeygenAssist(keys[6], 0x40));
        keys[8] = NextRoundKey(keys[7], AesNi.KeygenAssist(keys[7], 0x80));
        keys[9] = NextRoundKey(keys[8], AesNi.KeygenAssist(keys[8], 0x1B));
        keys[10] = NextRoundKey(keys[9], AesNi.KeygenAssist(keys[9], 0x36));
    }

    private static Vector128<byte> NextRoundKey(Vector128<byte> key, Vector128<byte> assist)
    {
        var rotated = Sse2.Shuffle(assist.AsUInt32(), 0xFF).AsByte();
        key ^= Sse2.ShiftLeftLogical128BitLane(key, 4);
        key ^= Sse2.ShiftLeftLogical128BitLane(key, 4);
        key ^= Sse2.ShiftLeftLogical128BitLane(key, 4);
        return key ^ rotated;
    }

    [InlineArray(Rounds + 1)]
    private struct RoundKeys
    {
        private Vector128<byte> first;
    }
}
