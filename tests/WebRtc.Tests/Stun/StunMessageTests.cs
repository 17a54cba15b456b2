using System.Buffers.Binary;
using System.Net;
using System.Text;
using WebRtcChat.WebRtc.Stun;

namespace WebRtcChat.WebRtc.Tests.Stun;

public sealed class StunMessageTests
{
    private const byte RfcPadding = 0x20;

    [Fact]
    public void The_RFC_5769_sample_request_parses_verifies_and_serializes_back_byte_for_byte()
    {
        Assert.Equal(StunParseResult.Ok, StunMessage.TryParse(Rfc5769Samples.Request, out var request));

        Assert.Equal(StunMessageType.BindingRequest, request.Type);
        Assert.Equal(Rfc5769Samples.TransactionId, request.TransactionId.ToArray());
        Assert.Equal("evtj:h6vY", Encoding.UTF8.GetString(request.Username));
        Assert.True(request.UsernameEquals("evtj:h6vY"));
        Assert.Equal("STUN test client", Encoding.UTF8.GetString(request.Software));
        Assert.Equal(0x6e0001ffu, request.Priority);
        Assert.Equal(0x932ff9b151263b36ul, request.IceControlled);
        Assert.Null(request.IceControlling);
        Assert.False(request.UseCandidate);
        Assert.True(request.HasFingerprint);
        Assert.True(request.VerifyIntegrity(Rfc5769Samples.Password));

        var written = new byte[Rfc5769Samples.Request.Length];
        var writer = new StunWriter(written, StunMessageType.BindingRequest, Rfc5769Samples.TransactionId, RfcPadding);
        writer.AddSoftware("STUN test client");
        writer.AddPriority(0x6e0001ff);
        writer.AddIceControlled(0x932ff9b151263b36);
        writer.AddUsername("evtj:h6vY");
        writer.AddMessageIntegrity(Rfc5769Samples.Password);
        writer.AddFingerprint();
        Assert.Equal(Rfc5769Samples.Request.Length, writer.Length);
        Assert.Equal(Rfc5769Samples.Request, written);
    }

    [Theory]
    [InlineData("ipv4", "192.0.2.1")]
    [InlineData("ipv6", "2001:db8:1234:5678:11:2233:4455:6677")]
    public void The_RFC_5769_sample_responses_parse_verify_and_serialize_back_byte_for_byte(string sample, string address)
    {
        var bytes = sample == "ipv4" ? Rfc5769Samples.Ipv4Response : Rfc5769Samples.Ipv6Response;
        var mapped = new IPEndPoint(IPAddress.Parse(address), 32853);

        Assert.Equal(StunParseResult.Ok, StunMessage.TryParse(bytes, out var response));
        Assert.Equal(StunMessageType.BindingSuccess, response.Type);
        Assert.True(response.TryGetXorMappedAddress(out var endPoint));
        Assert.Equal(mapped, endPoint);
        Assert.Equal("test vector", Encoding.UTF8.GetString(response.Software));
        Assert.True(response.VerifyIntegrity(Rfc5769Samples.Password));

        var written = new byte[bytes.Length];
        var writer = new StunWriter(written, StunMessageType.BindingSuccess, Rfc5769Samples.TransactionId, RfcPadding);
        writer.AddSoftware("test vector");
        writer.AddXorMappedAddress(mapped);
        writer.AddMessageIntegrity(Rfc5769Samples.Password);
        writer.AddFingerprint();
        Assert.Equal(bytes, written[..writer.Length]);
    }

    [Fact]
    public void A_wrong_password_fails_the_integrity_check()
    {
        Assert.Equal(StunParseResult.Ok, StunMessage.TryParse(Rfc5769Samples.Request, out var request));
        Assert.False(request.VerifyIntegrity("VOkJxbRl1RmTxUk/WvJxBT"));
    }

    [Fact]
    public void A_tampered_sample_fails_its_fingerprint()
    {
        var tampered = (byte[])Rfc5769Samples.Request.Clone();
        tampered[0x45] ^= 0x01; // the "h" of the USERNAME

        Assert.Equal(StunParseResult.BadFingerprint, StunMessage.TryParse(tampered, out _));
    }

    [Fact]
    public void A_tampered_sample_with_a_recomputed_fingerprint_fails_its_integrity()
    {
        var tampered = (byte[])Rfc5769Samples.Ipv4Response.Clone();
        tampered[0x2A] ^= 0x01; // the mapped port
        BinaryPrimitives.WriteUInt32BigEndian(tampered.AsSpan(tampered.Length - 4), StunFingerprint.Compute(tampered.AsSpan(0, tampered.Length - 8)));

        Assert.Equal(StunParseResult.Ok, StunMessage.TryParse(tampered, out var response));
        Assert.False(response.VerifyIntegrity(Rfc5769Samples.Password));
    }

    [Fact]
    public void Written_binding_requests_carry_every_ICE_attribute()
    {
        var buffer = new byte[256];
        var transaction = new byte[12];
        StunWriter.NewTransactionId(transaction);
        var writer = new StunWriter(buffer, StunMessageType.BindingRequest, transaction);
        writer.AddUsername("abcd:efgh");
        writer.AddPriority(1234);
        writer.AddUseCandidate();
        writer.AddIceControlling(42);
        writer.AddMessageIntegrity("a password of 22 chars");
        writer.AddFingerprint();

        Assert.Equal(StunParseResult.Ok, StunMessage.TryParse(buffer.AsSpan(0, writer.Length), out var message));
        Assert.True(message.UseCandidate);
        Assert.Equal(42ul, message.IceControlling);
        Assert.Equal(1234u, message.Priority);
        Assert.True(message.VerifyIntegrity("a password of 22 chars"));
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(487)]
    public void Error_responses_carry_their_code(int code)
    {
        var buffer = new byte[128];
        var writer = new StunWriter(buffer, StunMessageType.BindingError, Rfc5769Samples.TransactionId);
        writer.AddErrorCode(code);
        writer.AddFingerprint();

        Assert.Equal(StunParseResult.Ok, StunMessage.TryParse(buffer.AsSpan(0, writer.Length), out var message));
        Assert.Equal(StunMessageType.BindingError, message.Type);
        Assert.Equal(code, message.ErrorCode);
    }

    [Fact]
    public void Unknown_comprehension_optional_attributes_are_skipped_and_required_ones_refused()
    {
        Assert.Equal(StunParseResult.Ok, StunMessage.TryParse(WithOneAttribute(0x8123), out _));
        Assert.Equal(StunParseResult.UnknownComprehensionRequiredAttribute, StunMessage.TryParse(WithOneAttribute(0x0123), out _));
    }

    [Fact]
    public void Malformed_datagrams_are_refused_with_a_reason()
    {
        var request = Rfc5769Samples.Request;
        Assert.Equal(StunParseResult.TooShort, StunMessage.TryParse(request.AsSpan(0, 19), out _));
        Assert.Equal(StunParseResult.LengthMismatch, StunMessage.TryParse(request.AsSpan(0, request.Length - 4), out _));
        var badCookie = (byte[])request.Clone();
        badCookie[5] = 0;
        Assert.Equal(StunParseResult.NotStun, StunMessage.TryParse(badCookie, out _));
        var overlongAttribute = (byte[])request.Clone();
        overlongAttribute[23] = 0xFF; // SOFTWARE claims 0x00FF bytes
        Assert.Equal(StunParseResult.TruncatedAttribute, StunMessage.TryParse(overlongAttribute, out _));
        var shortPriority = (byte[])request.Clone();
        shortPriority[43] = 3; // PRIORITY claims 3 bytes
        Assert.Equal(StunParseResult.MalformedAttribute, StunMessage.TryParse(shortPriority, out _));
    }

    [Fact]
    public void Random_bytes_never_throw()
    {
        var random = new Random(7);
        var buffer = new byte[120];
        for (var i = 0; i < 20_000; i++)
        {
            random.NextBytes(buffer);
            var length = random.Next(buffer.Length);
            if (i % 2 == 0)
            {
                Rfc5769Samples.Request.AsSpan(0, Math.Min(length, Rfc5769Samples.Request.Length)).CopyTo(buffer);
                buffer[random.Next(length + 1)] ^= (byte)random.Next(256);
            }

            var result = StunMessage.TryParse(buffer.AsSpan(0, length), out var message);
            if (result == StunParseResult.Ok)
            {
                _ = message.VerifyIntegrity(Rfc5769Samples.Password);
                _ = message.TryGetXorMappedAddress(out _);
                _ = message.ErrorCode;
            }
        }
    }

    private static byte[] WithOneAttribute(ushort type)
    {
        var buffer = new byte[64];
        var writer = new StunWriter(buffer, StunMessageType.BindingRequest, Rfc5769Samples.TransactionId);
        writer.AddPriority(1);
        var length = writer.Length;
        buffer[length - 8] = (byte)(type >> 8);
        buffer[length - 7] = (byte)type;
        return buffer[..length];
    }
}
